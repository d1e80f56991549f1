//! The module's JS edge (wasm-bindgen, `--target web`): JSON in, JSON out. The app imports
//! it on first use (`web/src/send.rs`); nothing runs at load.

use wasm_bindgen::prelude::wasm_bindgen;

/// Answers a [`Question`](signkit_web_sandbox::Question) given as JSON; the
/// [`Answer`](signkit_web_sandbox::Answer) as JSON, or an `{"error": …}` object when the
/// question does not parse.
#[wasm_bindgen]
pub fn handle(question: &str) -> String {
    match serde_json::from_str(question) {
        Ok(question) => serde_json::to_string(&signkit_web_sandbox::answer(&question))
            .unwrap_or_else(|error| error_json(&error.to_string())),
        Err(error) => error_json(&error.to_string()),
    }
}

/// The fixtures' DEMO credentials ([`DemoValues`](signkit_web_sandbox::DemoValues)) as JSON.
#[wasm_bindgen]
pub fn demo() -> String {
    serde_json::to_string(&signkit_web_sandbox::demo_values())
        .unwrap_or_else(|error| error_json(&error.to_string()))
}

fn error_json(message: &str) -> String {
    serde_json::json!({ "error": message }).to_string()
}

fn main() {}
