//! The JavaScript API (wasm-bindgen exports): a thin layer over the pure core.
