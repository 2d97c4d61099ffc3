//! The content contract's calendar date ([`Date`], written `YYYY-MM-DD`):
//! parsed and checked, read from YAML with a message a clerk can act on,
//! shown as ISO text or in Italian words. No clock: the day of a build
//! comes from `pipeline`.

use std::fmt;

use serde::de;
use serde::{Deserialize, Deserializer};

/// A calendar date written `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// The year, e.g. 2026.
    pub year: u16,
    /// 1 to 12.
    pub month: u8,
    /// 1 to 31.
    pub day: u8,
}

const MONTHS_IT: [&str; 12] = [
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
];

impl Date {
    /// Parses `YYYY-MM-DD`, checking that the day exists.
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u16> {
            let part = s.get(r)?;
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        if year < 1900 || day == 0 || day > days {
            return None;
        }
        Some(Date {
            year,
            month: month as u8,
            day: day as u8,
        })
    }

    /// The date a clerk meant by a date written another way: Italian
    /// order with `/`, `.` or `-` (`12/01/2026`, `1.2.2026`), or ISO order
    /// without its zeros (`2026-1-12`). Never guesses a two-digit year or
    /// a month first. Only for a hint: the contract's form is [`Date::parse`]'s.
    pub fn meant(s: &str) -> Option<Date> {
        let parts: Vec<&str> = s.trim().split(['/', '.', '-']).collect();
        let [a, b, c] = parts[..] else {
            return None;
        };
        let digits = |p: &str| (1..=4).contains(&p.len()) && p.bytes().all(|c| c.is_ascii_digit());
        if !(digits(a) && digits(b) && digits(c)) {
            return None;
        }
        let (year, month, day) = match (a.len(), c.len()) {
            (4, 1..=2) if b.len() <= 2 => (a, b, c),
            (1..=2, 4) if b.len() <= 2 => (c, b, a),
            _ => return None,
        };
        let month: u8 = month.parse().ok()?;
        let day: u8 = day.parse().ok()?;
        Date::parse(&format!("{year}-{month:02}-{day:02}"))
    }

    /// The calendar date `days` days after 1970-01-01 (the civil-from-days
    /// algorithm of H. Hinnant), clamped to the years a [`Date`] holds.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i64::from(month <= 2);
        if year < 1900 {
            Date {
                year: 1900,
                month: 1,
                day: 1,
            }
        } else if year > 9999 {
            Date {
                year: 9999,
                month: 12,
                day: 31,
            }
        } else {
            Date {
                year: year as u16,
                month,
                day,
            }
        }
    }

    /// The date in Italian words: `26 novembre 2026`.
    pub fn italian(&self) -> String {
        let day = if self.day == 1 {
            "1º".to_string()
        } else {
            self.day.to_string()
        };
        format!(
            "{day} {} {}",
            MONTHS_IT[usize::from(self.month) - 1],
            self.year
        )
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse(&s).ok_or_else(|| {
            de::Error::custom(format!(
                "`{s}` is not a valid date: write it as YYYY-MM-DD, for example 2026-11-26"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked() {
        assert_eq!(
            Date::parse("2026-11-26").map(|d| d.to_string()).as_deref(),
            Some("2026-11-26")
        );
        assert!(Date::parse("2026-02-29").is_none());
        assert!(Date::parse("2024-02-29").is_some());
        assert!(Date::parse("2026-13-01").is_none());
        assert!(Date::parse("26/11/2026").is_none());
        assert!(Date::parse("2026-1-01").is_none());
    }

    #[test]
    fn dates_written_another_way_are_understood_for_the_hint() {
        let meant = |s: &str| Date::meant(s).map(|d| d.to_string());
        assert_eq!(meant("12/01/2026").as_deref(), Some("2026-01-12"));
        assert_eq!(meant(" 1.2.2026").as_deref(), Some("2026-02-01"));
        assert_eq!(meant("29-01-2026").as_deref(), Some("2026-01-29"));
        assert_eq!(meant("2026-1-2").as_deref(), Some("2026-01-02"));
        assert_eq!(meant("2026/11/26").as_deref(), Some("2026-11-26"));
        // Not a day: no guess.
        for s in [
            "31/02/2026",
            "13/13/2026",
            "12/01/26",
            "01/2026",
            "1/2/3/2026",
            "gen 2026",
            "",
            "12//2026",
        ] {
            assert_eq!(meant(s), None, "{s}");
        }
    }

    #[test]
    fn dates_in_italian() {
        assert_eq!(
            Date::parse("2026-11-26").unwrap().italian(),
            "26 novembre 2026"
        );
        assert_eq!(
            Date::parse("2026-01-01").unwrap().italian(),
            "1º gennaio 2026"
        );
    }
}
