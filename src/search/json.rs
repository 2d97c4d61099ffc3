//! The compact JSON of the search index, written by hand: serde_json's
//! compact output byte for byte (the index's format was defined by it),
//! with `<`, `>` and `&` in strings written `\u003c`, `\u003e`, `\u0026`:
//! the index holds the catalogue's text verbatim, and no file the site
//! serves should carry a live-looking `<script>`, whatever a browser sniffs.
//!
//! One pass over each string (serde_json's escaping and then a formatter's
//! scan for markup took two), no `Result` to thread through: writing into a
//! `Vec` cannot fail. Pure: no I/O.

use crate::scan;

/// A value written as compact JSON.
pub(crate) trait Json {
    fn write(&self, out: &mut Vec<u8>);
}

/// `v` as compact JSON.
pub(crate) fn to_bytes<T: Json + ?Sized>(v: &T) -> Vec<u8> {
    let mut out = Vec::new();
    v.write(&mut out);
    out
}

/// The bytes the index's strings escape: serde_json's, and `<`, `>`, `&`
/// (as `\u00XX`), so that no index file can be read as markup.
struct Special;

impl scan::Set for Special {
    #[inline(always)]
    fn word(w: u64) -> bool {
        scan::JsonSpecial::word(w) || scan::byte(w, b'&') | scan::byte_or_2(w, b'<') != 0
    }

    #[inline(always)]
    fn byte(b: u8) -> bool {
        scan::JsonSpecial::byte(b) || matches!(b, b'<' | b'>' | b'&')
    }
}

impl Json for str {
    fn write(&self, out: &mut Vec<u8>) {
        out.reserve(self.len() + 2);
        out.push(b'"');
        scan::json_string_into::<Special>(out, self);
        out.push(b'"');
    }
}

impl Json for String {
    fn write(&self, out: &mut Vec<u8>) {
        self.as_str().write(out);
    }
}

impl<T: Json + ?Sized> Json for &T {
    fn write(&self, out: &mut Vec<u8>) {
        (**self).write(out);
    }
}

/// `n` in decimal.
pub(crate) fn write_u64(out: &mut Vec<u8>, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
}

macro_rules! unsigned {
    ($($t:ty),*) => {$(
        impl Json for $t {
            fn write(&self, out: &mut Vec<u8>) {
                write_u64(out, *self as u64);
            }
        }
    )*};
}
unsigned!(u8, u32, usize);

impl Json for i64 {
    fn write(&self, out: &mut Vec<u8>) {
        if *self < 0 {
            out.push(b'-');
        }
        write_u64(out, self.unsigned_abs());
    }
}

impl<T: Json> Json for [T] {
    fn write(&self, out: &mut Vec<u8>) {
        list(out, self);
    }
}

impl<T: Json> Json for Vec<T> {
    fn write(&self, out: &mut Vec<u8>) {
        list(out, self);
    }
}

/// `[a,b,...]` of `items` (of different types as `&dyn Json`).
pub(crate) fn list<T: Json>(out: &mut Vec<u8>, items: impl IntoIterator<Item = T>) {
    out.push(b'[');
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        item.write(out);
    }
    out.push(b']');
}

/// Tuples as lists, as serde writes them.
impl<A: Json, B: Json> Json for (A, B) {
    fn write(&self, out: &mut Vec<u8>) {
        list(out, [&self.0 as &dyn Json, &self.1]);
    }
}

impl<A: Json, B: Json, C: Json> Json for (A, B, C) {
    fn write(&self, out: &mut Vec<u8>) {
        list(out, [&self.0 as &dyn Json, &self.1, &self.2]);
    }
}

/// An object written field by field, in the order given.
pub(crate) struct Object<'a> {
    out: &'a mut Vec<u8>,
    first: bool,
}

impl<'a> Object<'a> {
    pub(crate) fn new(out: &'a mut Vec<u8>) -> Self {
        out.push(b'{');
        Object { out, first: true }
    }

    /// `"name":value`; `name` is a plain key (no char to escape).
    pub(crate) fn field(&mut self, name: &str, value: &(impl Json + ?Sized)) -> &mut Self {
        if !self.first {
            self.out.push(b',');
        }
        self.first = false;
        self.out.push(b'"');
        self.out.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(b"\":");
        value.write(self.out);
        self
    }

    /// [`field`](Self::field) when `value` is there.
    pub(crate) fn some(&mut self, name: &str, value: Option<&(impl Json + ?Sized)>) -> &mut Self {
        if let Some(v) = value {
            self.field(name, v);
        }
        self
    }

    pub(crate) fn end(&mut self) {
        self.out.push(b'}');
    }
}

/// serde_json's compact output with the index's markup escape: the
/// writer this module replaced, which its tests and the index's hold it to.
#[cfg(test)]
pub(crate) fn serde_bytes<T: serde::Serialize + ?Sized>(v: &T) -> Vec<u8> {
    struct MarkupSafe;
    impl serde_json::ser::Formatter for MarkupSafe {
        fn write_string_fragment<W: ?Sized + std::io::Write>(
            &mut self,
            w: &mut W,
            fragment: &str,
        ) -> std::io::Result<()> {
            let fragment = fragment
                .replace('<', "\\u003c")
                .replace('>', "\\u003e")
                .replace('&', "\\u0026");
            w.write_all(fragment.as_bytes())
        }
    }
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut out, MarkupSafe);
    v.serialize(&mut ser).unwrap();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_as_serde_json_wrote_them() {
        let mut every_ascii: String = (0u8..128).map(char::from).collect();
        every_ascii.push_str("àè€𝄞\u{2028}\u{feff}");
        for s in [
            "",
            "plain",
            "<script>&</script>",
            "\"quoted\" \\ back\\slash",
            "tab\tnew\nline\r\u{8}\u{c}\u{0}\u{1f}\u{7f}",
            every_ascii.as_str(),
        ] {
            assert_eq!(
                String::from_utf8(to_bytes(s)).unwrap(),
                String::from_utf8(serde_bytes(s)).unwrap(),
                "{s:?}"
            );
        }
    }

    /// Strings of every length up to 40 with a char to escape (or none)
    /// at every place, so each falls in and across the eight-byte words.
    #[test]
    fn drawn_strings_as_serde_json_wrote_them() {
        let pieces = [
            "a", "è", "\"", "\\", "<", ">", "&", "\n", "\u{1}", "\u{1f}", " ", "\u{7f}", "€",
        ];
        let mut seed: u64 = 0x853c_49e6_748f_ea9b;
        for len in 0..40 {
            for _ in 0..300 {
                let s: String = (0..len)
                    .map(|_| {
                        seed ^= seed << 13;
                        seed ^= seed >> 7;
                        seed ^= seed << 17;
                        // Mostly plain letters, as in the catalogue.
                        let k = (seed % 40) as usize;
                        pieces[if k < pieces.len() { k } else { 0 }]
                    })
                    .collect();
                assert_eq!(to_bytes(&s), serde_bytes(&s), "{s:?}");
            }
        }
    }

    #[test]
    fn numbers_lists_and_tuples_as_serde_json_wrote_them() {
        let n: Vec<u32> = vec![0, 1, 9, 10, 99, 100, 65_535, u32::MAX];
        assert_eq!(to_bytes(&n), serde_bytes(&n));
        let i: Vec<i64> = vec![-1, 0, 7, i64::MIN, i64::MAX];
        assert_eq!(to_bytes(&i), serde_bytes(&i));
        assert_eq!(to_bytes(&usize::MAX), serde_bytes(&usize::MAX));
        assert_eq!(to_bytes(&Vec::<u8>::new()), b"[]");
        let t = vec![(1usize, "a<b", "c")];
        assert_eq!(to_bytes(&t), serde_bytes(&t));
        let p = vec![("x", String::from("y")), ("", String::new())];
        assert_eq!(to_bytes(&p), serde_bytes(&p));
    }

    #[test]
    fn objects_keep_their_order_and_skip_what_is_absent() {
        let mut out = Vec::new();
        Object::new(&mut out)
            .field("b", &1u32)
            .some("c", None::<&u32>)
            .some("a", Some("x"))
            .end();
        assert_eq!(out, br#"{"b":1,"a":"x"}"#);
        let mut out = Vec::new();
        Object::new(&mut out).end();
        assert_eq!(out, b"{}");
    }
}
