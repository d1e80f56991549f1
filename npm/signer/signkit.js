// signkit/signer: daokeSign, encodeForm, encodeMultipart, ytxSign and encodeInviteMeeting
// over signkit_bg.wasm, a module with plain exports (crate/src/wasm/signer/; no
// wasm-bindgen).
//
// The work is split so that every signing rule lives in Rust, once:
// * here, the arguments are checked — the same checks, in the same order, with the same
//   error codes, fields and messages as the full package (the messages and the names they
//   check against come from tables.js, generated from the Rust sources) — and written into
//   wasm memory as UTF-8 pieces, each a little-endian u32 byte length and the bytes;
// * the wasm module runs the core (canonical values, omissions, byte-order sort, SHA-1, the
//   body encoders, MD5 and Base64) and leaves its result in memory: a text of pieces, the
//   UTF-16 offsets where they end, and for multipart the body bytes;
// * here again, the result object is built, taking the caller's own names and values by
//   index instead of copying them back out of wasm.
import {
  MAX_INPUT_UNITS,
  MAX_SHOWN,
  API_NAMES,
  KEYS,
  ERRORS,
  EXPECTED,
  ACTUAL,
  OR_NULL,
  LONG_TEXT,
} from "./tables.js";

/** The instance's exports, once initialised. */
let wasm;
/** Views of wasm memory, renewed when it grows. */
let bytes = new Uint8Array(0);
let words = new Uint32Array(0);
/** The input buffer in wasm memory, reused from call to call. */
let buffer = 0;
let capacity = 0;
/** Where the next piece goes in the input buffer. */
let written = 0;
/** What is left of the current call's input budget. */
let remaining = 0;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The views of wasm memory, renewed after it grew (which detaches the old ones). */
function views() {
  if (bytes.buffer !== wasm.memory.buffer) {
    bytes = new Uint8Array(wasm.memory.buffer);
    words = new Uint32Array(wasm.memory.buffer);
  }
}

// --- errors -------------------------------------------------------------------------------

/** `template` (`{ en, zh }` with holes `{0}`, `{1}`, …) filled per language. */
const fill = (template, en, zh) => ({
  en: template.en.replace(/\{(\d)\}/g, (hole, n) => en[n] ?? hole),
  zh: template.zh.replace(/\{(\d)\}/g, (hole, n) => zh[n] ?? hole),
});

/** The `Error` every function throws (see `SignkitError` in signkit.d.ts). */
function signkitError(code, field, { en, zh }) {
  const error = new Error(en);
  error.name = "SignkitError";
  error.code = code;
  error.field = field ?? null;
  error.messages = { en, zh };
  return error;
}

/** An input error: its code and message template from tables.js, filled with `en` / `zh`. */
const inputError = (kind, field, en, zh = en) => signkitError(ERRORS[kind].code, field, fill(ERRORS[kind], en, zh));

/** A field path: `path`, then `.key` or `[index]` for each of `a` and `b` that is given. */
function at(path, a, b) {
  const segment = (part) => (part === undefined ? "" : typeof part === "number" ? `[${part}]` : `.${part}`);
  return path + segment(a) + segment(b);
}

/** The JS type of `value`, as tables.js names it. */
function typeOf(value) {
  if (value === null) return "null";
  if (typeof value !== "object") return typeof value;
  return Array.isArray(value) ? "array" : value instanceof Uint8Array ? "uint8array" : "object";
}

/** `field must be EXPECTED, but it is …`. */
function wrongType(field, expected, value) {
  const actual = ACTUAL[typeOf(value)];
  return inputError("wrongType", field, [field, expected.en, actual.en], [field, expected.zh, actual.zh]);
}

/** `text` quoted for a message, or its length when it is too long to repeat. */
function shown(text) {
  const length = [...text].length;
  if (length > MAX_SHOWN) return fill(LONG_TEXT, [length], [length]);
  const quoted = JSON.stringify(text);
  return { en: quoted, zh: quoted };
}

// --- reading and writing the arguments ----------------------------------------------------

/**
 * Starts a call with the whole budget; its pieces go after those already written, so that
 * a call made from inside another one (by a getter of its arguments) leaves the outer
 * call's input intact. Returns what `end` restores.
 */
function begin() {
  if (wasm === undefined) throw new Error("signkit: call init() or initSync() first");
  const outer = { start: written, remaining };
  remaining = MAX_INPUT_UNITS;
  return outer;
}

/** Ends a call: the outer call's budget and input again. */
function end(outer) {
  written = outer.start;
  remaining = outer.remaining;
}

/** Takes `units` from the budget, or fails naming the field. */
function spend(units, path, a, b) {
  if (units > remaining) {
    const field = at(path, a, b);
    throw inputError("inputTooLarge", field, [field, MAX_INPUT_UNITS]);
  }
  remaining -= units;
}

/** Room for `size` more bytes in the input buffer (a bigger buffer keeps what is written). */
function reserve(size) {
  const needed = written + size;
  if (needed <= capacity) return;
  const grown = Math.max(needed, 2 * capacity, 1024);
  const next = wasm.buffer_alloc(grown);
  if (next === 0) throw new RangeError("signkit: out of wasm memory");
  views();
  bytes.copyWithin(next, buffer, buffer + written);
  if (capacity > 0) wasm.buffer_free(buffer, capacity);
  buffer = next;
  capacity = grown;
}

/** Ends a piece of `length` bytes: writes its length before it. */
function close(length) {
  const start = buffer + written;
  bytes[start] = length;
  bytes[start + 1] = length >>> 8;
  bytes[start + 2] = length >>> 16;
  bytes[start + 3] = length >>> 24;
  written += 4 + length;
}

/**
 * Writes `text` as the next piece, UTF-8: ASCII directly, anything else with
 * `TextEncoder.encodeInto` — after checking it is well-formed (a lone surrogate has no
 * UTF-8 form; encodeInto would write U+FFFD). Returns whether it was.
 */
function writeText(text) {
  const length = text.length;
  reserve(4 + 3 * length);
  const start = buffer + written + 4;
  for (let index = 0; index < length; index++) {
    const unit = text.charCodeAt(index);
    if (unit > 0x7f) {
      if (!text.isWellFormed()) return false;
      close(encoder.encodeInto(text, bytes.subarray(start, start + 3 * length)).written);
      return true;
    }
    bytes[start + index] = unit;
  }
  close(length);
  return true;
}

/** A required string, written as the next piece. */
function string(value, path, a, b) {
  if (typeof value !== "string") throw wrongType(at(path, a, b), EXPECTED.string, value);
  spend(value.length + 1, path, a, b);
  if (!writeText(value)) {
    const field = at(path, a, b);
    throw inputError("invalidString", field, [field]);
  }
  return value;
}

/** Whether `value` is a plain object (prototype `null`, or a root prototype of any realm). */
function isPlainObject(value) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const prototype = Reflect.getPrototypeOf(value);
  return prototype === null || Reflect.getPrototypeOf(prototype) === null;
}

/**
 * An object of named options or inputs (`undefined` / `null` for none when `optional`),
 * whose keys must be among `known`, so that a misspelt one is reported rather than ignored.
 */
function fields(value, path, known, optional) {
  if (optional && (value === undefined || value === null)) return {};
  if (!isPlainObject(value)) throw wrongType(path, EXPECTED.plainObject, value);
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      // As the full package reads it: UTF-8, a lone surrogate replaced by U+FFFD.
      const readable = key.toWellFormed();
      const name = shown(readable);
      const list = known.join(", ");
      throw inputError("unknownKey", `${path}.${readable}`, [path, name.en, list], [path, name.zh, list]);
    }
  }
  return value;
}

/** An optional flag: only `true` and `false` (a truthy `"false"` would mean the opposite). */
function flag(options, key, path) {
  const value = options[key];
  if (value === undefined || value === null) return false;
  if (typeof value !== "boolean") throw wrongType(`${path}.${key}`, EXPECTED.boolean, value);
  return value;
}

/** The elements of an array, each costing one unit. */
function array(value, path, a, b) {
  if (!Array.isArray(value)) throw wrongType(at(path, a, b), EXPECTED.array, value);
  const length = value.length;
  spend(length, path, a, b);
  return length;
}

/**
 * Writes the request parameters — an array of `[name, value]` string pairs, or a plain
 * object whose own enumerable properties are the pairs — and the secret. Returns the
 * caller's strings `[name, value, …, secret]`, which the result is built from.
 */
function params(value, secret) {
  const parts = [];
  if (Array.isArray(value)) {
    const length = array(value, "params");
    for (let index = 0; index < length; index++) {
      const pair = value[index];
      if (!Array.isArray(pair) || pair.length !== 2) throw wrongType(at("params", index), EXPECTED.pair, pair);
      parts.push(string(pair[0], "params", index, 0), string(pair[1], "params", index, 1));
    }
  } else if (isPlainObject(value)) {
    const names = Object.keys(value);
    spend(names.length, "params");
    for (const name of names) parts.push(string(name, "params"), string(value[name], "params", name));
  } else {
    throw wrongType("params", EXPECTED.params, value);
  }
  parts.push(string(secret, "secret"));
  return parts;
}

/** The endpoint of a daoke function: 0 for `null` / `undefined`, else 1 + its index. */
function endpoint(value) {
  if (value === undefined || value === null) return 0;
  if (typeof value !== "string") throw wrongType("api", EXPECTED.apiOrNull, value);
  spend(value.length + 1, "api");
  if (!value.isWellFormed()) throw inputError("invalidString", "api", ["api"]);
  const index = API_NAMES.indexOf(value);
  if (index < 0) {
    const name = shown(value);
    const list = API_NAMES.join(", ");
    throw inputError("unknownApi", "api", [name.en, list, OR_NULL.en], [name.zh, list, OR_NULL.zh]);
  }
  const api = index + 1;
  // The core refuses a YTX endpoint here, before the other arguments are read.
  finish(wasm.daoke_api(api));
  return api;
}

/** An optional random seed: a non-negative safe integer or a bigint below 2^64, as two u32s. */
function seed(options) {
  const value = options.seed;
  if (value === undefined || value === null) return [random32(), random32()];
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) {
    return [Math.floor(value / 2 ** 32), value >>> 0];
  }
  if (typeof value === "bigint" && value >= 0n && value < 2n ** 64n) {
    return [Number(value >> 32n), Number(value & 0xffffffffn)];
  }
  if (typeof value !== "number" && typeof value !== "bigint") {
    throw wrongType("options.seed", EXPECTED.seed, value);
  }
  throw inputError("invalidSeed", "options.seed", ["seed"]);
}

/**
 * A random 32-bit integer, from Web Crypto when the host has it, else from `Math.random`.
 * It seeds a generated multipart boundary, which only has to be unlikely to occur in the
 * content, not secret.
 */
function random32() {
  const crypto = globalThis.crypto;
  if (typeof crypto?.getRandomValues === "function") return crypto.getRandomValues(new Uint32Array(1))[0];
  return Math.floor(Math.random() * 2 ** 32);
}

// --- calling wasm and reading its result --------------------------------------------------

/** Where the six u32s describing the last result are (in `words`). */
let descriptor = 0;

/**
 * The result of a call that returned `status`: `{ text, layout, body }` (text decoded,
 * layout and body as views of wasm memory, valid until the next call). A refusal of the
 * core throws its error.
 */
function finish(status) {
  views();
  const [textAt, textLength, layoutAt, layoutLength, bodyAt, bodyLength] = words.subarray(descriptor, descriptor + 6);
  const output = {
    text: textLength === 0 ? "" : decoder.decode(bytes.subarray(textAt, textAt + textLength)),
    layout: words.subarray(layoutAt >>> 2, (layoutAt >>> 2) + layoutLength),
    body: bytes.subarray(bodyAt, bodyAt + bodyLength),
  };
  if (status === 0) return output;
  if (status === 1) {
    const [code, en, zh, field] = cut(output.text, output.layout);
    throw signkitError(code, field, { en, zh });
  }
  throw new Error("signkit: the wasm module did not understand its input (a bug in signkit)");
}

/** `text` cut at the UTF-16 offsets `ends`. */
function cut(text, ends) {
  const pieces = [];
  let start = 0;
  for (const end of ends) {
    pieces.push(text.slice(start, end));
    start = end;
  }
  return pieces;
}

/**
 * Sets `sign`, `stringToSign` and `sortedKeys` on `result` from a signed result and
 * returns its pieces. `layout` holds the number of pieces, the number of signed pairs, the
 * UTF-16 offsets where the pieces end, the signing order, and the replaced pairs. The pieces
 * from index `first` are the sign, the secret's key, the secret as shown, then the canonical
 * values that differ from the caller's; the order lists the caller's pairs by index (one
 * past the last pair: the secret); the replaced pairs say which pair each of those values
 * replaces.
 */
function signed(result, parts, { text, layout }, first) {
  const pieceCount = layout[0];
  const orderEnd = 2 + pieceCount + layout[1];
  const pieces = cut(text, layout.subarray(2, 2 + pieceCount));
  const replaced = layout.subarray(orderEnd);
  const secretAt = (parts.length - 1) / 2;
  const sortedKeys = [];
  let stringToSign = "";
  for (let index = 2 + pieceCount; index < orderEnd; index++) {
    const pair = layout[index];
    let key;
    let value;
    if (pair === secretAt) {
      key = pieces[first + 1];
      value = pieces[first + 2];
    } else {
      key = parts[2 * pair];
      const replacement = replaced.length === 0 ? -1 : replaced.indexOf(pair);
      value = replacement < 0 ? parts[2 * pair + 1] : pieces[first + 3 + replacement];
    }
    sortedKeys.push(key);
    stringToSign += key + value;
  }
  result.sign = pieces[first];
  result.stringToSign = stringToSign;
  result.sortedKeys = sortedKeys;
  return pieces;
}

// --- the API (documented in signkit.d.ts) ---------------------------------------------------

export function daokeSign(params_, secret, options) {
  const outer = begin();
  try {
    const parts = params(params_, secret);
    const reveal = flag(fields(options, "options", KEYS.sign, true), "revealSecret", "options");
    const output = finish(wasm.daoke_sign(buffer + outer.start, written - outer.start, (parts.length - 1) / 2, reveal));
    const result = {};
    signed(result, parts, output, 0);
    return result;
  } finally {
    end(outer);
  }
}

export function encodeForm(api, params_, secret, options) {
  const outer = begin();
  try {
    const endpointNumber = endpoint(api);
    const parts = params(params_, secret);
    const reveal = flag(fields(options, "options", KEYS.sign, true), "revealSecret", "options");
    const pairs = (parts.length - 1) / 2;
    const output = finish(wasm.encode_form(buffer + outer.start, written - outer.start, pairs, endpointNumber, reveal));
    const result = { body: "", contentType: "" };
    [result.body, result.contentType] = signed(result, parts, output, 2);
    return result;
  } finally {
    end(outer);
  }
}

export function encodeMultipart(api, params_, secret, options) {
  const outer = begin();
  try {
    return multipart(outer.start, api, params_, secret, options);
  } finally {
    end(outer);
  }
}

function multipart(start, api, params_, secret, options) {
  const endpointNumber = endpoint(api);
  const parts = params(params_, secret);
  options = fields(options, "options", KEYS.multipart, true);
  const boundary = options.boundary;
  const hasBoundary = boundary !== undefined && boundary !== null;
  if (hasBoundary) string(boundary, "options.boundary");
  const files = options.files;
  let fileCount = 0;
  if (files !== undefined && files !== null) {
    fileCount = array(files, "options.files");
    for (let index = 0; index < fileCount; index++) {
      const file = fields(files[index], at("options.files", index), KEYS.file, false);
      for (const key of ["name", "filename", "contentType"]) string(file[key], "options.files", index, key);
      const data = file.data;
      if (!(data instanceof Uint8Array)) throw wrongType(at("options.files", index, "data"), EXPECTED.uint8array, data);
      spend(data.length + 1, "options.files", index, "data");
      reserve(4 + data.length);
      bytes.set(data, buffer + written + 4);
      close(data.length);
    }
  }
  const [seedHigh, seedLow] = seed(options);
  const reveal = flag(options, "revealSecret", "options");
  const pairs = (parts.length - 1) / 2;
  const status = wasm.encode_multipart(buffer + start, written - start, pairs, endpointNumber, reveal, hasBoundary, fileCount, seedHigh, seedLow);
  const output = finish(status);
  const result = { body: output.body.slice(), contentType: "" };
  [result.contentType] = signed(result, parts, output, 1);
  return result;
}

export function ytxSign(accountSID, authToken, timestamp) {
  const outer = begin();
  try {
    string(accountSID, "accountSID");
    string(authToken, "authToken");
    string(timestamp, "timestamp");
    const output = finish(wasm.ytx_sign(buffer + outer.start, written - outer.start));
    const [sign, authorization, authorizationPlain, stringToSign] = cut(output.text, output.layout);
    return { sign, authorization, authorizationPlain, stringToSign };
  } finally {
    end(outer);
  }
}

export function encodeInviteMeeting(input) {
  const outer = begin();
  try {
    return inviteMeeting(outer.start, input);
  } finally {
    end(outer);
  }
}

function inviteMeeting(start, input) {
  input = fields(input, "input", KEYS.body, false);
  string(input.appid, "input.appid");
  string(input.confid, "input.confid");
  const parties = input.parties;
  const count = array(parties, "input.parties");
  for (let index = 0; index < count; index++) {
    const party = fields(parties[index], at("input.parties", index), KEYS.party, false);
    string(party.name, "input.parties", index, "name");
    string(party.phone, "input.parties", index, "phone");
  }
  const optional = (key) => {
    const value = input[key];
    const given = value !== undefined && value !== null;
    if (given) string(value, "input", key);
    return given;
  };
  const customParm = optional("customParm");
  const action = optional("action");
  return finish(wasm.invite_meeting_body(buffer + start, written - start, count, customParm, action)).text;
}

// --- loading ----------------------------------------------------------------------------------

/** Keeps the instance of `module` (a `WebAssembly.Module` or `Instance`) and returns its exports. */
function start(instance) {
  wasm = instance.exports;
  descriptor = wasm.output() >>> 2;
  views();
  return wasm;
}

/** Instantiates `module` (its bytes or a compiled `WebAssembly.Module`) synchronously. */
export function initSync(module) {
  if (wasm !== undefined) return wasm;
  if (Object.getPrototypeOf(module) === Object.prototype) ({ module } = module);
  if (!(module instanceof WebAssembly.Module)) module = new WebAssembly.Module(module);
  return start(new WebAssembly.Instance(module, {}));
}

/**
 * Fetches and instantiates the module: `signkit_bg.wasm` next to this file by default, or
 * `{ module_or_path }` (a URL, a `Request`, a `Response`, bytes or a compiled module).
 */
export default async function init(input) {
  if (wasm !== undefined) return wasm;
  if (input !== undefined && Object.getPrototypeOf(input) === Object.prototype) ({ module_or_path: input } = input);
  input = await (input ?? new URL("signkit_bg.wasm", import.meta.url));
  if (typeof input === "string" || input instanceof URL || (typeof Request === "function" && input instanceof Request)) {
    input = await fetch(input);
  }
  if (typeof Response === "function" && input instanceof Response) {
    const response = input;
    try {
      return start((await WebAssembly.instantiateStreaming(response.clone(), {})).instance);
    } catch (error) {
      // Served without `Content-Type: application/wasm`: compile from the bytes instead.
      if (response.headers.get("Content-Type") === "application/wasm") throw error;
      input = await response.arrayBuffer();
    }
  }
  const instantiated = await WebAssembly.instantiate(input, {});
  return start(instantiated instanceof WebAssembly.Instance ? instantiated : instantiated.instance);
}
