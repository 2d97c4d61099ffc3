//! Typed values read straight from a parsed [`Node`] tree, so a file is
//! parsed once and never rebuilt as a `serde_yaml::Value` (an `IndexMap` per
//! map, every key hashed) just to be read again.
//!
//! It is a fast path beside serde_yaml, not a second YAML reader: it only
//! hands the tree's values to serde's visitors, the way `serde_yaml::Value`
//! does, and refuses anything unusual (a tag, a key that is not text, a type
//! the visitor does not want) with [`Unusual`], which carries no message.
//! `yaml::parse` then asks serde_yaml itself, so every error a user sees is
//! still serde_yaml's, word for word. Invariant: whatever this accepts,
//! `serde_yaml::from_value(node.into_value())` accepts with the same value
//! (the tests compare the two).

use std::fmt;

use serde::de::{
    self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Visitor,
};

use super::node::Node;

/// The fast path gave up: ask serde_yaml (its message is the one to show).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Unusual;

impl fmt::Display for Unusual {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value the fast path leaves to serde_yaml")
    }
}

impl std::error::Error for Unusual {}

impl de::Error for Unusual {
    fn custom<T: fmt::Display>(_msg: T) -> Self {
        Unusual
    }
}

/// Reads `T` from `node`, as `serde_yaml::from_value(node.into_value())`
/// would; [`Unusual`] where that path must decide.
pub(crate) fn from_node<'de, T: de::Deserialize<'de>>(node: &'de Node) -> Result<T, Unusual> {
    T::deserialize(NodeDe(node))
}

#[derive(Clone, Copy)]
struct NodeDe<'de>(&'de Node);

impl<'de> NodeDe<'de> {
    fn number<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unusual> {
        match self.0 {
            // serde_yaml's `Number`: non-negative as u64, negative as i64,
            // beyond both as a float (as `Node::into_value` builds it).
            Node::Int(i) => match (u64::try_from(*i), i64::try_from(*i)) {
                (Ok(u), _) => visitor.visit_u64(u),
                (_, Ok(n)) => visitor.visit_i64(n),
                _ => visitor.visit_f64(*i as f64),
            },
            Node::Float(f) => visitor.visit_f64(*f),
            _ => Err(Unusual),
        }
    }

    fn seq<V: Visitor<'de>>(items: &'de [Node], visitor: V) -> Result<V::Value, Unusual> {
        let mut access = Seq(items.iter());
        let value = visitor.visit_seq(&mut access)?;
        // A visitor that stops early is an error for serde_yaml too.
        match access.0.len() {
            0 => Ok(value),
            _ => Err(Unusual),
        }
    }

    fn map<V: Visitor<'de>>(entries: &'de [(Node, Node)], visitor: V) -> Result<V::Value, Unusual> {
        let mut access = Map {
            entries: entries.iter(),
            value: None,
        };
        let value = visitor.visit_map(&mut access)?;
        match access.entries.len() {
            0 => Ok(value),
            _ => Err(Unusual),
        }
    }
}

impl<'de> Deserializer<'de> for NodeDe<'de> {
    type Error = Unusual;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unusual> {
        match self.0 {
            Node::Null => visitor.visit_unit(),
            Node::Bool(b) => visitor.visit_bool(*b),
            Node::Int(_) | Node::Float(_) => self.number(visitor),
            Node::Str(s) => visitor.visit_borrowed_str(s),
            Node::Seq(items) => Self::seq(items, visitor),
            Node::Map(entries) => Self::map(entries, visitor),
            Node::Tagged(..) => Err(Unusual),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unusual> {
        match self.0 {
            Node::Bool(b) => visitor.visit_bool(*b),
            _ => Err(Unusual),
        }
    }

    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unusual> {
        self.number(visitor)
    }
    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unusual> {
        self.number(visitor)
    }
    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unusual> {
        self.number(visitor)
    }
    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unusual> {
        self.number(visitor)
    }
    fn deserialize_i128<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unusual> {
        self.number(visitor)
    }
    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unusual> {
        self.number(visitor)
    }
    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unusual> {
        self.number(visitor)
    }
    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unusual> {
        self.number(visitor)
    }
    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unusual> {
        self.number(visitor)
    }
    fn deserialize_u128<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unusual> {
        self.number(visitor)
    }
    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unusual> {
        self.number(visitor)
    }
    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unusual> {
        self.number(visitor)
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unusual> {
        self.deserialize_str(visitor)
    }
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unusual> {
        match self.0 {
            Node::Str(s) => visitor.visit_borrowed_str(s),
            _ => Err(Unusual),
        }
    }
    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unusual> {
        self.deserialize_str(visitor)
    }
    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unusual> {
        self.deserialize_str(visitor)
    }
    fn deserialize_bytes<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Unusual> {
        Err(Unusual)
    }
    fn deserialize_byte_buf<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Unusual> {
        Err(Unusual)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unusual> {
        match self.0 {
            Node::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unusual> {
        match self.0 {
            Node::Null => visitor.visit_unit(),
            _ => Err(Unusual),
        }
    }
    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Unusual> {
        self.deserialize_unit(visitor)
    }
    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Unusual> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unusual> {
        match self.0 {
            // serde_yaml reads a key with nothing after it as an empty list.
            Node::Null => Self::seq(&[], visitor),
            Node::Seq(items) => Self::seq(items, visitor),
            _ => Err(Unusual),
        }
    }
    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Unusual> {
        self.deserialize_seq(visitor)
    }
    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Unusual> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unusual> {
        match self.0 {
            // ... and as an empty group of keys.
            Node::Null => Self::map(&[], visitor),
            Node::Map(entries) => Self::map(entries, visitor),
            _ => Err(Unusual),
        }
    }
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Unusual> {
        self.deserialize_map(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Unusual> {
        match self.0 {
            // A plain word names a unit variant; tagged values are left to serde_yaml.
            // (`altre_attivita: smartizzabili`).
            Node::Str(s) => visitor.visit_enum(s.as_str().into_deserializer()),
            _ => Err(Unusual),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unusual> {
        visitor.visit_unit()
    }
}

struct Seq<'de>(std::slice::Iter<'de, Node>);

impl<'de> SeqAccess<'de> for Seq<'de> {
    type Error = Unusual;

    fn next_element_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, Unusual> {
        self.0
            .next()
            .map(|n| seed.deserialize(NodeDe(n)))
            .transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

struct Map<'de> {
    entries: std::slice::Iter<'de, (Node, Node)>,
    value: Option<&'de Node>,
}

impl<'de> MapAccess<'de> for Map<'de> {
    type Error = Unusual;

    fn next_key_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, Unusual> {
        let Some((k, v)) = self.entries.next() else {
            return Ok(None);
        };
        self.value = Some(v);
        seed.deserialize(NodeDe(k)).map(Some)
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, Unusual> {
        let v = self.value.take().ok_or(Unusual)?;
        seed.deserialize(NodeDe(v))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{SiteConfig, UnitFile};
    use serde::de::DeserializeOwned;

    /// The fast path and serde_yaml's own agree: the same value, or the
    /// fast path gives up (then serde_yaml decides).
    fn agree<T: DeserializeOwned + PartialEq + fmt::Debug>(text: &str) -> Option<T> {
        let node = super::super::node::parse(text).unwrap();
        let slow = serde_yaml::from_value::<T>(node.clone().into_value());
        match from_node::<T>(&node) {
            Ok(fast) => {
                assert_eq!(Some(&fast), slow.as_ref().ok(), "{text}");
                Some(fast)
            }
            Err(Unusual) => None,
        }
    }

    #[test]
    fn units_read_the_same_as_through_serde_yaml_values() {
        let text = "\
nome: 'Ufficio: tecnico'
area: ~
ordine: 3
responsabile: 'Dott. #1'
descrizione: |
  testo
smartizzabili:
  - Uno
  - testo: Due
    note: N
    ambiti: [A, B]
  - testo: Tre
    ambiti:
non_smartizzabili:
altre_attivita: non_smartizzabili
";
        let u = agree::<UnitFile>(text).expect("a plain unit takes the fast path");
        assert_eq!(u.smartizzabili.len(), 3);
        assert!(u.non_smartizzabili.is_empty());
        assert_eq!(u.ordine, Some(3));
        assert!(agree::<UnitFile>("nome: A\nordine: -4\n").is_some());
    }

    #[test]
    fn settings_read_the_same_as_through_serde_yaml_values() {
        let text = "\
ente: Comune
titolo: T
base_url: https://x.it/
aggiornato_il: 2026-11-26
fonte:
  titolo: Atto
  sostituisce: [a]
percorso:
  - titolo: Home
    url: https://x.it/
collegamenti:
altre_attivita: smartizzabili
";
        let c = agree::<SiteConfig>(text).expect("plain settings take the fast path");
        assert_eq!(c.aggiornato_il.to_string(), "2026-11-26");
    }

    #[test]
    fn anything_unusual_is_left_to_serde_yaml() {
        for text in [
            "nome: A\nsconosciuta: 1\n",
            "nome: 12\n",
            "nome: A\nordine: 1.5\n",
            "nome: A\nordine: 18446744073709551615\n",
            "nome: [A]\n",
            "!t nome: A\n",
            "nome: !t A\n",
            "nome: A\naltre_attivita: !smartizzabili\n",
            "nome: A\naltre_attivita: forse\n",
            "nome: A\nsmartizzabili: x\n",
            "nome: A\nsmartizzabili: [1]\n",
            "1: A\n",
            "[]",
        ] {
            assert_eq!(agree::<UnitFile>(text), None, "{text}");
        }
    }
}
