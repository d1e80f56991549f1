//! The mistakes the doctor can name (spec/doctor.md D3–D5): one id each, in catalogue order,
//! with a bilingual message that says what the caller's code did and what to change.

use crate::text::Bilingual;

/// Defines [`MistakeId`] with its spec id and message, in catalogue order.
macro_rules! mistakes {
    ($($(#[$doc:meta])* $variant:ident = $id:literal, $en:literal, $zh:literal;)*) => {
        /// A mistake of the catalogues D4 (daoke) and D5 (YTX), the suspects, and
        /// `unknown-mistake`, in the order the doctor lists them.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum MistakeId {
            $($(#[$doc])* $variant,)*
        }

        impl MistakeId {
            /// Every id, in catalogue order.
            pub const ALL: &'static [MistakeId] = &[$(MistakeId::$variant,)*];

            /// The id as the spec spells it, e.g. `secret-appended`.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(MistakeId::$variant => $id,)*
                }
            }

            /// What the caller's code did and what to change, in English and Chinese.
            pub const fn message(self) -> Bilingual {
                match self {
                    $(MistakeId::$variant => Bilingual::new($en, $zh),)*
                }
            }
        }
    };
}

mistakes! {
    // ---- D4: daoke, confirmed by reproducing the received sign ----
    /// The secret was left out.
    SecretMissing = "secret-missing",
        "Your code signed the parameters without the app secret. Add the pair secret=<your app secret> to the parameters before sorting, then sort, concatenate key+value and hash.",
        "你的代码签名时没有加入 app secret。请在排序之前把 secret=<你的 app secret> 加入参数，再排序、拼接 key+value 并计算哈希。";
    /// `secret`+K appended after sorting.
    SecretAppended = "secret-appended",
        "Your code appended \"secret\" + secret after sorting the other parameters. The secret is an ordinary pair that is sorted in with the rest: add it to the map first, then sort by key bytes.",
        "你的代码在排序之后才把 \"secret\" + secret 追加到末尾。secret 是普通的一对参数，应与其他参数一起排序：先加入参数表，再按键的字节序排序。";
    /// K appended with no key.
    SecretBare = "secret-bare",
        "Your code appended the secret's value alone (without the key \"secret\") to the string. Sign the pair secret=<app secret>, sorted in with the other keys: …key value secret <app secret> …",
        "你的代码只在字符串末尾追加了 secret 的值（没有键名 \"secret\"）。应把 secret=<app secret> 作为一对参数与其他键一起排序后拼接。";
    /// K put in front.
    SecretPrefixed = "secret-prefixed",
        "Your code put the secret's value in front of the string. The server adds the pair secret=<app secret> and sorts it in with the other keys; do the same instead of prefixing.",
        "你的代码把 secret 的值放在了字符串开头。服务器把 secret=<app secret> 作为一对参数与其他键一起排序；请照此处理，不要前置。";
    /// Kept the request's order.
    Unsorted = "unsorted",
        "Your code concatenated the parameters in the order it sent them. Sort the keys (secret included) by their UTF-8 bytes first; e.g. JS: keys.sort() (not localeCompare), Java: TreeMap, PHP: ksort($p, SORT_STRING).",
        "你的代码按发送顺序拼接参数。请先把所有键（包括 secret）按 UTF-8 字节序排序；例如 JS: keys.sort()（不要用 localeCompare），Java: TreeMap，PHP: ksort($p, SORT_STRING)。";
    /// Sorted ignoring ASCII case.
    CaseInsensitiveOrder = "case-insensitive-order",
        "Your code sorted the keys ignoring upper/lower case. The server sorts by bytes, where every upper-case letter comes before every lower-case one: sort by bytes, not localeCompare / String.CASE_INSENSITIVE_ORDER / strcasecmp.",
        "你的代码排序时忽略了大小写。服务器按字节排序，所有大写字母都排在小写字母之前：请按字节排序，不要用 localeCompare / String.CASE_INSENSITIVE_ORDER / strcasecmp。";
    /// Hashed `k=v&k=v`.
    QueryStringFormat = "query-string-format",
        "Your code hashed a query string (k=v&k=v). The server hashes key and value concatenated with no separators at all: accountID123appKey456…secret…",
        "你的代码对查询串（k=v&k=v）做了哈希。服务器把键和值直接相连、没有任何分隔符：accountID123appKey456…secret…";
    /// Signed percent-encoded values.
    EncodedValues = "encoded-values",
        "Your code signed the values as they appear on the wire, percent-encoded. Sign the raw values (before URL-encoding), then encode them for the body.",
        "你的代码对 URL 编码后的值签名。请对原始值签名（编码之前），签完再为请求体做 URL 编码。";
    /// Kept an empty `sign` in the signed map.
    SignIncluded = "sign-included",
        "Your code included an empty \"sign\" entry in the signed parameters. Remove sign from the map before computing the string to sign.",
        "你的代码把空的 \"sign\" 项也算进了签名。计算待签名字符串之前请先从参数表中删除 sign。";
    /// Skipped empty values.
    EmptyOmitted = "empty-omitted",
        "Your code skipped parameters with empty values, but the server signs every parameter it receives: an empty value contributes its key. Either sign the key with an empty value or do not send the parameter.",
        "你的代码跳过了空值参数，但服务器会对收到的每个参数签名：空值参数贡献它的键名。要么把该键（空值）也签进去，要么不要发送它。";
    /// Signed CRLF, the server read LF.
    CrlfKept = "crlf-kept",
        "Your code signed a value containing CRLF line breaks; the server's form decoder turns CRLF into LF before signing. Replace \\r\\n with \\n in values before signing and sending.",
        "你的代码签名的值含有 CRLF 换行；服务器的表单解码器在签名前把 CRLF 变成 LF。签名和发送之前请把值中的 \\r\\n 替换成 \\n。";
    /// Signed a literal `+` sent unencoded.
    PlusKept = "plus-kept",
        "Your code signed a literal \"+\" but sent it unencoded, so the server decoded it as a space. Percent-encode \"+\" as %2B in the body (e.g. encodeURIComponent, not a hand-made encoder).",
        "你的代码签名时是 \"+\"，但发送时没有编码，服务器把它解码成了空格。请在请求体中把 \"+\" 编码为 %2B（例如使用 encodeURIComponent，不要手写编码）。";
    /// Percent-encoded twice.
    DoubleEncoded = "double-encoded",
        "Your code percent-encoded the values twice (e.g. %253A); the server decodes once and signs what remains. Encode exactly once.",
        "你的代码对值做了两次 URL 编码（例如 %253A）；服务器只解码一次并对剩下的内容签名。请只编码一次。";
    /// Trimmed values before signing.
    Trimmed = "trimmed",
        "Your code trimmed spaces or line breaks from values before signing but sent them untrimmed. Sign exactly the values you send (or trim before both).",
        "你的代码签名前去掉了值首尾的空格或换行，但发送的是未去除的值。请对实际发送的值签名（或者两处都去除）。";
    /// Signed the first of a repeated name.
    FirstDuplicate = "first-duplicate",
        "A parameter is sent twice and your code signed the first value; the server keeps the last one. Send each name once.",
        "有参数被发送了两次，你的代码对第一个值签名，而服务器保留的是最后一个。每个参数名只发送一次。";
    /// Signed the URL's query parameters.
    QueryParamsSigned = "query-params-signed",
        "Your code signed parameters that it sent in the URL's query string; the server reads the body only. Move them into the body, or leave them out of the signature.",
        "你的代码对放在 URL 查询串中的参数签了名；服务器只读取请求体。请把它们放进请求体，或者不要把它们计入签名。";
    /// Signed the file part's field.
    FilePartSigned = "file-part-signed",
        "Your code signed the file part (its field with the file name as value). File parts are not signed: sign the text fields only.",
        "你的代码把文件部分（字段名=文件名）也签了名。文件部分不参与签名：只对文本字段签名。";
    /// Hashed GBK bytes.
    GbkBytes = "gbk-bytes",
        "Your code hashed the GBK bytes of Chinese text. Hash the UTF-8 bytes (e.g. PHP: keep strings UTF-8, Java: getBytes(StandardCharsets.UTF_8)).",
        "你的代码对中文文本的 GBK 字节做了哈希。请对 UTF-8 字节计算哈希（例如 Java: getBytes(StandardCharsets.UTF_8)，PHP 保持 UTF-8 字符串）。";
    /// Lower-case hex.
    LowercaseHex = "lowercase-hex",
        "Your code wrote the SHA-1 in lower-case hex. The server compares with upper-case hex: upper-case the digest (e.g. .toUpperCase()).",
        "你的代码输出的是小写十六进制 SHA-1。服务器与大写十六进制比较：请把摘要转成大写（例如 .toUpperCase()）。";
    /// Used MD5.
    Md5Instead = "md5-instead",
        "Your code hashed the (correct) string with MD5. daoke signs with SHA-1, written as 40 upper-case hex digits.",
        "你的代码用 MD5 对（正确的）字符串做了哈希。daoke 使用 SHA-1，结果为 40 位大写十六进制。";
    /// Used HMAC-SHA1.
    HmacInstead = "hmac-instead",
        "Your code computed HMAC-SHA1 keyed with the secret. daoke uses plain SHA-1 over the sorted pairs with secret=<app secret> sorted in, not an HMAC.",
        "你的代码用 secret 作为密钥计算了 HMAC-SHA1。daoke 使用普通 SHA-1：把 secret=<app secret> 与其他参数一起排序拼接后计算，而不是 HMAC。";
    // ---- D4: suspects ----
    /// No `sign` received.
    NoSign = "no-sign",
        "The server sees no sign parameter. Send sign=<40 upper-case hex digits> in the body.",
        "服务器没有看到 sign 参数。请在请求体中发送 sign=<40 位大写十六进制>。";
    /// `sign` is not 40 hex digits.
    SignFormat = "sign-format",
        "The sign the server sees is not 40 hex digits (a SHA-1). Check the hash function and that the value is not cut or wrapped.",
        "服务器看到的 sign 不是 40 位十六进制（SHA-1）。请检查哈希算法，以及该值是否被截断或改写。";
    /// `sign` has lower-case hex.
    SignLowercase = "sign-lowercase",
        "The sign is written in lower-case hex; the server compares with upper-case hex exactly.",
        "sign 是小写十六进制；服务器按大写十六进制精确比较。";
    /// Content-Type and body disagree about multipart.
    ContentTypeMismatch = "content-type-mismatch",
        "The Content-Type header and the body disagree: a multipart body needs Content-Type: multipart/form-data; boundary=<the boundary of its first line>, and a form body must not declare a boundary.",
        "Content-Type 头与请求体不一致：multipart 请求体需要 Content-Type: multipart/form-data; boundary=<首行的分隔符>，表单请求体不能声明 boundary。";
    /// Parameters in the query string.
    ParamsInQuery = "params-in-query",
        "The URL has parameters in its query string; the server reads the body only. Send every parameter in the body.",
        "URL 的查询串中带有参数；服务器只读取请求体。请把所有参数放在请求体中。";
    /// An unencoded `+` in a form value.
    PlusInValue = "plus-in-value",
        "A form value contains an unencoded \"+\", which the server reads as a space. If you meant \"+\", send %2B.",
        "有表单值包含未编码的 \"+\"，服务器会把它读成空格。如果要发送 \"+\"，请写成 %2B。";
    /// A repeated name.
    DuplicateName = "duplicate-name",
        "A parameter name occurs more than once; the server keeps only one value (the last, or a table for applyMicroChannel). Send each name once.",
        "有参数名出现了多次；服务器只保留一个值（最后一个；applyMicroChannel 会变成表）。每个参数名只发送一次。";
    /// `%0D%0A` in a form value.
    CrlfInValue = "crlf-in-value",
        "A form value contains %0D%0A (CRLF); the server turns it into LF before signing. Sign and send LF (\\n) only.",
        "有表单值包含 %0D%0A（CRLF）；服务器在签名前会把它变成 LF。签名和发送都只用 LF（\\n）。";
    // ---- D5: YTX checks of §10.8 ----
    /// No `Sign` in the query.
    YtxNoSign = "ytx-no-sign",
        "The URL has no Sign=<MD5> query parameter. Append ?Sign=MD5(accountSID + authToken + timestamp) to the URL.",
        "URL 中没有 Sign=<MD5> 查询参数。请在 URL 后加上 ?Sign=MD5(accountSID + authToken + timestamp)。";
    /// Authorization not readable.
    YtxAuthorizationUnreadable = "ytx-authorization-unreadable",
        "The Authorization header is not standard Base64 (with = padding) of accountSID|timestamp. Send Authorization: base64(accountSID + \"|\" + timestamp).",
        "Authorization 头不是 accountSID|timestamp 的标准 Base64（带 = 填充）。请发送 Authorization: base64(accountSID + \"|\" + timestamp)。";
    /// Authorization names another account.
    YtxAuthorizationSid = "ytx-authorization-sid",
        "The accountSID inside Authorization differs from the one in the URL path. Use the same accountSID in both.",
        "Authorization 中的 accountSID 与 URL 路径中的不同。两处请使用同一个 accountSID。";
    /// Timestamp not `yyyyMMddHHmmss`.
    YtxTimestampFormat = "ytx-timestamp-format",
        "The timestamp in Authorization is not a valid yyyyMMddHHmmss date and time (14 digits). Format the current time in UTC+8 as yyyyMMddHHmmss.",
        "Authorization 中的时间戳不是有效的 yyyyMMddHHmmss（14 位数字）。请把 UTC+8 的当前时间格式化为 yyyyMMddHHmmss。";
    /// Timestamp outside the window.
    YtxTimestampWindow = "ytx-timestamp-window",
        "The timestamp is more than 24 hours away from now. Use the current time (UTC+8) for every request.",
        "时间戳与当前时间相差超过 24 小时。每次请求请使用当前时间（UTC+8）。";
    // ---- D5: YTX mistakes ----
    /// `:` or no separator.
    YtxAuthorizationSeparator = "ytx-authorization-separator",
        "Your code joined accountSID and timestamp with \":\" (as the vendor's sample) or nothing. Join them with \"|\": base64(accountSID + \"|\" + timestamp).",
        "你的代码用 \":\"（与厂商示例相同）或不加分隔符连接 accountSID 和时间戳。请用 \"|\" 连接：base64(accountSID + \"|\" + timestamp)。";
    /// URL-safe or unpadded Base64.
    YtxAuthorizationEncoding = "ytx-authorization-encoding",
        "Your code used URL-safe or unpadded Base64 for Authorization. Use standard Base64 with = padding (e.g. btoa, Base64.getEncoder()).",
        "你的代码对 Authorization 使用了 URL 安全或无填充的 Base64。请使用带 = 填充的标准 Base64（例如 btoa、Base64.getEncoder()）。";
    /// Timestamp in UTC.
    YtxTimestampUtc = "ytx-timestamp-utc",
        "The timestamp is 8 hours behind: your code formatted the time in UTC (or server local time). Format it in UTC+8 (Asia/Shanghai).",
        "时间戳落后 8 小时：你的代码使用了 UTC（或服务器本地时间）。请按 UTC+8（Asia/Shanghai）格式化。";
    /// Another timestamp in Sign.
    YtxTimestampDiffers = "ytx-timestamp-differs",
        "Your code used one timestamp in Sign and another in Authorization (it read the clock twice). Compute the timestamp once and use it in both.",
        "你的代码在 Sign 和 Authorization 中使用了不同的时间戳（读取了两次时钟）。请只计算一次时间戳并在两处使用。";
    /// Another concatenation order.
    YtxOrder = "ytx-order",
        "Your code concatenated accountSID, authToken and timestamp in another order. Sign = MD5(accountSID + authToken + timestamp), in that order.",
        "你的代码以其他顺序拼接了 accountSID、authToken 和时间戳。Sign = MD5(accountSID + authToken + timestamp)，顺序不能变。";
    /// Token left out.
    YtxTokenMissing = "ytx-token-missing",
        "Your code left the auth token out of Sign. Sign = MD5(accountSID + authToken + timestamp).",
        "你的代码计算 Sign 时漏掉了 auth token。Sign = MD5(accountSID + authToken + timestamp)。";
    // ---- neither ----
    /// A mismatch no variant reproduces.
    UnknownMistake = "unknown-mistake",
        "The sign does not match and none of the known mistakes reproduces it: the secret may differ from the one the server has, or the mistake is outside the catalogue. Compare your string to sign with the server's, byte by byte.",
        "签名不匹配，且没有任何已知错误能重现它：密钥可能与服务器上的不同，或者是目录之外的错误。请逐字节比较你的待签名字符串与服务器的。";
}

impl serde::Serialize for MistakeId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// A mistake the doctor lists: its id, whether the received sign was reproduced with it
/// (`confirmed`) or it is only a pattern seen in the request, and its message.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Mistake {
    /// The spec's id.
    pub id: MistakeId,
    /// The received sign was reproduced with this mistake.
    pub confirmed: bool,
    /// What the caller's code did and what to change.
    pub message: Bilingual,
}

impl Mistake {
    /// `id` with its message.
    pub fn new(id: MistakeId, confirmed: bool) -> Mistake {
        Mistake {
            id,
            confirmed,
            message: id.message(),
        }
    }
}

/// Orders a list as D3 says: confirmed first, then suspected, each in catalogue order, and
/// each id once (a confirmed id hides the same id suspected).
pub(crate) fn ordered(mut mistakes: Vec<Mistake>) -> Vec<Mistake> {
    mistakes.sort_by_key(|m| (!m.confirmed, m.id));
    let mut seen = Vec::new();
    mistakes.retain(|m| {
        let fresh = !seen.contains(&m.id);
        seen.push(m.id);
        fresh
    });
    mistakes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_every_message_is_bilingual() {
        let mut ids: Vec<&str> = MistakeId::ALL.iter().map(|id| id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), MistakeId::ALL.len());
        for id in MistakeId::ALL {
            let message = id.message();
            assert!(message.en.len() > 20 && message.zh.len() > 20, "{id:?}");
        }
    }

    #[test]
    fn confirmed_first_then_catalogue_order_each_once() {
        let list = ordered(vec![
            Mistake::new(MistakeId::SignFormat, false),
            Mistake::new(MistakeId::Md5Instead, false),
            Mistake::new(MistakeId::Unsorted, true),
            Mistake::new(MistakeId::Md5Instead, true),
        ]);
        let ids: Vec<_> = list.iter().map(|m| (m.id, m.confirmed)).collect();
        assert_eq!(
            ids,
            [
                (MistakeId::Unsorted, true),
                (MistakeId::Md5Instead, true),
                (MistakeId::SignFormat, false)
            ]
        );
    }
}
