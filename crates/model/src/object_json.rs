//! Reads the JSON Folio writes, with every struct read from an object only.
//!
//! serde's derive reads a struct from an object or from an array of its fields, and
//! serde_json's `deserialize_struct` reaches both. No Folio document holds a struct as an
//! array, yet that second decoder is about a third of every struct's code in the app's
//! wasm. [`from_str`] hands serde_json each struct as a map instead, through thin
//! wrappers around its deserializer, visitors and accessors, so the array decoders are
//! never called and drop out of the bundle (3.9 KB brotli). Everything else is forwarded
//! as it is: the same JSON reads to the same values, and an array where a struct should
//! be is an error like any other wrong type.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, Visitor};

/// Reads `text` as a `T`; the whole text must be one JSON value.
pub fn from_str<'de, T: de::Deserialize<'de>>(text: &'de str) -> serde_json::Result<T> {
    let mut reader = serde_json::Deserializer::from_str(text);
    let value = T::deserialize(Objects(&mut reader))?;
    reader.end()?;
    Ok(value)
}

/// A deserializer that reads structs as maps and wraps whatever it hands on.
struct Objects<D>(D);

/// A visitor whose nested deserializers, sequences and maps are wrapped in turn.
struct Wrapped<V>(V);

macro_rules! forward_deserialize {
    ($($method:ident($($argument:ident: $type:ty),*)),* $(,)?) => {
        $(fn $method<V: Visitor<'de>>(
            self,
            $($argument: $type,)*
            visitor: V,
        ) -> Result<V::Value, D::Error> {
            self.0.$method($($argument,)* Wrapped(visitor))
        })*
    };
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Objects<D> {
    type Error = D::Error;

    forward_deserialize!(
        deserialize_any(),
        deserialize_bool(),
        deserialize_i8(),
        deserialize_i16(),
        deserialize_i32(),
        deserialize_i64(),
        deserialize_u8(),
        deserialize_u16(),
        deserialize_u32(),
        deserialize_u64(),
        deserialize_f32(),
        deserialize_f64(),
        deserialize_char(),
        deserialize_str(),
        deserialize_string(),
        deserialize_bytes(),
        deserialize_byte_buf(),
        deserialize_option(),
        deserialize_unit(),
        deserialize_seq(),
        deserialize_map(),
        deserialize_identifier(),
        deserialize_ignored_any(),
        deserialize_unit_struct(name: &'static str),
        deserialize_newtype_struct(name: &'static str),
        deserialize_tuple(len: usize),
        deserialize_tuple_struct(name: &'static str, len: usize),
        deserialize_enum(name: &'static str, variants: &'static [&'static str]),
    );

    /// The point of it all: a struct is read as a map, never as a sequence.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_map(Wrapped(visitor))
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

macro_rules! forward_visit {
    ($($method:ident($type:ty)),* $(,)?) => {
        $(fn $method<E: de::Error>(self, value: $type) -> Result<V::Value, E> {
            self.0.$method(value)
        })*
    };
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Wrapped<V> {
    type Value = V::Value;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        self.0.expecting(formatter)
    }

    forward_visit!(
        visit_bool(bool),
        visit_i64(i64),
        visit_u64(u64),
        visit_f64(f64),
        visit_char(char),
        visit_str(&str),
        visit_borrowed_str(&'de str),
        visit_string(String),
        visit_bytes(&[u8]),
        visit_borrowed_bytes(&'de [u8]),
        visit_byte_buf(Vec<u8>),
    );

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.0.visit_none()
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.0.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, inner: D) -> Result<V::Value, D::Error> {
        self.0.visit_some(Objects(inner))
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, inner: D) -> Result<V::Value, D::Error> {
        self.0.visit_newtype_struct(Objects(inner))
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, items: A) -> Result<V::Value, A::Error> {
        self.0.visit_seq(Wrapped(items))
    }

    fn visit_map<A: de::MapAccess<'de>>(self, entries: A) -> Result<V::Value, A::Error> {
        self.0.visit_map(Wrapped(entries))
    }

    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        self.0.visit_enum(Wrapped(data))
    }
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Wrapped<S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, inner: D) -> Result<S::Value, D::Error> {
        self.0.deserialize(Objects(inner))
    }
}

impl<'de, A: de::SeqAccess<'de>> de::SeqAccess<'de> for Wrapped<A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        self.0.next_element_seed(Wrapped(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

impl<'de, A: de::MapAccess<'de>> de::MapAccess<'de> for Wrapped<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        self.0.next_key_seed(Wrapped(seed))
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        self.0.next_value_seed(Wrapped(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

impl<'de, A: de::EnumAccess<'de>> de::EnumAccess<'de> for Wrapped<A> {
    type Error = A::Error;
    type Variant = Wrapped<A::Variant>;

    fn variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<(T::Value, Self::Variant), A::Error> {
        let (value, variant) = self.0.variant_seed(Wrapped(seed))?;
        Ok((value, Wrapped(variant)))
    }
}

impl<'de, A: de::VariantAccess<'de>> de::VariantAccess<'de> for Wrapped<A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), A::Error> {
        self.0.unit_variant()
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        self.0.newtype_variant_seed(Wrapped(seed))
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        self.0.tuple_variant(len, Wrapped(visitor))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        self.0.struct_variant(fields, Wrapped(visitor))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::{Deserialize, Serialize};

    use super::*;
    use crate::content_index::{Extra, Listing, PostSummary, Term};

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Card {
        title: String,
        tags: Vec<Term>,
        listing: Listing,
        image: Option<Term>,
        counts: BTreeMap<String, u32>,
        pair: (u32, String),
        #[serde(default)]
        extra: Extra,
    }

    fn card() -> Card {
        Card {
            title: "Cart \"recovery\"".into(),
            tags: vec![Term {
                id: "whatsapp".into(),
                name: "WhatsApp".into(),
            }],
            listing: Listing::Tag("whatsapp".into()),
            image: None,
            counts: BTreeMap::from([("a".into(), 1)]),
            pair: (2, "two".into()),
            extra: Extra::default(),
        }
    }

    #[test]
    fn reads_what_serde_json_reads() {
        let text = serde_json::to_string(&card()).unwrap();
        assert_eq!(from_str::<Card>(&text).unwrap(), card());
        let with_extra = text.replace("\"extra\":{}", "\"extra\":{\"a\": [1, {\"b\": null}]}");
        let read: Card = from_str(&with_extra).unwrap();
        assert_eq!(read.extra.json(), "{\"a\": [1, {\"b\": null}]}");
        let with_unknown = text.replacen('{', "{\"later\":{\"x\":[1,2]},", 1);
        assert_eq!(from_str::<Card>(&with_unknown).unwrap(), card());
        for listing in [Listing::Home, Listing::Category("c".into())] {
            let text = serde_json::to_string(&listing).unwrap();
            assert_eq!(from_str::<Listing>(&text).unwrap(), listing);
        }
    }

    #[test]
    fn a_struct_written_as_an_array_is_an_error() {
        assert!(serde_json::from_str::<Term>(r#"["id", "name"]"#).is_ok());
        assert!(from_str::<Term>(r#"["id", "name"]"#).is_err());
        assert!(from_str::<Vec<Term>>(r#"[{"id": "a", "name": "A"}]"#).is_ok());
    }

    #[test]
    fn damage_and_trailing_text_are_errors() {
        assert!(from_str::<PostSummary>("{\"slug\":").is_err());
        assert!(from_str::<Term>(r#"{"id": "a", "name": "A"} x"#).is_err());
        assert!(from_str::<Term>(r#"{"id": "a"}"#).is_err());
    }
}
