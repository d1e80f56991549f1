//! Wall-clock times in China Standard Time (UTC+8), written `yyyyMMddHHmmss`.
//!
//! YTX timestamps, the validator's clock and the sandbox clock all use this form. signkit
//! never reads the system clock itself: callers pass the instant in (Unix seconds), so
//! every result is reproducible.

/// Seconds UTC+8 is ahead of UTC.
const OFFSET_SECONDS: i64 = 8 * 3600;

/// A civil date and time in UTC+8 (China Standard Time), second precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct BeijingTime {
    /// Year, 0–9999.
    pub year: u16,
    /// Month, 1–12.
    pub month: u8,
    /// Day of the month, 1–31 (and valid for the month).
    pub day: u8,
    /// Hour, 0–23.
    pub hour: u8,
    /// Minute, 0–59.
    pub minute: u8,
    /// Second, 0–59.
    pub second: u8,
}

impl BeijingTime {
    /// Parses exactly 14 ASCII digits `yyyyMMddHHmmss` forming a valid date and time.
    pub fn parse(text: &str) -> Option<BeijingTime> {
        let b = text.as_bytes();
        if b.len() != 14 || !b.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let num = |range: core::ops::Range<usize>| {
            b[range]
                .iter()
                .fold(0u16, |acc, d| acc * 10 + u16::from(d - b'0'))
        };
        let t = BeijingTime {
            year: num(0..4),
            month: num(4..6) as u8,
            day: num(6..8) as u8,
            hour: num(8..10) as u8,
            minute: num(10..12) as u8,
            second: num(12..14) as u8,
        };
        let valid = (1..=12).contains(&t.month)
            && t.day >= 1
            && t.day <= days_in_month(t.year, t.month)
            && t.hour < 24
            && t.minute < 60
            && t.second < 60;
        valid.then_some(t)
    }

    /// The instant `unix_seconds` (seconds since 1970-01-01T00:00:00Z) in UTC+8.
    /// Instants outside years 0–9999 are clamped to that range.
    pub fn from_unix(unix_seconds: i64) -> BeijingTime {
        let local = unix_seconds.saturating_add(OFFSET_SECONDS);
        let min = days_from_civil(0, 1, 1) * 86400;
        let max = days_from_civil(9999, 12, 31) * 86400 + 86399;
        let local = local.clamp(min, max);
        let days = local.div_euclid(86400);
        let secs = local.rem_euclid(86400);
        let (year, month, day) = civil_from_days(days);
        BeijingTime {
            year: year as u16,
            month,
            day,
            hour: (secs / 3600) as u8,
            minute: (secs % 3600 / 60) as u8,
            second: (secs % 60) as u8,
        }
    }

    /// Seconds since the Unix epoch of this UTC+8 wall-clock time.
    pub fn to_unix(self) -> i64 {
        days_from_civil(i64::from(self.year), self.month, self.day) * 86400
            + i64::from(self.hour) * 3600
            + i64::from(self.minute) * 60
            + i64::from(self.second)
            - OFFSET_SECONDS
    }
}

impl core::fmt::Display for BeijingTime {
    /// `yyyyMMddHHmmss`.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(
            f,
            "{:04}{:02}{:02}{:02}{:02}{:02}",
            self.year, self.month, self.day, self.hour, self.minute, self.second
        )
    }
}

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(year: i64, month: u8, day: u8) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn civil_from_days(days: i64) -> (i64, u8, u8) {
    let z = days + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let t = BeijingTime::parse("20161212093000").unwrap();
        assert_eq!(t.to_string(), "20161212093000");
        assert_eq!(t.to_unix(), 1481506200);
        assert_eq!(BeijingTime::from_unix(1481506200), t);
        assert_eq!(BeijingTime::from_unix(0).to_string(), "19700101080000");
        let leap = BeijingTime::parse("20240229235959").unwrap();
        assert_eq!(BeijingTime::from_unix(leap.to_unix()), leap);
    }

    #[test]
    fn rejects_invalid_dates() {
        for s in [
            "20230229000000",
            "20161312000000",
            "20161200000000",
            "20161212240000",
            "2016121209300",
            "2016121209300a",
            "20161131000000",
        ] {
            assert_eq!(BeijingTime::parse(s), None, "{s}");
        }
        assert!(BeijingTime::parse("20000229000000").is_some());
        assert!(BeijingTime::parse("19000229000000").is_none());
    }
}
