//! `catalogo.json` (the whole catalogue: the body, the common activities,
//! then unit by unit; the heads serialized from borrowed structs, the
//! activities written by hand, no `serde_json::Value`), its JSON Schema,
//! `catalogo.schema.json`, and the pretty printer of every JSON file
//! ([`Pretty`]).

use serde::Serialize;
use serde_json::{Value, json};

use super::rows::{Row, unit_rows};
use super::{JSON_SCHEMA, licence};
use crate::model::fields::Published;
use crate::model::{self, ListKind, Site, UnitFile};
use crate::scan;
use crate::views::{self, UnitView};

/// `catalogo.json`, pretty, with a newline at the end, written to `w` (a
/// build: straight into the file, which at 10,000 units is 137 MB; in
/// memory, `opendata` reserves a little more than the CSV takes: the JSON
/// of the catalogues measured is within 5% of it, more for a handful of
/// rows; pages reserved and never written cost no memory).
///
/// Byte for byte what serde_json's pretty printer writes of the
/// catalogue, but only the catalogue's and each unit's head (their fields
/// before the lists) go through serde: the activities, nearly all of the
/// file, are written here ([`Out`]), their texts escaped with a word-wise
/// scan (serde_json looks at every byte, and its calls per field and
/// per line were the JSON's cost in issue 25's profile).
pub(super) fn write_json(
    site: &Site,
    common: Option<&UnitView>,
    units: &[UnitView],
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let c = &site.config;
    let base = c.base_url.as_str();
    let partial = site.has_partial();
    let mut out = Out::new(w);
    // The head's closing `}` is taken off: the lists follow in the object.
    out.head(&head(site), 0)?;
    let common = common.map(|u| unit_rows(u, c.lists())).unwrap_or_default();
    out.lists(&common, partial, base, 1);
    out.key(1, "unita");
    if units.is_empty() {
        out.buf.extend_from_slice(b"[]");
    } else {
        out.buf.push(b'[');
        for (i, (u, m)) in units.iter().zip(&site.units).enumerate() {
            out.line(i > 0, 2);
            out.head(&unit_head(u, m, base), 2)?;
            out.lists(&unit_rows(u, m.lists()), partial, base, 3);
            out.line(false, 2);
            out.buf.push(b'}');
            out.spill()?;
        }
        out.line(false, 1);
        out.buf.push(b']');
    }
    out.line(false, 0);
    out.buf.extend_from_slice(b"}\n");
    out.w.write_all(&out.buf)?;
    out.w.flush()
}

/// The JSON being written: a buffer handed to `w` in pieces of about
/// [`Out::PIECE`] bytes.
struct Out<'w> {
    buf: Vec<u8>,
    w: &'w mut dyn std::io::Write,
}

impl<'w> Out<'w> {
    const PIECE: usize = 64 * 1024;

    fn new(w: &'w mut dyn std::io::Write) -> Out<'w> {
        Out {
            buf: Vec::with_capacity(Self::PIECE + Self::PIECE / 4),
            w,
        }
    }

    /// Hands a full piece to `w`.
    fn spill(&mut self) -> std::io::Result<()> {
        if self.buf.len() >= Self::PIECE {
            self.w.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }

    /// A line feed and the indentation of `depth`, after a comma when
    /// `comma`: what [`Pretty`] writes between values.
    fn line(&mut self, comma: bool, depth: usize) {
        let pretty = Pretty {
            depth,
            has_value: false,
        };
        // Into a vector: cannot fail.
        let _ = pretty.new_line(&mut self.buf, comma);
    }

    /// `,` and the line of the key `key` at `depth`, up to its value.
    fn key(&mut self, depth: usize, key: &str) {
        self.line(true, depth);
        self.buf.push(b'"');
        self.buf.extend_from_slice(key.as_bytes());
        self.buf.extend_from_slice(b"\": ");
    }

    /// The object `head` as serde_json writes it at `depth`, without its
    /// closing line: its fields are followed by others.
    fn head(&mut self, head: &impl Serialize, depth: usize) -> std::io::Result<()> {
        let start = self.buf.len();
        let pretty = Pretty {
            depth,
            has_value: false,
        };
        head.serialize(&mut serde_json::Serializer::with_formatter(
            &mut self.buf,
            pretty,
        ))?;
        let mut end = Vec::with_capacity(2 + 2 * depth);
        let _ = (Pretty {
            depth,
            has_value: false,
        })
        .new_line(&mut end, false);
        end.push(b'}');
        if self.buf[start..].ends_with(&end) {
            self.buf.truncate(self.buf.len() - end.len());
            Ok(())
        } else {
            // An object without fields: no head has none.
            Err(std::io::Error::other("catalogo.json: empty head"))
        }
    }

    /// The `smartizzabili`, `parzialmente_smartizzabili` (when `partial`)
    /// and `non_smartizzabili` fields of `rows`' object at `depth`.
    fn lists(&mut self, rows: &[Row], partial: bool, base: &str, depth: usize) {
        let kinds: &[(ListKind, &str)] = if partial {
            &[
                (ListKind::Smart, "smartizzabili"),
                (ListKind::Partial, "parzialmente_smartizzabili"),
                (ListKind::NonSmart, "non_smartizzabili"),
            ]
        } else {
            &[
                (ListKind::Smart, "smartizzabili"),
                (ListKind::NonSmart, "non_smartizzabili"),
            ]
        };
        for &(kind, key) in kinds {
            self.key(depth, key);
            let mut first = true;
            for r in rows.iter().filter(|r| r.kind == kind) {
                self.buf.push(if first { b'[' } else { b',' });
                self.line(false, depth + 1);
                first = false;
                self.activity(r, base, depth + 2);
            }
            if first {
                self.buf.extend_from_slice(b"[]");
            } else {
                self.line(false, depth);
                self.buf.push(b']');
            }
        }
    }

    /// One activity's object, its fields at `depth`.
    fn activity(&mut self, r: &Row, base: &str, depth: usize) {
        let (unit, id) = (r.unit, r.view.id.as_str());
        self.buf.push(b'{');
        self.line(false, depth);
        self.buf.extend_from_slice(b"\"id\": ");
        self.string(&[unit.slug, "#", id]);
        self.key(depth, "testo");
        self.string(&[r.view.testo]);
        self.key(depth, "note");
        self.nullable(r.note());
        self.key(depth, "ambiti");
        if r.view.ambiti.is_empty() {
            self.buf.extend_from_slice(b"[]");
        } else {
            self.buf.push(b'[');
            for (i, a) in r.view.ambiti.iter().enumerate() {
                self.line(i > 0, depth + 1);
                self.string(&[a.trim()]);
            }
            self.line(false, depth);
            self.buf.push(b']');
        }
        self.key(depth, "url");
        self.string(&[base, unit.url.as_str(), "#", id]);
        if r.kind == ListKind::Partial {
            self.key(depth, "condizione");
            self.nullable(r.view.condizione);
        }
        self.line(false, depth - 1);
        self.buf.push(b'}');
    }

    fn nullable(&mut self, text: Option<&str>) {
        match text {
            Some(t) => self.string(&[t]),
            None => self.buf.extend_from_slice(b"null"),
        }
    }

    /// `pieces` as one JSON string, escaped as serde_json escapes.
    fn string(&mut self, pieces: &[&str]) {
        self.buf.push(b'"');
        for piece in pieces {
            scan::json_string_into::<scan::JsonSpecial>(&mut self.buf, piece);
        }
        self.buf.push(b'"');
    }
}

/// serde_json's `PrettyFormatter` (two spaces), byte for byte, but a line's
/// end and its indentation are one write, not one per level: at the depth
/// of an activity's fields (five levels) that was most of the writes, and
/// the JSON's writes were a large part of its cost (issue 25's profile).
#[derive(Default)]
pub(super) struct Pretty {
    depth: usize,
    has_value: bool,
}

impl Pretty {
    /// A line feed and the indentation of the current depth, after `comma`.
    #[inline]
    fn new_line<W: ?Sized + std::io::Write>(&self, w: &mut W, comma: bool) -> std::io::Result<()> {
        const LINE: &[u8; 65] =
            b",\n                                                               ";
        let from = usize::from(!comma);
        let end = 2 + 2 * self.depth;
        match LINE.get(from..end) {
            Some(line) => w.write_all(line),
            None => {
                w.write_all(&LINE[from..2])?;
                (0..self.depth).try_for_each(|_| w.write_all(b"  "))
            }
        }
    }
}

impl Pretty {
    /// `[` or `{`: one level deeper.
    #[inline]
    fn open<W: ?Sized + std::io::Write>(&mut self, w: &mut W, b: &[u8]) -> std::io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(b)
    }

    /// `]` or `}`, on a line of its own after values.
    #[inline]
    fn close<W: ?Sized + std::io::Write>(&mut self, w: &mut W, b: &[u8]) -> std::io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.new_line(w, false)?;
        }
        w.write_all(b)
    }
}

impl serde_json::ser::Formatter for Pretty {
    #[inline]
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"[")
    }

    #[inline]
    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"]")
    }

    #[inline]
    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.new_line(w, !first)
    }

    #[inline]
    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    #[inline]
    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"{")
    }

    #[inline]
    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"}")
    }

    #[inline]
    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.new_line(w, !first)
    }

    #[inline]
    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b": ")
    }

    #[inline]
    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// The catalogue's fields before its lists (`smartizzabili`, ...,
/// `unita`, which [`write_json`] writes after them).
#[derive(Serialize)]
struct Head<'a> {
    ente: &'a str,
    codice_ipa: Option<&'a str>,
    titolo: &'a str,
    periodo: Option<&'a str>,
    aggiornato_il: String,
    pubblicato_il: Option<String>,
    url: &'a str,
    licenza: Licenza,
    fonte: Option<Fonte<'a>>,
    valido_dal: Option<String>,
    valido_al: Option<String>,
    /// Markdown, as written.
    criteri: Option<&'a str>,
    altre_attivita: Option<&'static str>,
    altre_attivita_testo: Option<&'static str>,
    /// The act's sentence for that rule, as the pages quote it; only when
    /// there is one (a unit's own is among its text fields).
    #[serde(skip_serializing_if = "Option::is_none")]
    altre_attivita_citazione: Option<&'a str>,
    totali: Totali,
    // Then the activities common to every office: `smartizzabili`,
    // `parzialmente_smartizzabili` only in a catalogue with activities in
    // part or under a condition ([`Site::has_partial`], here and in every
    // unit), `non_smartizzabili`; then `unita`.
}

#[derive(Serialize)]
struct Licenza {
    id: &'static str,
    nome: &'static str,
    url: &'static str,
}

#[derive(Serialize)]
struct Fonte<'a> {
    titolo: Option<&'a str>,
    atto: Option<&'a str>,
    url: Option<&'a str>,
    sostituisce: &'a [String],
}

#[derive(Serialize)]
struct Totali {
    unita: usize,
    comuni: usize,
    attivita: usize,
    smartizzabili: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    parzialmente_smartizzabili: Option<usize>,
    non_smartizzabili: usize,
}

/// A unit's fields before its lists (which [`write_json`] writes after
/// them; an activity: `id` `<slug>#<anchor>`, `testo`, `note` as written,
/// `ambiti` trimmed, `url` `<base><unit url>#<anchor>`, and in
/// `parzialmente_smartizzabili` only `condizione`, or null).
#[derive(Serialize)]
struct UnitHead<'a> {
    slug: &'a str,
    nome: &'a str,
    url: String,
    /// `area`, `responsabile`, `descrizione`, `criteri`, ...
    #[serde(flatten)]
    testi: TextsData<'a>,
    altre_attivita: Option<&'static str>,
    altre_attivita_testo: Option<&'static str>,
}

/// A unit's published text fields ([`model::UNIT`]), trimmed, Markdown as
/// written: `<key>: text or null`, in declaration order.
struct TextsData<'a>(&'a UnitFile);

impl Serialize for TextsData<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(None)?;
        for f in model::UNIT.published() {
            map.serialize_entry(f.key, &self.0.text(f.key).map(str::trim))?;
        }
        map.end()
    }
}

fn unit_head<'a>(u: &'a UnitView, m: &'a UnitFile, base: &str) -> UnitHead<'a> {
    UnitHead {
        slug: u.slug,
        nome: u.nome,
        url: format!("{base}{}", u.url),
        testi: TextsData(m),
        altre_attivita: u.altre_attivita,
        altre_attivita_testo: u.altre_attivita_testo,
    }
}

fn head(site: &Site) -> Head<'_> {
    let c = &site.config;
    let (id, nome, url) = licence(site);
    let totals = views::totals(site);
    Head {
        ente: c.ente.trim(),
        codice_ipa: c.codice_ipa.as_deref().map(str::trim),
        titolo: c.titolo.trim(),
        periodo: c.periodo.as_deref().map(str::trim),
        aggiornato_il: c.aggiornato_il.to_string(),
        pubblicato_il: c.pubblicato_il.map(|d| d.to_string()),
        url: c.base_url.as_str(),
        licenza: Licenza { id, nome, url },
        fonte: c.fonte.as_ref().map(|f| Fonte {
            titolo: f.titolo.as_deref(),
            atto: f.atto.as_deref(),
            url: f.url.as_deref(),
            sostituisce: &f.sostituisce,
        }),
        valido_dal: c.valido_dal.map(|d| d.to_string()),
        valido_al: c.valido_al.map(|d| d.to_string()),
        criteri: c.criteri.as_deref().map(str::trim),
        altre_attivita: c.altre_attivita.map(|a| a.key()),
        altre_attivita_testo: c.altre_attivita.map(views::altre_attivita_testo),
        altre_attivita_citazione: views::citation_of(c.altre_attivita, &c.altre_attivita_citazione),
        totali: Totali {
            unita: totals.unita,
            comuni: totals.comuni,
            attivita: totals.attivita,
            smartizzabili: totals.smartizzabili,
            parzialmente_smartizzabili: site
                .has_partial()
                .then_some(totals.parzialmente_smartizzabili),
            non_smartizzabili: totals.non_smartizzabili,
        },
    }
}

/// JSON Schema (draft 2020-12) of `catalogo.json`.
pub(super) fn json_schema(site: &Site) -> Value {
    let base = &site.config.base_url;
    let string = json!({"type": "string", "minLength": 1});
    let nullable = json!({"type": ["string", "null"]});
    let date =
        json!({"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"});
    let url = json!({"type": "string", "format": "uri", "pattern": "^https?://"});
    let count = json!({"type": "integer", "minimum": 0});
    let markdown = json!({"type": ["string", "null"], "description": "Markdown"});
    let rule = json!({"enum": ["smartizzabili", "non_smartizzabili", null], "description": "Regola dell'atto per le attività che non elenca: smartizzabili (tutte in lavoro agile) o non_smartizzabili (tutte in presenza); null se l'atto non la dà"});
    let rule_text =
        json!({"type": ["string", "null"], "description": "La stessa regola in parole"});
    let activity = json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["id", "testo", "note", "ambiti", "url"],
        "properties": {
            "id": {"type": "string", "pattern": "^([a-z0-9]+(-[a-z0-9]+)*)?#[a-z0-9-]+$", "description": "<slug dell'unità>#<ancora dell'attività>; #<ancora> per le attività comuni a tutti gli uffici"},
            "testo": string,
            "note": {"type": ["string", "null"], "description": "Markdown"},
            "ambiti": {"type": "array", "items": string},
            "url": url,
        },
    });
    // The unit's text fields come from its declaration, between its
    // identity and its rule and lists (the order of `UnitData`).
    let mut required = vec!["slug", "nome", "url"];
    let mut properties = serde_json::Map::new();
    properties.insert(
        "slug".into(),
        json!({"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}),
    );
    properties.insert("nome".into(), string.clone());
    properties.insert("url".into(), url.clone());
    for f in model::UNIT.published() {
        required.push(f.key);
        let schema = match f.published {
            Published::Markdown(_) => markdown.clone(),
            _ => nullable.clone(),
        };
        properties.insert(f.key.into(), schema);
    }
    required.extend([
        "altre_attivita",
        "altre_attivita_testo",
        "smartizzabili",
        "non_smartizzabili",
    ]);
    properties.insert("altre_attivita".into(), rule.clone());
    properties.insert("altre_attivita_testo".into(), rule_text.clone());
    properties.insert(
        "smartizzabili".into(),
        json!({"type": "array", "items": activity}),
    );
    properties.insert(
        "non_smartizzabili".into(),
        json!({"type": "array", "items": activity}),
    );
    // A catalogue with activities in part or under a condition: their
    // lists (in every unit and at the top), their count and condition.
    let partial_activity = {
        let mut a = activity.clone();
        a["required"] = json!(["id", "testo", "note", "ambiti", "url", "condizione"]);
        a["properties"]["condizione"] = json!({"type": ["string", "null"], "description": "La condizione o la misura in cui l'atto consente l'attività in lavoro agile (per esempio: a rotazione), come nell'atto; null se non la dice"});
        a
    };
    let partial = site.has_partial();
    if partial {
        required.insert(required.len() - 1, "parzialmente_smartizzabili");
        properties.insert(
            "parzialmente_smartizzabili".into(),
            json!({"type": "array", "items": partial_activity}),
        );
    }
    let unit = json!({
        "type": "object",
        "additionalProperties": false,
        "required": required,
        "properties": properties,
    });
    let mut schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": format!("{base}{JSON_SCHEMA}"),
        "title": "Catalogo delle attività smartizzabili",
        "description": "Struttura di catalogo.json: l'ente, le unità organizzative e le loro attività smartizzabili e non smartizzabili.",
        "type": "object",
        "additionalProperties": false,
        "required": ["ente", "codice_ipa", "titolo", "periodo", "aggiornato_il", "pubblicato_il", "url", "licenza", "fonte", "valido_dal", "valido_al", "criteri", "altre_attivita", "altre_attivita_testo", "totali", "smartizzabili", "non_smartizzabili", "unita"],
        "properties": {
            "ente": string,
            "codice_ipa": nullable,
            "titolo": string,
            "periodo": nullable,
            "aggiornato_il": date,
            "pubblicato_il": {"anyOf": [date, {"type": "null"}]},
            "url": url,
            "licenza": {
                "type": "object",
                "additionalProperties": false,
                "required": ["id", "nome", "url"],
                "properties": {"id": string, "nome": string, "url": url},
            },
            "fonte": {
                "anyOf": [
                    {"type": "null"},
                    {
                        "type": "object",
                        "additionalProperties": false,
                        "required": ["titolo", "atto", "url", "sostituisce"],
                        "properties": {"titolo": nullable, "atto": nullable, "url": {"anyOf": [url, {"type": "null"}]}, "sostituisce": {"type": "array", "items": string, "description": "Atti precedenti che questo modifica o sostituisce"}},
                    },
                ],
            },
            "valido_dal": {"anyOf": [date, {"type": "null"}]},
            "valido_al": {"anyOf": [date, {"type": "null"}]},
            "criteri": markdown,
            "altre_attivita": rule,
            "altre_attivita_testo": rule_text,
            "totali": {
                "type": "object",
                "additionalProperties": false,
                "required": ["unita", "comuni", "attivita", "smartizzabili", "non_smartizzabili"],
                "properties": {"unita": count, "comuni": count, "attivita": count, "smartizzabili": count, "non_smartizzabili": count},
            },
            "smartizzabili": {"type": "array", "items": activity, "description": "Attività smartizzabili comuni a tutti gli uffici"},
            "non_smartizzabili": {"type": "array", "items": activity, "description": "Attività non smartizzabili comuni a tutti gli uffici"},
            "unita": {"type": "array", "items": unit},
        },
    });
    if partial {
        schema["required"] = json!([
            "ente",
            "codice_ipa",
            "titolo",
            "periodo",
            "aggiornato_il",
            "pubblicato_il",
            "url",
            "licenza",
            "fonte",
            "valido_dal",
            "valido_al",
            "criteri",
            "altre_attivita",
            "altre_attivita_testo",
            "totali",
            "smartizzabili",
            "parzialmente_smartizzabili",
            "non_smartizzabili",
            "unita"
        ]);
        schema["properties"]["parzialmente_smartizzabili"] = json!({"type": "array", "items": partial_activity, "description": "Attività smartizzabili in parte o a condizioni comuni a tutti gli uffici"});
        let totali = &mut schema["properties"]["totali"];
        totali["required"] = json!([
            "unita",
            "comuni",
            "attivita",
            "smartizzabili",
            "parzialmente_smartizzabili",
            "non_smartizzabili"
        ]);
        totali["properties"]["parzialmente_smartizzabili"] = count;
    }
    // A catalogue quoting the act's sentence for its rule: that sentence,
    // beside the rule (a unit's own is among the unit's text fields).
    let c = &site.config;
    if views::citation_of(c.altre_attivita, &c.altre_attivita_citazione).is_some() {
        if let Some(required) = schema["required"].as_array_mut() {
            let at = required
                .iter()
                .position(|k| k == "altre_attivita_testo")
                .map_or(required.len(), |i| i + 1);
            required.insert(at, json!("altre_attivita_citazione"));
        }
        schema["properties"]["altre_attivita_citazione"] = json!({"type": "string", "minLength": 1, "description": "Le parole dell'atto per la stessa regola, come nell'atto"});
    }
    schema
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Strings are escaped as serde_json escapes them: every ASCII byte
    /// (controls, quote, backslash, DEL) at every position of texts around
    /// a word long, beside non-ASCII text.
    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        for b in 0..0x80u8 {
            for len in [0, 1, 7, 8, 9, 15, 16, 17] {
                for at in 0..=len {
                    let mut text = "è".repeat(len / 2) + &"a".repeat(len - len / 2);
                    let at = text.char_indices().nth(at).map_or(text.len(), |(i, _)| i);
                    text.insert(at, char::from(b));
                    let mut sink = std::io::sink();
                    let mut out = Out::new(&mut sink);
                    out.string(&["x", &text, "\"\\"]);
                    let want = serde_json::to_string(&format!("x{text}\"\\")).unwrap();
                    assert_eq!(String::from_utf8(out.buf).unwrap(), want, "{b} {len} {at}");
                }
            }
        }
    }

    /// [`Pretty`] writes what serde_json's `PrettyFormatter` writes: empty
    /// and nested arrays and objects, escapes, and deeper than its line of
    /// spaces.
    #[test]
    fn pretty_is_serde_json_s_pretty() {
        let mut deep = json!(["fondo", {}]);
        for i in 0..40 {
            deep = json!({ "a": [i, deep, [], {"k": "v\n\"é\u{1}"}], "b": null });
        }
        for value in [json!([]), json!({}), json!("x"), json!([[]]), deep] {
            let mut ours = Vec::new();
            super::super::write_pretty(&value, &mut ours).unwrap();
            let want = serde_json::to_string_pretty(&value).unwrap() + "\n";
            assert_eq!(String::from_utf8(ours).unwrap(), want);
        }
    }
}
