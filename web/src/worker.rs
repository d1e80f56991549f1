//! Second wasm modules run in Web Workers, loaded on first use: the generic plumbing.
//!
//! A module is one Trunk `rel="rust" data-type="worker"` build (`--target web`) that exports
//! `handle(request: string) -> string`. [`call`] spawns its worker once (a module worker that
//! imports `<module>.js`, initialises it and answers each message), posts the request with an
//! id and resolves with the answer of that id. A worker that fails to load rejects every
//! pending call and is spawned again on the next one.

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

#[wasm_bindgen(inline_js = r#"
const workers = new Map();
function spawn(module) {
  const url = new URL(module + '.js', document.baseURI).href;
  const source = `import init, { handle } from ${JSON.stringify(url)};
const ready = init();
onmessage = async (event) => {
  const { id, request } = event.data;
  try { await ready; postMessage({ id, reply: handle(request) }); }
  catch (error) { postMessage({ id, error: String((error && error.message) || error) }); }
};`;
  const blob = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  const entry = { worker: new Worker(blob, { type: 'module' }), next: 0, pending: new Map() };
  entry.worker.onmessage = (event) => {
    const call = entry.pending.get(event.data.id);
    if (!call) return;
    entry.pending.delete(event.data.id);
    if (event.data.error === undefined) call.resolve(event.data.reply);
    else call.reject(new Error(event.data.error));
  };
  entry.worker.onerror = (event) => {
    event.preventDefault();
    const error = new Error(event.message || (module + '.js could not be loaded'));
    for (const call of entry.pending.values()) call.reject(error);
    entry.pending.clear();
    entry.worker.terminate();
    workers.delete(module);
  };
  workers.set(module, entry);
  return entry;
}
export function worker_call(module, request) {
  const entry = workers.get(module) || spawn(module);
  const id = ++entry.next;
  return new Promise((resolve, reject) => {
    entry.pending.set(id, { resolve, reject });
    entry.worker.postMessage({ id, request });
  });
}
"#)]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn worker_call(module: String, request: String) -> Result<JsValue, JsValue>;
}

/// Sends `request` to the worker of `module` (spawning it on first use) and returns its
/// answer, or why there is none, in the browser's words.
pub async fn call(module: &str, request: String) -> Result<String, String> {
    use wasm_bindgen::JsCast;
    match worker_call(module.to_owned(), request).await {
        Ok(answer) => answer
            .as_string()
            .ok_or_else(|| String::from("the worker answered something that is not text")),
        Err(error) => Err(match error.dyn_ref::<js_sys::Error>() {
            Some(error) => String::from(error.message()),
            None => error.as_string().unwrap_or_default(),
        }),
    }
}
