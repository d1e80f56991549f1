//! The request fields of the builders' results (full package), set with `js_sys`.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;

use crate::request::PreparedRequest;

/// Sets `target[key] = value`.
///
/// The targets are objects this module has just created, so `[[Set]]` cannot fail unless
/// the page itself replaced `Object.prototype[key]` by a throwing setter; the outcome is then
/// ignored, as it would be by a plain assignment in sloppy mode.
pub(super) fn set(target: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

/// Sets `target[key]` to a string.
pub(super) fn set_str(target: &Object, key: &str, value: &str) {
    set(target, key, &JsValue::from_str(value));
}

/// An array of `[name, value]` pairs (header lists keep their order, and `fetch` accepts
/// them as they are).
pub(super) fn pairs<'a>(items: impl IntoIterator<Item = (&'a str, &'a str)>) -> JsValue {
    items
        .into_iter()
        .map(|(name, value)| Array::of2(&JsValue::from_str(name), &JsValue::from_str(value)))
        .collect::<Array>()
        .into()
}

/// Sets the parts of a built request every builder returns: `method`, `host`, `path`,
/// `url`, `contentType`, `headers` (without `Host` and `Content-Length`, which `fetch`
/// sets), the raw HTTP/1.1 text (`raw`), and a `curl` command sending the request to
/// `base_url` (default `http://{host}`; `url` is the same target). The caller adds the body,
/// whose JS type differs per vendor.
pub(super) fn set_request(object: &Object, request: &PreparedRequest, base_url: Option<&str>) {
    let default_base_url;
    let base_url = match base_url {
        Some(base_url) => base_url,
        None => {
            default_base_url = request.default_base_url();
            &default_base_url
        }
    };
    set_str(object, "method", &request.method);
    set_str(object, "host", &request.host);
    set_str(object, "path", &request.path);
    set_str(object, "url", &request.url(base_url));
    set_str(
        object,
        "contentType",
        request.content_type().unwrap_or_default(),
    );
    set(
        object,
        "headers",
        &pairs(
            request
                .headers
                .iter()
                .map(|(name, value)| (name.as_str(), value.as_str())),
        ),
    );
    set_str(object, "raw", &request.to_string());
    set_str(object, "curl", &request.to_curl(base_url));
}
