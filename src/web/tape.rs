//! The report handed to JavaScript as a tape: one pass of serde writes the
//! values into a list of 32-bit words, and one JS function (`tape.js`)
//! builds the plain objects from it, reading strings straight out of the
//! module's memory.
//!
//! serde-wasm-bindgen builds the same objects from Rust, but each field
//! costs several calls across the boundary (its key looked up in a cache of
//! JS strings and cloned, the value made, the field set, both handles
//! dropped): 89–94 µs for the five articles' report in Node, of an
//! analysis's 1.0–1.3 ms. The tape crosses once: 60–63 µs, 12 of them in
//! Rust. Tooltips and article views, small, still go through
//! serde-wasm-bindgen.
//!
//! Words: `NULL`, `FALSE`, `TRUE`; `UINT n`; `FLOAT lo hi` (the f64's bits);
//! `STR ptr len` (UTF-8 in the module's memory, alive for the call);
//! `ARRAY` values `END`; `OBJECT` (`ptr len` of a `&'static str` key, then a
//! value)… `END`. Only what a derived `Serialize` of plain structs, lists,
//! options, strings, numbers and unit enums needs; anything else is an error.

use serde::ser::{self, Impossible, Serialize};
use wasm_bindgen::prelude::*;

const NULL: u32 = 0;
const FALSE: u32 = 1;
const TRUE: u32 = 2;
const UINT: u32 = 3;
const FLOAT: u32 = 4;
const STR: u32 = 5;
const ARRAY: u32 = 6;
const OBJECT: u32 = 7;
const END: u32 = 8;

#[wasm_bindgen(module = "/src/web/tape.js")]
extern "C" {
    #[wasm_bindgen(js_name = fromTape)]
    fn from_tape(memory: JsValue, tape: &[u32]) -> JsValue;
}

/// `value` as plain JavaScript objects, built from a tape.
pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue, String> {
    let mut tape = Tape(Vec::new());
    value.serialize(&mut tape).map_err(|e| e.0)?;
    Ok(from_tape(wasm_bindgen::memory(), &tape.0))
}

struct Tape(Vec<u32>);

impl Tape {
    fn str(&mut self, s: &str) {
        // wasm32: addresses and lengths fit in 32 bits
        self.0.extend([STR, s.as_ptr() as u32, s.len() as u32]);
    }
}

/// What the tape cannot hold.
#[derive(Debug)]
pub struct Error(String);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: std::fmt::Display>(msg: T) -> Error {
        Error(msg.to_string())
    }
}

fn unsupported(what: &str) -> Error {
    Error(format!("the report's tape holds no {what}"))
}

impl ser::Serializer for &mut Tape {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Impossible<(), Error>;
    type SerializeTupleVariant = Impossible<(), Error>;
    type SerializeMap = Impossible<(), Error>;
    type SerializeStruct = Self;
    type SerializeStructVariant = Impossible<(), Error>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.0.push(if v { TRUE } else { FALSE });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        match u64::try_from(v) {
            Ok(n) => self.serialize_u64(n),
            Err(_) => self.serialize_f64(v as f64),
        }
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        match u32::try_from(v) {
            Ok(n) => {
                self.0.extend([UINT, n]);
                Ok(())
            }
            Err(_) => self.serialize_f64(v as f64),
        }
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        let bits = v.to_bits();
        self.0.extend([FLOAT, bits as u32, (bits >> 32) as u32]);
        Ok(())
    }
    fn serialize_char(self, _: char) -> Result<(), Error> {
        Err(unsupported("char"))
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.str(v);
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Error> {
        Err(unsupported("bytes"))
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.0.push(NULL);
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<(), Error> {
        self.str(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(self, _: &'static str, _: u32, _: &'static str, _: &T) -> Result<(), Error> {
        Err(unsupported("enum with data"))
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self, Error> {
        self.0.push(ARRAY);
        Ok(self)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self, Error> {
        self.serialize_seq(None)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeTupleStruct, Error> {
        Err(unsupported("tuple struct"))
    }
    fn serialize_tuple_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Self::SerializeTupleVariant, Error> {
        Err(unsupported("enum with data"))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(unsupported("map"))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Error> {
        self.0.push(OBJECT);
        Ok(self)
    }
    fn serialize_struct_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Self::SerializeStructVariant, Error> {
        Err(unsupported("enum with data"))
    }
}

impl ser::SerializeSeq for &mut Tape {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut **self)
    }
    fn end(self) -> Result<(), Error> {
        self.0.push(END);
        Ok(())
    }
}

impl ser::SerializeTuple for &mut Tape {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), Error> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeStruct for &mut Tape {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        self.0.extend([key.as_ptr() as u32, key.len() as u32]);
        value.serialize(&mut **self)
    }
    fn end(self) -> Result<(), Error> {
        self.0.push(END);
        Ok(())
    }
}
