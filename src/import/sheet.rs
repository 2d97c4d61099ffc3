//! Spreadsheets (`.xlsx`, `.ods`) through calamine: every sheet (or only
//! `--sheet NAME`) is a table, every cell a cell, each line of a cell a
//! paragraph; rows and columns keep their spreadsheet names (`B5`).

use std::io::{Read, Seek};

use calamine::{Data, Ods, Range, Reader, Xlsx, open_workbook_from_rs};

use super::{Cell, Format, Places, ReadError, Row, Table};
use crate::i18n::t;

pub(super) fn read(
    bytes: &[u8],
    format: Format,
    only: Option<&str>,
) -> Result<Vec<Table>, ReadError> {
    let cursor = std::io::Cursor::new(bytes);
    if format == Format::Ods {
        let book = open_workbook_from_rs::<Ods<_>, _>(cursor).map_err(|e| damaged(".ods", &e))?;
        sheets(book, only)
    } else {
        let book = open_workbook_from_rs::<Xlsx<_>, _>(cursor).map_err(|e| damaged(".xlsx", &e))?;
        sheets(book, only)
    }
}

fn damaged(kind: &str, e: &dyn std::fmt::Display) -> ReadError {
    ReadError::new(t!(
        "import-sheet-damaged",
        kind = kind,
        error = e.to_string()
    ))
    .hint(t!("import-sheet-damaged-hint", kind = kind))
}

fn sheets<RS: Read + Seek, B: Reader<RS>>(
    mut book: B,
    only: Option<&str>,
) -> Result<Vec<Table>, ReadError>
where
    B::Error: std::fmt::Display,
{
    let names = book.sheet_names();
    let chosen: Vec<String> = match only {
        None => names.clone(),
        Some(want) => {
            let found = names.iter().find(|n| n.as_str() == want).or_else(|| {
                names
                    .iter()
                    .find(|n| n.trim().eq_ignore_ascii_case(want.trim()))
            });
            match found {
                Some(n) => vec![n.clone()],
                None => {
                    let list: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
                    return Err(ReadError::new(t!("import-no-such-sheet", name = want))
                        .hint(t!("import-no-such-sheet-hint", sheets = list.join(", "))));
                }
            }
        }
    };
    let mut tables = Vec::new();
    for name in chosen {
        let range = book.worksheet_range(&name).map_err(|e| {
            ReadError::new(t!(
                "import-sheet-unreadable",
                name = &name,
                error = e.to_string()
            ))
        })?;
        tables.push(table(&name, &range));
    }
    Ok(tables)
}

fn table(name: &str, range: &Range<Data>) -> Table {
    let (row0, col0) = range.start().unwrap_or((0, 0));
    let rows = range
        .rows()
        .enumerate()
        .map(|(i, cells)| {
            let mut cells: Vec<Cell> = cells
                .iter()
                .map(|d| Cell::from_text(&d.to_string()))
                .collect();
            // Columns keep their letters: pad for a range that starts after A.
            for _ in 0..col0 {
                cells.insert(0, Cell::default());
            }
            Row {
                number: row0 as usize + i + 1,
                cells,
            }
        })
        .collect();
    Table {
        label: t!("import-label-sheet", name = name),
        places: Places::Cells,
        rows,
        unread: Vec::new(),
        outside: Default::default(),
    }
}
