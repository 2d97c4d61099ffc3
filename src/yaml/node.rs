//! A YAML document as a plain tree that keeps what `serde_yaml::Value`
//! throws away or refuses: the order of keys and duplicate keys (a
//! `Mapping` rejects them without saying where). The schema walk reads it.
//!
//! serde_yaml still does the parsing, with its recursion and alias
//! repetition limits; this module only receives the values.

use std::fmt;

use serde::de::{
    Deserialize, Deserializer, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor,
};

/// One YAML value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node {
    Null,
    Bool(bool),
    Int(i128),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    /// Keys in file order, duplicates kept.
    Map(Vec<(Node, Node)>),
    /// A value with an explicit tag (`!foo value`).
    Tagged(String, Box<Node>),
}

impl Node {
    /// The key as the user wrote it, for paths and messages.
    pub(crate) fn key_text(&self) -> String {
        match self {
            Node::Null => "~".into(),
            Node::Bool(b) => b.to_string(),
            Node::Int(i) => i.to_string(),
            Node::Float(f) => f.to_string(),
            Node::Str(s) => s.clone(),
            Node::Tagged(_, n) => n.key_text(),
            Node::Seq(_) | Node::Map(_) => crate::i18n::t!("yaml-key-not-text"),
        }
    }

    /// [`Node::key_text`], borrowed when the key is text (most are).
    pub(crate) fn key_str(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Node::Str(s) => std::borrow::Cow::Borrowed(s),
            other => std::borrow::Cow::Owned(other.key_text()),
        }
    }

    /// What the value is, as the `$found` selector of the catalogue's
    /// messages (which put it into words): `number`, `list`, ...
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Node::Null => "null",
            Node::Bool(_) => "bool",
            Node::Int(_) | Node::Float(_) => "number",
            Node::Str(_) => "text",
            Node::Seq(_) => "list",
            Node::Map(_) => "map",
            Node::Tagged(..) => "tagged",
        }
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Node, D::Error> {
        d.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Node, E> {
        Ok(Node::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Node, E> {
        Ok(Node::Int(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Node, E> {
        Ok(Node::Int(v.into()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Node, E> {
        Ok(Node::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Node, E> {
        Ok(Node::Str(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Node, E> {
        Ok(Node::Str(v))
    }
    fn visit_unit<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_none<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
        Node::deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut v = Vec::new();
        while let Some(n) = seq.next_element()? {
            v.push(n);
        }
        Ok(Node::Seq(v))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut v = Vec::new();
        while let Some(entry) = map.next_entry()? {
            v.push(entry);
        }
        Ok(Node::Map(v))
    }
    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Node, A::Error> {
        let (tag, variant): (String, _) = data.variant()?;
        let value = variant.newtype_variant::<Node>()?;
        Ok(Node::Tagged(tag, Box::new(value)))
    }
}

impl Node {
    /// The same value as serde_yaml's own, to deserialize typed structs
    /// from without parsing the text again. Of duplicate keys, the last wins.
    pub(crate) fn into_value(self) -> serde_yaml::Value {
        use serde_yaml::Value;
        match self {
            Node::Null => Value::Null,
            Node::Bool(b) => Value::Bool(b),
            Node::Int(i) => match (i64::try_from(i), u64::try_from(i)) {
                (Ok(n), _) => Value::Number(n.into()),
                (_, Ok(n)) => Value::Number(n.into()),
                _ => Value::Number((i as f64).into()),
            },
            Node::Float(f) => Value::Number(f.into()),
            Node::Str(s) => Value::String(s),
            Node::Seq(v) => Value::Sequence(v.into_iter().map(Node::into_value).collect()),
            Node::Map(entries) => Value::Mapping(
                entries
                    .into_iter()
                    .map(|(k, v)| (k.into_value(), v.into_value()))
                    .collect(),
            ),
            Node::Tagged(tag, v) => Value::Tagged(Box::new(serde_yaml::value::TaggedValue {
                tag: serde_yaml::value::Tag::new(tag),
                value: v.into_value(),
            })),
        }
    }
}

/// Parses one YAML document into a [`Node`].
pub(crate) fn parse(text: &str) -> Result<Node, serde_yaml::Error> {
    serde_yaml::from_str(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicates_and_order_are_kept() {
        let n = parse("b: 1\na: x\nb: [t, ~]\n").unwrap();
        let Node::Map(m) = n else { panic!() };
        let keys: Vec<String> = m.iter().map(|(k, _)| k.key_text()).collect();
        assert_eq!(keys, ["b", "a", "b"]);
        assert_eq!(m[2].1, Node::Seq(vec![Node::Str("t".into()), Node::Null]));
    }

    #[test]
    fn tags_are_kept() {
        let n = parse("a: !x 3\n").unwrap();
        let Node::Map(m) = n else { panic!() };
        assert_eq!(m[0].1, Node::Tagged("x".into(), Box::new(Node::Int(3))));
    }

    #[test]
    fn converts_to_serde_yaml_values() {
        let text = "a: [1, -2, 1.5, x, ~, true]\nb: {c: !t d}\n";
        assert_eq!(
            parse(text).unwrap().into_value(),
            serde_yaml::from_str::<serde_yaml::Value>(text).unwrap()
        );
    }

    #[test]
    fn limits_hold() {
        assert!(parse(&"[".repeat(10_000)).is_err());
    }
}
