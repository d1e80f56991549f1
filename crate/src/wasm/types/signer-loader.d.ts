/** What `init` accepts: where to fetch the module from, or its bytes, or the compiled module. */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

/** What `initSync` accepts: the module's bytes or the compiled module. */
export type SyncInitInput = BufferSource | WebAssembly.Module;

/**
 * The module's own exports (signkit's internal protocol, crate/src/wasm/signer/): memory,
 * the input buffer, and one function per call, over addresses and lengths in memory.
 */
export interface InitOutput {
  readonly memory: WebAssembly.Memory;
  readonly buffer_alloc: (size: number) => number;
  readonly buffer_free: (buffer: number, size: number) => void;
  readonly output: () => number;
  readonly daoke_api: (api: number) => number;
  readonly daoke_sign: (buffer: number, length: number, pairs: number, reveal: number) => number;
  readonly encode_form: (buffer: number, length: number, pairs: number, api: number, reveal: number) => number;
  readonly encode_multipart: (
    buffer: number,
    length: number,
    pairs: number,
    api: number,
    reveal: number,
    boundary: number,
    files: number,
    seedHigh: number,
    seedLow: number,
  ) => number;
  readonly ytx_sign: (buffer: number, length: number) => number;
  readonly invite_meeting_body: (buffer: number, length: number, parties: number, customParm: number, action: number) => number;
}

/**
 * Instantiates the module from `{ module }`: its bytes or a compiled `WebAssembly.Module`
 * (passing them directly still works). Returns the module's exports; a second call returns
 * those of the first.
 */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * Fetches and instantiates the module: `signkit_bg.wasm` next to this file, or
 * `{ module_or_path }` — a URL or request to fetch, a `Response`, the bytes or a compiled
 * module (passing it directly still works). Call it once before the other functions.
 */
export default function init(
  module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>,
): Promise<InitOutput>;
