//! Live counters: what a form shows under an input while the user types.
//!
//! Spec §1: a counter says which measure it shows ("characters", "server units" or "bytes")
//! and shows server units with their fraction. The counts are of the canonical value (spec
//! §3.4: a CRLF counts as one LF), measured by [`crate::length`], the same functions the
//! validator's rules and the sandbox's checks use.

use super::{Limit, ParamDescription, ParamKind};
use crate::length::{characters, ServerUnits, Unit};
use crate::params::canonical_value;
use crate::rules::list_items;
use crate::text::Bilingual;

/// One counter: its text in English and Chinese, and whether a maximum is exceeded.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CounterReading {
    /// E.g. "13 / 16 characters · 17⅓ server units (server: at most 16)".
    pub text: Bilingual,
    /// A count is above its maximum.
    pub over: bool,
}

/// The counters of one parameter for one value ([`ParamDescription::counters`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Counters {
    /// The field's counter; `None` when the parameter has no length limit.
    pub field: Option<CounterReading>,
    /// For a list of tags ([`ParamKind::Tags`]): one counter per non-empty tag, in order.
    /// (A list of account IDs, [`ParamKind::AccountIdList`], has only the field's count.)
    pub items: Vec<CounterReading>,
}

impl ParamDescription {
    /// What the live counters show for `value`: the field's count against its limits (both
    /// counts where the document and the server measure differently) and, for a list of
    /// tags, each tag's count.
    pub fn counters(&self, value: &str) -> Counters {
        let canonical = canonical_value(value);
        match self.kind {
            ParamKind::Tags {
                max_tags,
                max_chars,
            } => {
                let items: Vec<CounterReading> = list_items(&canonical)
                    .map(|tag| self.tag_reading(tag, max_chars))
                    .collect();
                let over = items.len() > max_tags || items.iter().any(|item| item.over);
                let field = CounterReading {
                    text: self.tags_text(items.len(), max_tags, max_chars),
                    over,
                };
                Counters {
                    field: Some(field),
                    items,
                }
            }
            ParamKind::AccountIdList => {
                let ids = list_items(&canonical).count();
                let text = match ids {
                    1 => Bilingual::new("1 account ID", "1 个账户编号"),
                    n => Bilingual::owned(format!("{n} account IDs"), format!("{n} 个账户编号")),
                };
                Counters {
                    field: Some(CounterReading { text, over: false }),
                    items: Vec::new(),
                }
            }
            _ => Counters {
                field: self
                    .limit
                    .map(|limit| self.field_reading(&canonical, limit)),
                items: Vec::new(),
            },
        }
    }

    /// The field's count in `limit`'s unit, followed by the server's count when the server
    /// measures in another unit.
    fn field_reading(&self, value: &str, limit: Limit) -> CounterReading {
        let count = Count::of(value, limit.unit);
        let mut en = format!(
            "{} / {} {}",
            count,
            limit.max,
            limit.unit.name_en(limit.max)
        );
        let mut zh = format!("{} / {} {}", count, limit.max, limit.unit.name_zh());
        let mut over = count.over(limit.max);
        if let Some(server) = self.server_limit {
            let count = Count::of(value, server.unit);
            en.push_str(&format!(
                " · {} {} (server: at most {})",
                count,
                count.noun_en(server.unit),
                server.max
            ));
            zh.push_str(&format!(
                " · {} {}（服务器：最多 {}）",
                count,
                server.unit.name_zh(),
                server.max
            ));
            over |= count.over(server.max);
        }
        CounterReading {
            text: Bilingual::owned(en, zh),
            over,
        }
    }

    /// "3 / 5 tags, each at most 8 characters and 8 server units".
    fn tags_text(&self, tags: usize, max_tags: usize, max_chars: usize) -> Bilingual {
        let mut en = format!("{tags} / {max_tags} tags, each at most {max_chars} characters");
        let mut zh = format!("{tags} / {max_tags} 个标签，每个最多 {max_chars} 个字符");
        if let Some(server) = self.server_limit {
            en.push_str(&format!(
                " and {} {}",
                server.max,
                server.unit.name_en(server.max)
            ));
            zh.push_str(&format!("、{} {}", server.max, server.unit.name_zh()));
        }
        Bilingual::owned(en, zh)
    }

    /// One tag: "7 characters · 9⅓ server units".
    fn tag_reading(&self, tag: &str, max_chars: usize) -> CounterReading {
        let chars = Count::of(tag, Unit::Chars);
        let mut en = format!("{chars} {}", chars.noun_en(Unit::Chars));
        let mut zh = format!("{chars} {}", Unit::Chars.name_zh());
        let mut over = chars.over(max_chars);
        if let Some(server) = self.server_limit {
            let count = Count::of(tag, server.unit);
            en.push_str(&format!(" · {count} {}", count.noun_en(server.unit)));
            zh.push_str(&format!(" · {count} {}", server.unit.name_zh()));
            over |= count.over(server.max);
        }
        CounterReading {
            text: Bilingual::owned(en, zh),
            over,
        }
    }
}

impl Unit {
    /// The measure's name after the number `n`, in English.
    const fn name_en(self, n: usize) -> &'static str {
        match (self, n) {
            (Unit::Chars, 1) => "character",
            (Unit::Chars, _) => "characters",
            (Unit::ServerUnits, 1) => "server unit",
            (Unit::ServerUnits, _) => "server units",
            (Unit::Bytes, 1) => "byte (UTF-8)",
            (Unit::Bytes, _) => "bytes (UTF-8)",
        }
    }

    /// The measure's name after a count, in Chinese.
    const fn name_zh(self) -> &'static str {
        match self {
            Unit::Chars => "个字符",
            Unit::ServerUnits => "个服务器单位",
            Unit::Bytes => "字节（UTF-8）",
        }
    }
}

/// A count in one of the three measures.
#[derive(Clone, Copy)]
enum Count {
    /// Characters or bytes.
    Whole(usize),
    /// Server units, exact.
    Units(ServerUnits),
}

impl Count {
    fn of(value: &str, unit: Unit) -> Count {
        match unit {
            Unit::Chars => Count::Whole(characters(value)),
            Unit::Bytes => Count::Whole(value.len()),
            Unit::ServerUnits => Count::Units(ServerUnits::of(value.as_bytes())),
        }
    }

    /// The English name of `unit` after this count ("1 character", "1⅓ server units").
    fn noun_en(self, unit: Unit) -> &'static str {
        let one = match self {
            Count::Whole(n) => n == 1,
            Count::Units(units) => units == ServerUnits::whole(1),
        };
        unit.name_en(if one { 1 } else { 2 })
    }

    fn over(self, max: usize) -> bool {
        match self {
            Count::Whole(n) => n > max,
            Count::Units(units) => units.over(max),
        }
    }
}

impl core::fmt::Display for Count {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Count::Whole(n) => write!(f, "{n}"),
            Count::Units(units) => write!(f, "{units}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::api::Api;
    use crate::endpoint::describe;

    fn counters(api: Api, name: &str, value: &str) -> super::Counters {
        describe(api)
            .param(name)
            .expect("a documented parameter")
            .counters(value)
    }

    #[test]
    fn both_counts_where_the_server_counts_server_units() {
        let name = "😀".repeat(13);
        let reading = counters(Api::ApplyMicroChannel, "channelName", &name)
            .field
            .unwrap();
        assert_eq!(
            reading.text.en,
            "13 / 16 characters · 17⅓ server units (server: at most 16)"
        );
        assert_eq!(
            reading.text.zh,
            "13 / 16 个字符 · 17⅓ 个服务器单位（服务器：最多 16）"
        );
        assert!(reading.over, "17⅓ units are over the server's 16");
        let fits = counters(Api::ApplyMicroChannel, "channelName", &"😀".repeat(12));
        assert!(!fits.field.unwrap().over, "12 emoji are exactly 16 units");
        let reading = counters(Api::ApplyMicroChannel, "channelIntroduction", "é")
            .field
            .unwrap();
        assert_eq!(
            reading.text.en,
            "1 / 128 characters · ⅔ server units (server: at most 128)"
        );
    }

    #[test]
    fn single_counts_name_their_measure() {
        let reading = counters(Api::CreateGroup, "groupName", "语镜")
            .field
            .unwrap();
        assert_eq!(reading.text.en, "6 / 32 bytes (UTF-8)");
        assert_eq!(reading.text.zh, "6 / 32 字节（UTF-8）");
        let reading = counters(Api::CreateGroup, "appKey", "12345678901")
            .field
            .unwrap();
        assert_eq!(reading.text.en, "11 / 10 characters");
        assert!(reading.over);
        // Canonical values: CRLF counts as one LF.
        let reading = counters(Api::ApplyMicroChannel, "channelIntroduction", "a\r\nb")
            .field
            .unwrap();
        assert!(reading
            .text
            .en
            .starts_with("3 / 128 characters · 3 server units"));
        assert_eq!(counters(Api::CreateGroup, "isCarFleet", "1").field, None);
    }

    #[test]
    fn account_id_lists_count_their_items() {
        let count = |value| {
            counters(Api::VerifyApplyJoiningMember, "applyAccountID", value)
                .field
                .unwrap()
                .text
        };
        assert_eq!(count("kxl1QuHKCD").en, "1 account ID");
        let three = count("a,,b,c,");
        assert_eq!((&*three.en, &*three.zh), ("3 account IDs", "3 个账户编号"));
        // Only the ASCII comma separates (spec §3.2).
        assert_eq!(count("a，b").en, "1 account ID");
        assert_eq!(count("").en, "0 account IDs");
    }

    #[test]
    fn tags_are_counted_one_by_one() {
        let counters = counters(
            Api::ApplyMicroChannel,
            "channelKeyWords",
            "a,,😀😀😀😀😀😀😀,",
        );
        let field = counters.field.unwrap();
        assert_eq!(
            field.text.en,
            "2 / 5 tags, each at most 8 characters and 8 server units"
        );
        assert!(field.over, "a tag is over");
        let texts: Vec<&str> = counters.items.iter().map(|r| &*r.text.en).collect();
        assert_eq!(
            texts,
            [
                "1 character · 1 server unit",
                "7 characters · 9⅓ server units"
            ]
        );
        let over: Vec<bool> = counters.items.iter().map(|r| r.over).collect();
        assert_eq!(over, [false, true]);
    }
}
