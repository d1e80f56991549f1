//! The app's own chrome in English and Chinese: labels, buttons, hints.
//!
//! Everything about the vendors — parameter labels and help, rule messages, reply meanings
//! and remedies — comes from the core's [`Bilingual`] texts; nothing here repeats a rule.
//! Each entry is a `static` so `ENTRY.get(lang)` is a `&'static str` a view can hold.

use signkit::{Bilingual, Lang};

macro_rules! texts {
    ($($(#[$doc:meta])* $name:ident = $en:literal, $zh:literal;)*) => {
        $($(#[$doc])* pub static $name: Bilingual = Bilingual::new($en, $zh);)*
    };
}

texts! {
    TAGLINE = "Sign, check and send DaoKe and YTX requests", "签名、校验并发送道客与云讯请求";
    LANGUAGE = "Language", "语言";
    ENDPOINTS = "Endpoints", "接口";
    VENDOR_DAOKE = "DaoKe 语镜", "道客 语镜";
    VENDOR_YTX = "YTX 云讯", "云讯 YTX";
    LOAD_EXAMPLE = "Load the seed example", "载入文档示例";
    LOAD_EXAMPLE_HINT = "Fills the form with the vendor document's own sample request.", "用厂商文档自带的示例请求填写表单。";
    CLEAR_FORM = "Clear form", "清空表单";
    ENCODING = "Body encoding", "请求体编码";

    CREDENTIALS = "Credentials", "凭据";
    CREDENTIALS_HINT = "Kept in memory only; they leave this tab only inside the signature.", "只保存在内存中；除签名外不会离开此标签页。";
    SECRET_LABEL = "App secret", "应用密钥 secret";
    SECRET_HELP = "Signs every request together with the parameters; it is never sent.", "与参数一起为每个请求签名；从不发送。";
    USE_DEMO = "Use DEMO credentials", "使用演示（DEMO）凭据";
    USE_DEMO_HINT = "Public DEMO values of the sandbox fixtures — they work only against a sandbox.", "沙箱夹具中公开的演示值——只能用于沙箱。";
    DEMO_BADGE = "DEMO values in use", "正在使用演示值";
    REVEAL = "Show", "显示";
    HIDE = "Hide", "隐藏";
    REMEMBER = "Remember in this tab (sessionStorage)", "在此标签页中记住（sessionStorage）";
    REMEMBER_HINT = "Cleared when the tab closes; never written to localStorage.", "关闭标签页即清除；从不写入 localStorage。";
    YTX_ENV = "YTX platform", "云讯平台";
    ENV_SANDBOX = "Sandbox (sandbox.ytx.net)", "沙箱（sandbox.ytx.net）";
    ENV_PRODUCTION = "Production (api.ytx.net)", "正式（api.ytx.net）";

    PARAMETERS = "Parameters", "参数";
    REQUIRED = "required", "必填";
    SEED_REQUIRED = "required by the document", "文档要求";
    OPTIONAL = "optional", "可选";
    BUILDER_DEFAULT = "filled in by the builder", "由构建器填写";
    SEND_PARAM = "send", "发送";
    SET_PARAM = "set", "指定";
    NOT_SENT = "Not sent.", "不发送。";
    STATUS_OK = "OK", "正常";
    STATUS_WARN = "Warning", "警告";
    STATUS_ERROR = "Error", "错误";
    SERVER_CODE = "server code", "服务器错误码";
    ABOUT = "About this parameter", "参数说明";
    ADD = "Add", "添加";
    REMOVE = "Remove", "删除";
    TAGS_ADD_PLACEHOLDER = "New tag, then Enter", "输入标签后按回车";
    IDS_ADD_PLACEHOLDER = "Account ID, then Enter", "输入账户编号后按回车";
    PARTY_NAME = "Name", "姓名";
    PARTY_PHONE = "Phone (landline: number,extension)", "电话（座机：号码,分机号）";
    ADD_PARTY = "Add a participant", "添加参会人";
    PARTIES_UNREADABLE = "The text is not a list of {name, phone} yet, so the table cannot show it; fix the text or start a new table.", "文本还不是 {name, phone} 列表，表格无法显示；请修改文本，或新建表格。";
    NEW_TABLE = "Start a new table", "新建表格";
    TIMESTAMP_NOW = "Now", "当前时间";
    TIMESTAMP_USE_NOW = "Use the current time", "使用当前时间";

    INSPECTOR = "Inspector", "请求检视";
    SORTED_KEYS = "Sorted keys", "排序后的键";
    STRING_TO_SIGN = "String to sign (secret redacted)", "待签名字符串（密钥已隐去）";
    SIGN = "Sign", "签名";
    AUTHORIZATION = "Authorization", "Authorization 头";
    BODY = "Body", "请求体";
    RAW_REQUEST = "Raw HTTP request", "原始 HTTP 请求";
    CURL = "curl", "curl 命令";
    COPY = "Copy", "复制";
    COPIED = "Copied", "已复制";
    COPY_FAILED = "Copy failed: select the text and copy it by hand", "复制失败：请手动选择文本复制";
    COPY_CURL = "Copy as curl", "复制为 curl";
    NO_REQUEST = "No request can be built yet.", "暂时无法构建请求。";
    HOST_NOTE = "Host and Content-Length are set by the browser; they are shown as the vendor host would see them.", "Host 与 Content-Length 由浏览器设置；此处按厂商主机所见显示。";

    TARGET = "Send to", "发送目标";
    TARGET_BROWSER = "In-browser sandbox (no setup)", "浏览器内沙箱（无需配置）";
    TARGET_HTTP_SANDBOX = "HTTP sandbox via proxy (./dev sandbox)", "经代理的 HTTP 沙箱（./dev sandbox）";
    TARGET_VENDOR = "Real vendor via proxy", "经代理的真实厂商接口";
    TARGET_CUSTOM = "Custom base URL", "自定义基础 URL";
    CUSTOM_BASE = "Base URL", "基础 URL";
    SEND = "Send", "发送";
    SENDING = "Sending…", "发送中…";
    CANCEL = "Cancel", "取消";
    SEND_READY = "Ready: the request shown in the inspector is sent byte for byte.", "就绪：将逐字节发送检视器中显示的请求。";
    SEND_BLOCKED = "Send is disabled until these are fixed:", "以下问题解决前无法发送：";
    MISSING_SECRET = "Enter the app secret in the credentials panel (or use the DEMO credentials): without it the sign cannot match.", "请在凭据面板填写应用密钥（或使用演示凭据）：否则签名无法匹配。";
    CUSTOM_URL_INVALID = "Enter a base URL starting with http:// or https://, e.g. http://127.0.0.1:8787.", "请填写以 http:// 或 https:// 开头的基础 URL，例如 http://127.0.0.1:8787。";
    PARTIES_NOT_BUILT = "The participants are not a list of {name, phone}, so no request can be built.", "参会人不是 {name, phone} 列表，无法构建请求。";
    TIMEOUT_NOTE = "Times out after 20 s.", "20 秒后超时。";
    RESET_SANDBOX = "Reset sandbox", "重置沙箱";
    RESET_DONE = "Sandbox reset to the demo fixtures.", "沙箱已重置为演示夹具。";
    RESET_FAILED = "Could not reset the HTTP sandbox: is ./dev sandbox running behind ./dev serve?", "无法重置 HTTP 沙箱：是否已在 ./dev serve 后运行 ./dev sandbox？";
    DEMO_TO_VENDOR = "These are the public DEMO credentials: the real vendor will reject them. Enter your own, or send to a sandbox.", "这些是公开的演示凭据：真实厂商会拒绝。请填写你自己的凭据，或发送到沙箱。";
    PROXY_NOTE = "Proxy targets need the dev server (./dev serve), which forwards /proxy/… to the host.", "代理目标需要开发服务器（./dev serve），它会把 /proxy/… 转发到目标主机。";

    REPLY = "Reply", "回复";
    NO_REPLY = "Nothing sent from this page yet.", "此页尚未发送请求。";
    SUCCESS = "Success", "成功";
    FAILURE = "Failed", "失败";
    UNRECOGNISED = "Not a vendor reply", "不是厂商回复";
    NEW_GROUP_ID = "New group ID", "新集团编号";
    INVITATIONS_SENT = "Invitations sent", "已发送邀请数";
    REQUEST_ID = "Request ID", "请求编号 requestId";
    APPLICANT = "Applicant", "申请人";
    STATUS = "Status", "状态";
    MEANING = "Meaning", "含义";
    REMEDY = "What to do", "解决办法";
    SERVER_TEXT = "Server text", "服务器文本";
    BLAMED_FIELD = "Parameter", "参数";
    GO_TO_FIELD = "Go to field", "转到该字段";
    RAW_REPLY = "Raw reply", "原始回复";
    HTTP_STATUS = "HTTP status", "HTTP 状态";
    CANCELLED = "Cancelled.", "已取消。";
    OUTBOUND = "What the real server would have sent onwards", "真实服务器会继续发出的请求";
    OUTBOUND_HINT = "Recorded by the sandbox, never sent (spec §10.5).", "由沙箱记录，从不真正发送（规范 §10.5）。";
    OUTBOUND_NONE = "Nothing: this request triggered no outbound call.", "无：此请求没有触发外发调用。";
    OUTBOUND_UNKNOWN = "The HTTP sandbox's record of outbound calls could not be read.", "无法读取 HTTP 沙箱的外发记录。";
    VERIFY_CALLBACK = "Verify callback", "审核回调";
    WEIBO_SEND = "Invitation message", "邀请消息";
    NOT_CONNECTED = "not sent: no host:port in the URL", "未发送：URL 中没有 host:port";
    DELIVERED = "delivered", "已送达";
    NOT_DELIVERED = "failed", "失败";

    HISTORY = "History (this session)", "历史记录（本次会话）";
    HISTORY_EMPTY = "No requests yet.", "尚无请求。";
}

/// A short name for who disagrees with a value (the finding classes of spec §3.1).
pub fn finding_class(lang: Lang, class: signkit::rules::FindingClass) -> &'static str {
    use signkit::rules::FindingClass;
    match (lang, class) {
        (Lang::En, FindingClass::Both) => "server and document reject it",
        (Lang::Zh, FindingClass::Both) => "服务器与文档都不接受",
        (Lang::En, FindingClass::Request) => "request shape",
        (Lang::Zh, FindingClass::Request) => "请求结构",
        (Lang::En, FindingClass::ServerOnly) => "the server rejects it",
        (Lang::Zh, FindingClass::ServerOnly) => "服务器拒绝",
        (Lang::En, FindingClass::SeedOnly) => "outside the document",
        (Lang::Zh, FindingClass::SeedOnly) => "超出文档范围",
        (Lang::En, FindingClass::Advisory) => "advice",
        (Lang::Zh, FindingClass::Advisory) => "建议",
        (Lang::En, FindingClass::Seed) => "the document rejects it",
        (Lang::Zh, FindingClass::Seed) => "文档不允许",
        // A class added to signkit after this app was written.
        (Lang::En, _) => "other",
        (Lang::Zh, _) => "其他",
    }
}

/// The ERROR count line under the Send button, e.g. "2 errors".
pub fn error_count(lang: Lang, count: usize) -> String {
    match (lang, count) {
        (Lang::En, 1) => String::from("1 problem"),
        (Lang::En, n) => format!("{n} problems"),
        (Lang::Zh, n) => format!("{n} 个问题"),
    }
}

/// What an unsent parameter means: the server's or the builder's default applies.
pub fn not_sent_default(lang: Lang, default: Option<&str>) -> String {
    match (lang, default) {
        (Lang::En, Some(value)) => format!("Not sent: the default {value} applies."),
        (Lang::Zh, Some(value)) => format!("不发送：使用默认值 {value}。"),
        (lang, None) => String::from(NOT_SENT.get(lang)),
    }
}

/// What an unset builder-filled parameter means (YTX `version`, `timestamp`, `action`).
pub fn builder_fills(lang: Lang, default: Option<&str>) -> String {
    match (lang, default) {
        (Lang::En, Some(value)) => format!("Not set: the builder sends {value}."),
        (Lang::Zh, Some(value)) => format!("未指定：构建器发送 {value}。"),
        (Lang::En, None) => String::from("Not set: the builder fills it in."),
        (Lang::Zh, None) => String::from("未指定：由构建器填写。"),
    }
}

/// The plain-words explanation of a request that got no HTTP answer (spec §2.3).
pub fn network_failure(lang: Lang, url: &str, detail: &str) -> String {
    match lang {
        Lang::En => format!(
            "The browser got no answer from {url} ({detail}). Usually the server does not allow \
             requests from this page (the vendors send no CORS headers), is not running, or the \
             address is wrong. Fix: pick a target that goes through the same-origin proxy \
             (run ./dev serve; for the HTTP sandbox also ./dev sandbox), or use “Copy as curl” \
             and send it from a terminal, where CORS does not apply."
        ),
        Lang::Zh => format!(
            "浏览器没有从 {url} 得到回复（{detail}）。通常是服务器不允许本页面跨域请求（厂商接口不发送 \
             CORS 头）、服务器未运行，或地址有误。解决办法：选择经同源代理的目标（运行 ./dev serve；\
             HTTP 沙箱还需运行 ./dev sandbox），或使用“复制为 curl”在终端中发送（终端不受 CORS 限制）。"
        ),
    }
}

/// A request that was aborted after the timeout.
pub fn timed_out(lang: Lang, url: &str, seconds: u32) -> String {
    match lang {
        Lang::En => format!(
            "No answer from {url} within {seconds} s, so the request was abandoned. Check that \
             the host is reachable from this network, or copy the request as curl."
        ),
        Lang::Zh => format!(
            "{seconds} 秒内没有收到 {url} 的回复，请求已放弃。请检查当前网络能否访问该主机，或复制为 curl 发送。"
        ),
    }
}

/// A proxy path answered 404 with something that is not a vendor reply: no dev proxy here.
pub fn proxy_missing(lang: Lang, url: &str) -> String {
    match lang {
        Lang::En => format!(
            "{url} answered 404 with a page that is not a vendor reply: this server has no \
             proxy for it. Serve the app with ./dev serve (it proxies /proxy/…), or choose the \
             in-browser sandbox."
        ),
        Lang::Zh => format!(
            "{url} 返回 404，且内容不是厂商回复：当前服务器没有对应的代理。请用 ./dev serve 运行本应用\
             （它会代理 /proxy/…），或选择浏览器内沙箱。"
        ),
    }
}

/// The dev server's proxy answered 5xx with no vendor reply: its backend is down or
/// unreachable. The HTTP sandbox has a one-command fix; the vendor hosts need a network.
pub fn proxy_backend_down(lang: Lang, url: &str) -> String {
    let sandbox = url.starts_with("/proxy/sandbox/");
    match (lang, sandbox) {
        (Lang::En, true) => format!(
            "{url}: the dev server could not reach the HTTP sandbox. Start it in another \
             terminal with ./dev sandbox (it listens on 127.0.0.1:8787), then send again — or \
             choose the in-browser sandbox."
        ),
        (Lang::En, false) => format!(
            "{url}: the dev server could not reach the vendor host (no route from this \
             machine, or the host is down). Check the network, or use “Copy as curl” from a \
             machine that can reach it — or choose a sandbox target."
        ),
        (Lang::Zh, true) => format!(
            "{url}：开发服务器无法连接 HTTP 沙箱。请在另一个终端运行 ./dev sandbox\
             （监听 127.0.0.1:8787）后重新发送，或选择浏览器内沙箱。"
        ),
        (Lang::Zh, false) => format!(
            "{url}：开发服务器无法连接厂商服务器（本机无法访问或对方不可用）。请检查网络，\
             或在能访问的机器上使用“复制为 curl”，或选择沙箱目标。"
        ),
    }
}

/// The in-browser sandbox could not keep its state.
pub fn storage_failure(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "The in-browser sandbox could not save its state in localStorage (storage full or disabled); the reply is real, but the next request starts from the previous state.",
        Lang::Zh => "浏览器内沙箱无法把状态保存到 localStorage（存储已满或被禁用）；本次回复有效，但下一个请求将从之前的状态开始。",
    }
}

/// The in-browser sandbox module did not load (or answered something unreadable).
pub fn sandbox_unavailable(lang: Lang, detail: &str) -> String {
    match lang {
        Lang::En => format!("The in-browser sandbox could not be loaded ({detail}). Reload the page; if it persists, choose the HTTP sandbox as the target (./dev sandbox)."),
        Lang::Zh => format!("无法加载浏览器内沙箱（{detail}）。请刷新页面；如果仍然失败，请选择 HTTP 沙箱作为目标（./dev sandbox）。"),
    }
}

/// `text` in the current language, as a reactive child or attribute value: the one way a
/// component shows a bilingual text (`{tr(lang, &i18n::SEND)}`), instead of a closure each.
pub fn tr(
    lang: leptos::prelude::RwSignal<Lang>,
    text: &'static Bilingual,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    use leptos::prelude::Get;
    move || text.get(lang.get())
}
