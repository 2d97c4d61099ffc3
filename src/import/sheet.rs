//! Spreadsheets (`.xlsx`, `.xls`, `.ods`) through calamine: every sheet
//! (or only `--sheet NAME`) is a table, a hidden one only named in the
//! report; every cell a cell, each line of a cell a paragraph; rows and
//! columns keep their spreadsheet names (`B5`); the cells an `.xlsx`
//! merged cell covers are marked `merged`. A cell's value is written as an
//! Italian sheet shows it ([`cell_text`]): a date `01/03/2026`, not the
//! serial number Excel keeps.

use std::io::{Read, Seek};

use calamine::{Data, Ods, Range, Reader, Xls, Xlsx, open_workbook_from_rs};

use super::{Cell, Format, Places, ReadError, Row, Table};
use crate::i18n::t;

pub(super) fn read(
    bytes: &[u8],
    format: Format,
    only: Option<&str>,
) -> Result<Vec<Table>, ReadError> {
    let cursor = std::io::Cursor::new(bytes);
    let tables = if format == Format::Ods {
        let mut book =
            open_workbook_from_rs::<Ods<_>, _>(cursor).map_err(|e| damaged(".ods", &e))?;
        sheets(&mut book, only)?
    } else if format == Format::Xls {
        let mut book =
            open_workbook_from_rs::<Xls<_>, _>(cursor).map_err(|e| damaged(".xls", &e))?;
        sheets(&mut book, only)?
    } else {
        let mut book =
            open_workbook_from_rs::<Xlsx<_>, _>(cursor).map_err(|e| damaged(".xlsx", &e))?;
        let mut tables = sheets(&mut book, only)?;
        for (name, t) in &mut tables {
            if let Ok(merges) = book.merge_cells_by_sheet_name(name) {
                mark_merged(t, &merges);
            }
        }
        tables
    };
    Ok(tables.into_iter().map(|(_, t)| t).collect())
}

/// Marks the cells that merged cells cover (all but the first of each
/// merge), as Word's merged cells are: a row under a merged unit or kind
/// cell is a row of its own, of the same unit, of the same kind.
fn mark_merged(t: &mut Table, merges: &[calamine::Dimensions]) {
    let first = t.rows.first().map_or(1, |r| r.number);
    // Cells past the widest row hold nothing: a merge reaching column XFD
    // adds no cells.
    let width = t.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0) as u32;
    let last_row = (first + t.rows.len()) as u32;
    for m in merges {
        for r in m.start.0..=m.end.0.min(last_row) {
            let Some(row) = (r as usize + 1)
                .checked_sub(first)
                .and_then(|i| t.rows.get_mut(i))
            else {
                continue;
            };
            for c in m.start.1..=m.end.1.min(width.saturating_sub(1)) {
                if (r, c) == m.start {
                    continue;
                }
                let c = c as usize;
                if row.cells.len() <= c {
                    row.cells.resize(c + 1, Cell::default());
                }
                row.cells[c].merged = true;
            }
        }
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

/// The sheets read, each with its name.
fn sheets<RS: Read + Seek, B: Reader<RS>>(
    book: &mut B,
    only: Option<&str>,
) -> Result<Vec<(String, Table)>, ReadError>
where
    B::Error: std::fmt::Display,
{
    let names = book.sheet_names();
    // A hidden sheet (lists for a drop-down, last year's copy) is not what
    // the clerk sees: named in the report, read only with `--sheet`.
    let hidden: Vec<String> = book
        .sheets_metadata()
        .iter()
        .filter(|s| s.visible != calamine::SheetVisible::Visible)
        .map(|s| s.name.clone())
        .collect();
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
        let mut t = table(&name, &range);
        t.hidden = only.is_none() && hidden.contains(&name);
        tables.push((name, t));
    }
    Ok(tables)
}

/// The text of a cell as the sheet shows it in Italy: a date as
/// `01/03/2026` (with the time when it has one), a time as `08:30`, a
/// decimal number with a comma and without the binary noise of its last
/// digits (`0,3`, not `0.30000000000000004`). A formula's error stays
/// as calamine names it (`#REF!`), for `catalogue` to report.
fn cell_text(d: &Data) -> String {
    match d {
        Data::DateTime(dt) if dt.is_duration() => {
            let minutes = (dt.as_f64() * 24.0 * 60.0).round() as i64;
            format!("{}:{:02}", minutes / 60, minutes % 60)
        }
        Data::DateTime(dt) => {
            let (y, mo, day, h, mi, s, _) = dt.to_ymd_hms_milli();
            if dt.as_f64() < 1.0 {
                // A time of day with no date.
                format!("{h:02}:{mi:02}")
            } else if (h, mi, s) == (0, 0, 0) {
                format!("{day:02}/{mo:02}/{y:04}")
            } else {
                format!("{day:02}/{mo:02}/{y:04} {h:02}:{mi:02}")
            }
        }
        Data::DateTimeIso(iso) => iso_date(iso).unwrap_or_else(|| iso.clone()),
        Data::Float(f) => decimal(*f),
        other => other.to_string(),
    }
}

/// `2026-03-01` (LibreOffice's date value, maybe with a time) as
/// `01/03/2026`.
fn iso_date(iso: &str) -> Option<String> {
    let (date, time) = match iso.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (iso, None),
    };
    let mut parts = date.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    if parts.next().is_some() || !digits(y, 4) || !digits(m, 2) || !digits(d, 2) {
        return None;
    }
    let time = time
        .map(|t| t.get(..5).unwrap_or(t))
        .filter(|t| *t != "00:00");
    Some(match time {
        Some(t) => format!("{d}/{m}/{y} {t}"),
        None => format!("{d}/{m}/{y}"),
    })
}

/// A number as an Italian sheet shows it: at most 15 significant digits
/// (Excel's precision), a decimal comma, no trailing zeros.
fn decimal(f: f64) -> String {
    if !f.is_finite() {
        return f.to_string();
    }
    if f.fract() == 0.0 && f.abs() < 1e15 {
        return format!("{f:.0}");
    }
    let magnitude = if f == 0.0 {
        0
    } else {
        f.abs().log10().floor() as i32
    };
    let decimals = (14 - magnitude).clamp(0, 20) as usize;
    let s = format!("{f:.decimals$}");
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        &s
    };
    s.replace('.', ",")
}

fn table(name: &str, range: &Range<Data>) -> Table {
    let (row0, col0) = range.start().unwrap_or((0, 0));
    let rows = range
        .rows()
        .enumerate()
        .map(|(i, cells)| {
            let mut cells: Vec<Cell> = cells
                .iter()
                .map(|d| Cell::from_text(&cell_text(d)))
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
        hidden: false,
    }
}

#[cfg(test)]
mod tests {
    use calamine::{ExcelDateTime, ExcelDateTimeType};

    use super::*;

    fn date(serial: f64) -> Data {
        Data::DateTime(ExcelDateTime::new(
            serial,
            ExcelDateTimeType::DateTime,
            false,
        ))
    }

    /// Dates and numbers as the clerk saw them in the sheet: a date typed
    /// in a note was once published as its serial number (`46082`).
    #[test]
    fn cells_read_as_an_italian_sheet_shows_them() {
        for (d, want) in [
            (date(46082.0), "01/03/2026"),
            (date(46082.5), "01/03/2026 12:00"),
            (date(0.354_166_666_666_666_7), "08:30"),
            (
                Data::DateTime(ExcelDateTime::new(1.5, ExcelDateTimeType::TimeDelta, false)),
                "36:00",
            ),
            (Data::DateTimeIso("2026-03-01".into()), "01/03/2026"),
            (
                Data::DateTimeIso("2026-03-01T09:15:00".into()),
                "01/03/2026 09:15",
            ),
            (Data::DateTimeIso("PT8H".into()), "PT8H"),
            (Data::Float(0.1 + 0.2), "0,3"),
            (Data::Float(1.5), "1,5"),
            (Data::Float(2026.0), "2026"),
            (Data::Float(-0.25), "-0,25"),
            (Data::Float(123_456.789), "123456,789"),
            (Data::Int(730), "730"),
            (Data::String("Sì".into()), "Sì"),
            (Data::Bool(true), "true"),
            (Data::Error(calamine::CellErrorType::Ref), "#REF!"),
            (Data::Empty, ""),
        ] {
            assert_eq!(cell_text(&d), want, "{d:?}");
        }
    }
}
