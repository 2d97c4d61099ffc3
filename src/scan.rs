//! A fast scan for the few bytes a format must escape, shared by the open
//! data (CSV, workbook, JSON) and the search index's JSON: clean runs of
//! text (nearly all of it) are skipped eight bytes at a time and copied
//! whole, instead of being looked at byte by byte (issue 25's profile: the
//! workbook's escaping alone was 3.4% of a build). [`json_string_into`] is
//! the one JSON string escaper of both.

/// A set of bytes to find: [`Set::word`] says whether any of the eight
/// bytes of a little-endian word may be in the set (a false positive only
/// costs a look at each of them), [`Set::byte`] whether one byte is.
pub(crate) trait Set {
    fn word(w: u64) -> bool;
    fn byte(b: u8) -> bool;
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `w` that is zero is set (those above a
/// zero byte may be set too: the mask is exact for whether there is one).
#[inline(always)]
const fn zeros(w: u64) -> u64 {
    w.wrapping_sub(ONES) & !w & HIGHS
}

/// Non-zero when a byte of `w` is `b` (or-ed with others, one test for a
/// whole [`Set`]).
#[inline(always)]
pub(crate) const fn byte(w: u64, b: u8) -> u64 {
    zeros(w ^ (ONES * b as u64))
}

/// Non-zero when a byte of `w` is below `n` (`n` at most 128).
#[inline(always)]
pub(crate) const fn below(w: u64, n: u8) -> u64 {
    w.wrapping_sub(ONES * n as u64) & !w & HIGHS
}

/// Non-zero when a byte of `w` is `a` or `a | 2` (`a` with bit 1 set):
/// `<` and `>`, one test.
#[inline(always)]
pub(crate) const fn byte_or_2(w: u64, a: u8) -> u64 {
    byte(w | (ONES * 2), a | 2)
}

/// The index of the first byte of `bytes` at or after `from` that is in
/// `set`, or `bytes.len()`.
#[inline(always)]
pub(crate) fn find<S: Set>(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        if S::word(u64::from_le_bytes(word)) {
            break;
        }
        i += 8;
    }
    while i < bytes.len() {
        if S::byte(bytes[i]) {
            return i;
        }
        i += 1;
    }
    i
}

/// `text` escaped as serde_json escapes a string's contents, the bytes of
/// `S` escaped: `"`, `\\`, `\n`, `\r`, `\t`, `\b`, `\f` as serde_json writes
/// them, any other byte of `S` (the other control characters; `<`, `>`, `&`
/// for the search index) as `\u00XX`. `S` holds at least the bytes
/// serde_json escapes.
pub(crate) fn json_string_into<S: Set>(out: &mut Vec<u8>, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let bytes = text.as_bytes();
    let mut start = 0;
    loop {
        let at = find::<S>(bytes, start);
        out.extend_from_slice(&bytes[start..at]);
        let Some(&b) = bytes.get(at) else { break };
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0c => out.extend_from_slice(b"\\f"),
            _ => {
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(b >> 4)]);
                out.push(HEX[usize::from(b & 0xf)]);
            }
        }
        start = at + 1;
    }
}

/// The bytes serde_json escapes in a string: `"`, `\\` and the control
/// characters.
pub(crate) struct JsonSpecial;

impl Set for JsonSpecial {
    #[inline(always)]
    fn word(w: u64) -> bool {
        below(w, 0x20) | byte(w, b'"') | byte(w, b'\\') != 0
    }

    #[inline(always)]
    fn byte(b: u8) -> bool {
        b < 0x20 || b == b'"' || b == b'\\'
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Amp;
    impl Set for Amp {
        fn word(w: u64) -> bool {
            byte(w, b'&') | below(w, 0x20) != 0
        }
        fn byte(b: u8) -> bool {
            b == b'&' || b < 0x20
        }
    }

    /// Every position of the byte to find, in texts of every length around
    /// the word's, with every other byte (non-ASCII included) around it.
    #[test]
    fn finds_the_first_byte_of_the_set_wherever_it_is() {
        for len in 0..40 {
            for fill in [b'a', b' ', 0x7f, 0x80, 0xff, 0x20, b'%', b'\''] {
                let clean = vec![fill; len];
                assert_eq!(find::<Amp>(&clean, 0), len);
                for at in 0..len {
                    for b in [b'&', 0, b'\n', 0x1f] {
                        let mut text = clean.clone();
                        text[at] = b;
                        assert_eq!(find::<Amp>(&text, 0), at, "{len} {fill} {at} {b}");
                        assert_eq!(find::<Amp>(&text, at), at);
                        assert_eq!(find::<Amp>(&text, at + 1), len);
                        // A second one later does not hide the first.
                        if at + 3 < len {
                            text[at + 3] = b'&';
                            assert_eq!(find::<Amp>(&text, 0), at);
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn words_tell_bytes_exactly() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut w = [b'x'; 8];
                w[at] = b;
                let w = u64::from_le_bytes(w);
                assert_eq!(byte(w, b'&') != 0, b == b'&', "{b}");
                assert_eq!(below(w, 0x20) != 0, b < 0x20, "{b}");
                assert_eq!(byte_or_2(w, b'<') != 0, b == b'<' || b == b'>', "{b}");
            }
        }
    }
}
