//! serde over the located tree: a pack's YAML read with the same rules as
//! the manifests it grades (YAML 1.1, as kubectl reads it), with every
//! error placed at the node or key it is about.

use std::fmt;

use serde::Deserialize;
use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, IntoDeserializer, MapAccess, SeqAccess,
    VariantAccess, Visitor,
};

use super::{Entry, Node, Value};
use crate::validate::Pos;

/// Why a node cannot be read as the type asked for, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeError {
    pub message: String,
    /// The field path from the node read to the one at fault (`checks[0].rule`).
    pub path: String,
    /// Where the problem is; `None` only until the node that raised it adds itself.
    pub pos: Option<Pos>,
}

impl NodeError {
    /// The error, placed at `pos` unless a deeper node already placed it.
    fn at(mut self, pos: Pos) -> NodeError {
        self.pos.get_or_insert(pos);
        self
    }

    /// The error of a child, seen from its parent: `segment` is the key
    /// (`rule`) or index (`[0]`) that leads to the child.
    fn within(mut self, segment: &str) -> NodeError {
        self.path = match (self.path.is_empty(), self.path.starts_with('[')) {
            (true, _) => segment.to_string(),
            (false, true) => format!("{segment}{}", self.path),
            (false, false) => format!("{segment}.{}", self.path),
        };
        self
    }
}

impl fmt::Display for NodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for NodeError {}

impl de::Error for NodeError {
    fn custom<T: fmt::Display>(message: T) -> NodeError {
        NodeError {
            message: message.to_string(),
            path: String::new(),
            pos: None,
        }
    }
}

/// Reads `node` as a `T`.
pub fn from_node<'de, T: Deserialize<'de>>(node: &'de Node) -> Result<T, NodeError> {
    T::deserialize(node).map_err(|error| error.at(node.pos))
}

impl<'de> Deserializer<'de> for &'de Node {
    type Error = NodeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NodeError> {
        let result = match &self.value {
            Value::Null => visitor.visit_unit(),
            Value::Bool(value) => visitor.visit_bool(*value),
            Value::Int(value) => visitor.visit_i64(*value),
            Value::Float(value) => visitor.visit_f64(*value),
            Value::Str(text) => visitor.visit_borrowed_str(text),
            Value::Seq(items) => visitor.visit_seq(Items {
                items: items.iter().enumerate(),
            }),
            Value::Map(entries) => visitor.visit_map(Entries {
                entries: entries.iter(),
                value: None,
            }),
        };
        result.map_err(|error| error.at(self.pos))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NodeError> {
        match self.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    /// Strings are taken as written, so `name: 123` can still be a name.
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NodeError> {
        match &self.value {
            Value::Str(text) => visitor.visit_borrowed_str(text),
            Value::Int(_) | Value::Float(_) | Value::Bool(_) => {
                Err(<NodeError as de::Error>::invalid_type(unexpected(self), &visitor).at(self.pos))
            }
            _ => self.deserialize_any(visitor),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NodeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, NodeError> {
        let result = match &self.value {
            Value::Str(text) => visitor.visit_enum(text.as_str().into_deserializer()),
            Value::Map(entries) if entries.len() == 1 => visitor.visit_enum(Variant(&entries[0])),
            _ => Err(de::Error::invalid_type(unexpected(self), &visitor)),
        };
        result.map_err(|error| error.at(self.pos))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, NodeError> {
        visitor.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char bytes byte_buf
        unit unit_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

/// What serde calls a node for "invalid type" messages.
fn unexpected(node: &Node) -> de::Unexpected<'_> {
    match &node.value {
        Value::Null => de::Unexpected::Unit,
        Value::Bool(value) => de::Unexpected::Bool(*value),
        Value::Int(value) => de::Unexpected::Signed(*value),
        Value::Float(value) => de::Unexpected::Float(*value),
        Value::Str(text) => de::Unexpected::Str(text),
        Value::Seq(_) => de::Unexpected::Seq,
        Value::Map(_) => de::Unexpected::Map,
    }
}

struct Items<'de> {
    items: std::iter::Enumerate<std::slice::Iter<'de, Node>>,
}

impl<'de> SeqAccess<'de> for Items<'de> {
    type Error = NodeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, NodeError> {
        self.items
            .next()
            .map(|(index, item)| {
                seed.deserialize(item)
                    .map_err(|error| error.at(item.pos).within(&format!("[{index}]")))
            })
            .transpose()
    }
}

struct Entries<'de> {
    entries: std::slice::Iter<'de, Entry>,
    value: Option<&'de Entry>,
}

impl<'de> MapAccess<'de> for Entries<'de> {
    type Error = NodeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, NodeError> {
        let Some(entry) = self.entries.next() else {
            return Ok(None);
        };
        self.value = Some(entry);
        let key: de::value::BorrowedStrDeserializer<'de, NodeError> =
            de::value::BorrowedStrDeserializer::new(&entry.key);
        seed.deserialize(key)
            .map(Some)
            .map_err(|error| error.at(entry.key_pos))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, NodeError> {
        let entry = self
            .value
            .take()
            .ok_or_else(|| <NodeError as de::Error>::custom("a value without its key"))?;
        seed.deserialize(&entry.value)
            .map_err(|error| error.at(entry.value.pos).within(&entry.key))
    }
}

/// `{Variant: value}`: an enum variant with data.
struct Variant<'de>(&'de Entry);

impl<'de> EnumAccess<'de> for Variant<'de> {
    type Error = NodeError;
    type Variant = &'de Node;

    fn variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, &'de Node), NodeError> {
        let key: de::value::BorrowedStrDeserializer<'de, NodeError> =
            de::value::BorrowedStrDeserializer::new(&self.0.key);
        let variant = seed
            .deserialize(key)
            .map_err(|error| error.at(self.0.key_pos))?;
        Ok((variant, &self.0.value))
    }
}

impl<'de> VariantAccess<'de> for &'de Node {
    type Error = NodeError;

    fn unit_variant(self) -> Result<(), NodeError> {
        Deserialize::deserialize(self)
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, NodeError> {
        seed.deserialize(self)
    }

    fn tuple_variant<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, NodeError> {
        self.deserialize_seq(visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, NodeError> {
        self.deserialize_map(visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields, rename_all = "kebab-case")]
    struct Sample {
        name: String,
        count: u32,
        #[serde(default)]
        tags: Vec<String>,
        mode: Option<Mode>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(rename_all = "kebab-case")]
    enum Mode {
        Fast,
        Careful,
    }

    fn root(text: &str) -> Node {
        super::super::parse(text)
            .documents
            .into_iter()
            .next()
            .unwrap()
            .root
    }

    #[test]
    fn reads_structs_lists_and_enums() {
        let node = root("name: web\ncount: 3\ntags: [a, b]\nmode: careful\n");
        let sample: Sample = from_node(&node).unwrap();
        assert_eq!(
            sample,
            Sample {
                name: "web".into(),
                count: 3,
                tags: vec!["a".into(), "b".into()],
                mode: Some(Mode::Careful),
            }
        );
    }

    #[test]
    fn errors_point_at_the_key_or_value() {
        let node = root("name: web\ncount: 3\ncolour: red\n");
        let error = from_node::<Sample>(&node).unwrap_err();
        assert!(
            error.message.starts_with("unknown field `colour`"),
            "{error}"
        );
        assert_eq!(error.pos, Some(Pos { line: 3, column: 1 }));
        let node = root("name: web\ncount: many\n");
        let error = from_node::<Sample>(&node).unwrap_err();
        assert_eq!(error.pos, Some(Pos { line: 2, column: 8 }));
        let node = root("name: web\ncount: 1\nmode: slow\n");
        let error = from_node::<Sample>(&node).unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("mode: unknown variant `slow`"),
            "{error}"
        );
        assert_eq!(error.pos, Some(Pos { line: 3, column: 7 }));
    }

    #[test]
    fn yaml_1_1_scalars_are_what_kubectl_reads() {
        let node = root("a: yes\nb: 0755\n");
        let map: BTreeMap<String, serde_json::Value> = from_node(&node).unwrap();
        assert_eq!(map["a"], serde_json::json!(true));
        assert_eq!(map["b"], serde_json::json!(493));
        let error = from_node::<Sample>(&root("name: 123\ncount: 1\n")).unwrap_err();
        assert!(error.message.contains("expected a string"), "{error}");
    }
}
