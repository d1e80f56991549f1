//! The doctor page's results as HTML, rendered here in the lazily loaded module rather than by
//! Leptos views in the app (whose view code would grow the app's first load). Every text is
//! escaped; every explanation is the core's bilingual message.

use signkit::doctor::{Diagnosis, SeenKind, Source, Verdict};
use signkit::{Bilingual, Lang};

macro_rules! texts {
    ($($name:ident = $en:literal, $zh:literal;)*) => {
        $(static $name: Bilingual = Bilingual::new($en, $zh);)*
    };
}

texts! {
    MATCH = "Match: the server computes the same sign.", "匹配：服务器计算出的签名与此相同。";
    MISMATCH = "Mismatch: the server rejects this sign.", "不匹配：服务器会拒绝此签名。";
    UNVERIFIED = "Unverified: enter the secret (or authToken) to check the sign.", "未验证：请输入密钥（或 authToken）以检查签名。";
    UNREADABLE = "Unreadable: no endpoint could be found in this capture.", "无法读取：无法从此请求中确定接口。";
    MISTAKES = "Named mistakes", "指出的错误";
    CONFIRMED = "confirmed", "已确认";
    SUSPECTED = "suspected", "疑似";
    SIGNS = "Signs", "签名";
    PROVIDED = "Provided sign", "请求中的签名";
    EXPECTED = "Expected sign", "应有的签名";
    NONE = "none", "无";
    NEEDS_SECRET = "needs the secret", "需要密钥";
    SERVER_STRING = "The server's string to sign (secret redacted)", "服务器的待签名字符串（密钥已隐去）";
    DIFFERENCE = "First difference", "第一处不同";
    AT_BYTE = "at byte", "位于字节";
    SERVER = "server", "服务器";
    YOURS = "yours", "你的";
    SEES = "What the server sees", "服务器看到的参数";
    NAME = "Name", "名称";
    VALUE = "Value", "值";
    KIND = "Kind", "类型";
    NOTHING_SEEN = "The server sees no parameters.", "服务器没有读到任何参数。";
    FINDINGS = "Other findings", "其他发现";
    NEXT = "What the server would answer next, once the sign is right", "签名正确后，服务器接下来会返回的问题";
}

/// The verdict banner's sentence.
pub fn verdict_text(verdict: Verdict) -> &'static Bilingual {
    match verdict {
        Verdict::Match => &MATCH,
        Verdict::Mismatch => &MISMATCH,
        Verdict::Unverified => &UNVERIFIED,
        Verdict::Unreadable => &UNREADABLE,
    }
}

/// `text` with `& < > " '` escaped, appended to `out`.
pub fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// Two excerpts split where they first differ: the common start, then each one's rest
/// (empty when an excerpt ends there). Splits on character boundaries.
pub fn split_at_difference<'a>(server: &'a str, mine: &'a str) -> (&'a str, &'a str, &'a str) {
    let common = server
        .char_indices()
        .zip(mine.chars())
        .find(|((_, a), b)| a != b)
        .map_or_else(|| server.len().min(mine.len()), |((index, _), _)| index);
    // `common` is a boundary of both: the two strings agree on every character before it.
    let split = |text: &'a str| text.split_at_checked(common).unwrap_or((text, ""));
    (split(server).0, split(server).1, split(mine).1)
}

/// A small HTML writer: text is always escaped, markup is literal.
struct Html(String);

impl Html {
    fn raw(&mut self, markup: &str) -> &mut Self {
        self.0.push_str(markup);
        self
    }
    fn text(&mut self, text: &str) -> &mut Self {
        escape(&mut self.0, text);
        self
    }
}

fn kind_name(kind: SeenKind) -> &'static str {
    match kind {
        SeenKind::Text => "text",
        SeenKind::File => "file",
        SeenKind::Table => "table",
        SeenKind::True => "true",
    }
}

/// The results below the verdict banner, in `lang`.
pub fn details(diagnosis: &Diagnosis, lang: Lang) -> String {
    let mut h = Html(String::new());
    if !diagnosis.mistakes.is_empty() {
        h.raw("<h3>")
            .text(MISTAKES.get(lang))
            .raw("</h3><ul class=\"doctor-list\">");
        for mistake in &diagnosis.mistakes {
            let (class, label) = if mistake.confirmed {
                ("badge error", &CONFIRMED)
            } else {
                ("badge warn", &SUSPECTED)
            };
            h.raw("<li class=\"doctor-mistake\" data-testid=\"doctor-mistake\" data-id=\"")
                .text(mistake.id.as_str())
                .raw("\" data-confirmed=\"")
                .raw(if mistake.confirmed { "true" } else { "false" })
                .raw("\"><p><span class=\"")
                .raw(class)
                .raw("\">")
                .text(label.get(lang))
                .raw("</span> <code>")
                .text(mistake.id.as_str())
                .raw("</code></p><p>")
                .text(mistake.message.get(lang))
                .raw("</p></li>");
        }
        h.raw("</ul>");
    }
    let sign = |h: &mut Html, value: &Option<String>, missing: &Bilingual, testid: &str| {
        h.raw("<dd><code data-testid=\"")
            .raw(testid)
            .raw("\">")
            .text(value.as_deref().unwrap_or(missing.get(lang)))
            .raw("</code></dd>");
    };
    h.raw("<h3>")
        .text(SIGNS.get(lang))
        .raw("</h3><dl class=\"pairs\"><dt>");
    h.text(PROVIDED.get(lang)).raw("</dt>");
    sign(
        &mut h,
        &diagnosis.provided_sign,
        &NONE,
        "doctor-provided-sign",
    );
    h.raw("<dt>").text(EXPECTED.get(lang)).raw("</dt>");
    sign(
        &mut h,
        &diagnosis.expected_sign,
        &NEEDS_SECRET,
        "doctor-expected-sign",
    );
    h.raw("</dl>");
    if let Some(text) = &diagnosis.string_to_sign {
        h.raw("<h3>").text(SERVER_STRING.get(lang)).raw("</h3>");
        h.raw("<pre class=\"code\" data-testid=\"doctor-string-to-sign\">")
            .text(text)
            .raw("</pre>");
    }
    if let Some(difference) = &diagnosis.first_difference {
        let (common, server_rest, mine_rest) =
            split_at_difference(&difference.server, &difference.mine);
        let excerpt = |h: &mut Html, rest: &str| {
            let mut chars = rest.chars();
            let first = chars.next().map(String::from).unwrap_or_default();
            h.raw("<code class=\"excerpt\">")
                .text(common)
                .raw("<mark>")
                .text(&first)
                .raw("</mark>")
                .text(chars.as_str())
                .raw("</code>");
        };
        h.raw("<h3>").text(DIFFERENCE.get(lang)).raw("</h3>");
        h.raw("<dl class=\"pairs\" data-testid=\"doctor-first-difference\" data-offset=\"")
            .text(&difference.offset.to_string())
            .raw("\"><dt>")
            .text(AT_BYTE.get(lang))
            .raw("</dt><dd><code>")
            .text(&difference.offset.to_string())
            .raw("</code></dd><dt>")
            .text(SERVER.get(lang))
            .raw("</dt><dd>");
        excerpt(&mut h, server_rest);
        h.raw("</dd><dt>").text(YOURS.get(lang)).raw("</dt><dd>");
        excerpt(&mut h, mine_rest);
        h.raw("</dd></dl>");
    }
    h.raw("<h3>").text(SEES.get(lang)).raw("</h3>");
    if diagnosis.server_sees.is_empty() {
        h.raw("<p class=\"hint\">")
            .text(NOTHING_SEEN.get(lang))
            .raw("</p>");
    } else {
        h.raw("<table class=\"table\" data-testid=\"doctor-server-sees\"><thead><tr>");
        for title in [&NAME, &VALUE, &KIND] {
            h.raw("<th scope=\"col\">")
                .text(title.get(lang))
                .raw("</th>");
        }
        h.raw("</tr></thead><tbody>");
        for seen in &diagnosis.server_sees {
            h.raw("<tr><td><code>")
                .text(&seen.name)
                .raw("</code></td><td><code class=\"value\">")
                .text(&seen.value)
                .raw("</code></td><td>")
                .text(kind_name(seen.kind))
                .raw("</td></tr>");
        }
        h.raw("</tbody></table>");
    }
    for (source, title) in [(Source::Capture, &FINDINGS), (Source::Validation, &NEXT)] {
        let mut findings = diagnosis
            .findings
            .iter()
            .filter(|finding| finding.source == source)
            .peekable();
        if findings.peek().is_none() {
            continue;
        }
        h.raw("<h3>")
            .text(title.get(lang))
            .raw("</h3><ul class=\"doctor-list\">");
        for finding in findings {
            h.raw("<li data-testid=\"doctor-finding\" data-id=\"")
                .text(&finding.id)
                .raw("\">");
            if let Some(code) = finding.server_code {
                h.raw("<code class=\"code-badge\">")
                    .text(code)
                    .raw("</code> ");
            }
            if let Some(field) = &finding.field {
                h.raw("<code>").text(field).raw("</code> ");
            }
            h.text(finding.message.get(lang)).raw("</li>");
        }
        h.raw("</ul>");
    }
    h.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        let mut out = String::new();
        escape(&mut out, "<img src=x onerror='a'>&\"");
        assert_eq!(out, "&lt;img src=x onerror=&#39;a&#39;&gt;&amp;&quot;");
    }

    #[test]
    fn excerpts_split_at_the_first_different_character() {
        assert_eq!(
            split_at_difference("appKey1secretK", "appKey1Secret"),
            ("appKey1", "secretK", "Secret")
        );
        assert_eq!(split_at_difference("abc", "abcd"), ("abc", "", "d"));
        assert_eq!(split_at_difference("abc", "abc"), ("abc", "", ""));
        // Multi-byte characters stay whole: 王 and 玉 share their first byte.
        assert_eq!(split_at_difference("x王y", "x玉y"), ("x", "王y", "玉y"));
        assert_eq!(split_at_difference("", "a"), ("", "", "a"));
    }
}
