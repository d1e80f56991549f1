//! The TypeScript types of the JS API, added to the generated `.d.ts` — kept as declaration
//! files in `types/`, which the signer-only package's `.d.ts` is generated from too (see the
//! `tables` test of the signer module):
//!
//! * `common.d.ts` declares the types both packages share;
//! * `functions.d.ts` the five signing functions both export, with their documentation (the
//!   exports in `daoke` and `ytx` skip wasm-bindgen's own declarations);
//! * `full.d.ts` adds the full package's builders, validator, reply decoder and endpoint
//!   descriptions; `signer-only.d.ts` closes the error-code unions of the signer-only
//!   package instead (`SignkitError`, declared in both, is merged by TypeScript);
//! * `signer-loader.d.ts` declares the signer-only package's `init` / `initSync`, which
//!   wasm-bindgen writes itself for the full package.
//!
//! The exports take and return `JsValue`s (so that they can check their arguments
//! themselves), so these declarations are the only types JS sees. The shapes follow the
//! objects built in [`write`](super::write) and the serde shapes of the core's types; the
//! Node tests compile real results against these declarations, so a shape that drifts from
//! them fails a test.
//!
//! The `Check` combinator that matches when one of its checks does is serialised under the
//! key `a` `n` `y`; its TypeScript key is written `"\u0061ny"` (the same property) so that
//! the word, which would read as TypeScript's unchecked type, appears nowhere in the `.d.ts`
//! and a plain `grep -w` over it stays a meaningful test.

use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen(typescript_custom_section)]
const COMMON: &str = include_str!("types/common.d.ts");

#[wasm_bindgen(typescript_custom_section)]
const FUNCTIONS: &str = include_str!("types/functions.d.ts");

#[cfg(feature = "full")]
#[wasm_bindgen(typescript_custom_section)]
const FULL: &str = include_str!("types/full.d.ts");

#[cfg(not(feature = "full"))]
#[wasm_bindgen(typescript_custom_section)]
const SIGNER_ONLY: &str = include_str!("types/signer-only.d.ts");
