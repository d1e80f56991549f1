//! The module's JS edge (wasm-bindgen, `--target web`), run in a Web Worker by the app
//! (`web/src/worker.rs`): one JSON question in, one JSON answer out. Nothing runs at load.

use wasm_bindgen::prelude::wasm_bindgen;

/// Answers a [`Question`](signkit_web_doctor::Question) given as JSON (see
/// [`signkit_web_doctor::handle`]).
#[wasm_bindgen]
pub fn handle(question: &str) -> String {
    signkit_web_doctor::handle(question)
}

fn main() {}
