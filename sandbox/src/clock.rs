//! The sandbox clock (spec §10.4): frozen at an instant, or the system clock.

use std::time::{SystemTime, UNIX_EPOCH};

use signkit::BeijingTime;

/// Where the emulator's `now` comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clock {
    /// The system clock.
    System,
    /// Always this instant.
    Frozen(BeijingTime),
}

impl Clock {
    /// The current instant in Unix seconds.
    pub fn now_unix(self) -> i64 {
        match self {
            Clock::Frozen(time) => time.to_unix(),
            Clock::System => system_now_unix(),
        }
    }

    /// Reads the body of `PUT /_sandbox/clock`: `yyyyMMddHHmmss` (UTC+8) or `now`. Surrounding
    /// whitespace is ignored, so `echo 20261125100000 | curl -T - …` works.
    pub fn from_control_body(body: &str) -> Option<Clock> {
        let text = body.trim();
        if text == "now" {
            Some(Clock::System)
        } else {
            BeijingTime::parse(text).map(Clock::Frozen)
        }
    }
}

impl std::fmt::Display for Clock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Clock::System => f.write_str("system clock"),
            Clock::Frozen(time) => write!(f, "frozen at {time} (UTC+8)"),
        }
    }
}

fn system_now_unix() -> i64 {
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(after) => i64::try_from(after.as_secs()).unwrap_or(i64::MAX),
        // A clock set before 1970: count backwards rather than fail.
        Err(before) => i64::try_from(before.duration().as_secs()).map_or(i64::MIN, |secs| -secs),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frozen_clock_reads_utc_plus_8() {
        let clock = Clock::from_control_body("20261125100000").unwrap();
        // 2026-11-25 10:00:00 UTC+8 = 02:00:00 UTC.
        assert_eq!(clock.now_unix(), 1_795_572_000);
        assert_eq!(clock.to_string(), "frozen at 20261125100000 (UTC+8)");
    }

    #[test]
    fn control_body_forms() {
        assert_eq!(Clock::from_control_body("now"), Some(Clock::System));
        assert_eq!(Clock::from_control_body(" now\n"), Some(Clock::System));
        assert_eq!(
            Clock::from_control_body("20261125100000\n"),
            BeijingTime::parse("20261125100000").map(Clock::Frozen)
        );
        for bad in ["", "NOW", "2026-11-25", "20261131100000", "20261125100000x"] {
            assert_eq!(Clock::from_control_body(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn system_clock_is_after_2024() {
        assert!(Clock::System.now_unix() > 1_704_067_200);
    }
}
