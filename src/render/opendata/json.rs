//! `catalogo.json` (the whole catalogue: the body, the common activities,
//! then unit by unit, serialized from borrowed structs, no
//! `serde_json::Value`) and its JSON Schema, `catalogo.schema.json`.

use serde::Serialize;
use serde_json::{Value, json};

use super::rows::{Row, unit_rows};
use super::{JSON_SCHEMA, licence, write_pretty};
use crate::model::fields::Published;
use crate::model::{self, ListKind, Site, UnitFile};
use crate::views::{self, UnitView};

/// `catalogo.json`, pretty, with a newline at the end, written to `w` (a
/// build: straight into the file, which at 10,000 units is 137 MB; in
/// memory, `opendata` reserves a little more than the CSV takes: the JSON
/// of the catalogues measured is within 5% of it, more for a handful of
/// rows; pages reserved and never written cost no memory).
pub(super) fn write_json(
    site: &Site,
    common: Option<&UnitView>,
    units: &[UnitView],
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    write_pretty(&catalogue(site, common, units), w)
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

impl serde_json::ser::Formatter for Pretty {
    #[inline]
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(b"[")
    }

    #[inline]
    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.new_line(w, false)?;
        }
        w.write_all(b"]")
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
        self.depth += 1;
        self.has_value = false;
        w.write_all(b"{")
    }

    #[inline]
    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.new_line(w, false)?;
        }
        w.write_all(b"}")
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

#[derive(Serialize)]
pub(super) struct Catalogue<'a> {
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
    /// Activities common to every office.
    smartizzabili: Vec<ActivityData<'a>>,
    /// Only in a catalogue with activities in part or under a condition
    /// ([`Site::has_partial`]), here and in every unit.
    #[serde(skip_serializing_if = "Option::is_none")]
    parzialmente_smartizzabili: Option<Vec<ActivityData<'a>>>,
    non_smartizzabili: Vec<ActivityData<'a>>,
    unita: Vec<UnitData<'a>>,
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

#[derive(Serialize)]
struct UnitData<'a> {
    slug: &'a str,
    nome: &'a str,
    url: String,
    /// `area`, `responsabile`, `descrizione`, `criteri`, ...
    #[serde(flatten)]
    testi: TextsData<'a>,
    altre_attivita: Option<&'static str>,
    altre_attivita_testo: Option<&'static str>,
    smartizzabili: Vec<ActivityData<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    parzialmente_smartizzabili: Option<Vec<ActivityData<'a>>>,
    non_smartizzabili: Vec<ActivityData<'a>>,
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

#[derive(Serialize)]
struct ActivityData<'a> {
    /// `<slug>#<anchor>`.
    id: Concat<'a, 3>,
    testo: &'a str,
    /// Markdown, as written.
    note: Option<&'a str>,
    ambiti: Trimmed<'a>,
    /// `<base><unit url>#<anchor>`.
    url: Concat<'a, 4>,
    /// In `parzialmente_smartizzabili` only: the condition, or null.
    #[serde(skip_serializing_if = "Option::is_none")]
    condizione: Option<Option<&'a str>>,
}

/// A string made of pieces, serialized without being put together first.
struct Concat<'a, const N: usize>([&'a str; N]);

impl<const N: usize> std::fmt::Display for Concat<'_, N> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.iter().try_for_each(|p| f.write_str(p))
    }
}

impl<const N: usize> Serialize for Concat<'_, N> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Texts serialized trimmed.
struct Trimmed<'a>(&'a [String]);

impl Serialize for Trimmed<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|a| a.trim()))
    }
}

pub(super) fn catalogue<'a>(
    site: &'a Site,
    common: Option<&'a UnitView<'a>>,
    units: &'a [UnitView<'a>],
) -> Catalogue<'a> {
    let c = &site.config;
    let base = c.base_url.as_str();
    let (id, nome, url) = licence(site);
    let totals = views::totals(site);
    let partial = site.has_partial();
    let lists = |rows: Vec<Row<'a>>| {
        let (mut smart, mut part, mut non) = (Vec::new(), Vec::new(), Vec::new());
        for r in rows {
            let (unit, id) = (r.unit, r.view.id.as_str());
            let data = ActivityData {
                id: Concat([unit.slug, "#", id]),
                testo: r.view.testo,
                note: r.note(),
                ambiti: Trimmed(r.view.ambiti),
                url: Concat([base, unit.url.as_str(), "#", id]),
                condizione: (r.kind == ListKind::Partial).then_some(r.view.condizione),
            };
            match r.kind {
                ListKind::Smart => smart.push(data),
                ListKind::Partial => part.push(data),
                ListKind::NonSmart => non.push(data),
            }
        }
        (smart, partial.then_some(part), non)
    };
    let (common_smart, common_partial, common_non) = common
        .map(|u| lists(unit_rows(u, c.lists())))
        .unwrap_or_else(|| (Vec::new(), partial.then(Vec::new), Vec::new()));
    let unita = units
        .iter()
        .zip(&site.units)
        .map(|(u, m)| {
            let (smart, part, non) = lists(unit_rows(u, m.lists()));
            UnitData {
                slug: u.slug,
                nome: u.nome,
                url: format!("{base}{}", u.url),
                testi: TextsData(m),
                altre_attivita: u.altre_attivita,
                altre_attivita_testo: u.altre_attivita_testo,
                smartizzabili: smart,
                parzialmente_smartizzabili: part,
                non_smartizzabili: non,
            }
        })
        .collect();
    Catalogue {
        ente: c.ente.trim(),
        codice_ipa: c.codice_ipa.as_deref().map(str::trim),
        titolo: c.titolo.trim(),
        periodo: c.periodo.as_deref().map(str::trim),
        aggiornato_il: c.aggiornato_il.to_string(),
        pubblicato_il: c.pubblicato_il.map(|d| d.to_string()),
        url: base,
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
            parzialmente_smartizzabili: partial.then_some(totals.parzialmente_smartizzabili),
            non_smartizzabili: totals.non_smartizzabili,
        },
        smartizzabili: common_smart,
        parzialmente_smartizzabili: common_partial,
        non_smartizzabili: common_non,
        unita,
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
