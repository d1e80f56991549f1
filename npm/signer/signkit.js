// signkit/signer: daokeSign, encodeForm, encodeMultipart, ytxSign and encodeInviteMeeting
// over signkit_bg.wasm, a module with plain exports (crate/src/wasm/signer/; no
// wasm-bindgen).
//
// The work is split so that every signing rule lives in Rust, once:
// * here, the arguments are checked — the same checks, in the same order, with the same
//   error codes, fields and messages as the full package (the messages and the names they
//   check against are the tables below, generated from the Rust sources) — and written
//   into wasm memory as UTF-8 pieces, each a little-endian u32 byte length and the bytes;
// * the wasm module runs the core (canonical values, omissions, byte-order sort, SHA-1, the
//   body encoders, MD5 and Base64) and leaves its result in memory: a text of pieces, the
//   UTF-16 offsets where they end, and for multipart the body bytes;
// * here again, the result object is built, taking the caller's own names and values by
//   index instead of copying them back out of wasm.
// --- generated from crate/src/wasm/messages.rs and crate/src/api.rs by the `wasm::signer::tables` test; do not edit ---

/** The most input one call reads: UTF-16 units of text, bytes of files, one per string and element. */
const MAX_INPUT_UNITS = 1048576;

/** The longest text a message repeats; a longer one is described by LONG_TEXT. */
const MAX_SHOWN = 64;

/** The endpoints, numbered from 1 in this order for the wasm module. */
const API_NAMES = ["createGroup", "verifyApplyJoiningMember", "applyMicroChannel", "inviteUserJoin", "inviteMeeting"];

/** The keys each options or input object may have. */
const KEYS = {
  sign: ["revealSecret"],
  multipart: ["boundary", "files", "seed", "revealSecret"],
  file: ["name", "filename", "contentType", "data"],
  body: ["appid", "confid", "parties", "customParm", "action"],
  party: ["name", "phone"],
};

/** The input errors: code and message, `{0}`, `{1}`, … filled per language. */
const ERRORS = {
  wrongType: {
    code: "wrong-type",
    en: "{0} must be {1}, but it is {2}. Pass {1} there.",
    zh: "{0} 必须是{1}，但传入的是{2}。请在此处传入{1}。",
  },
  invalidString: {
    code: "invalid-string",
    en: "{0} contains a lone surrogate (half of a UTF-16 pair, e.g. from cutting a string inside an emoji). It has no UTF-8 form, so it cannot be signed or sent. Remove it, or repair the text with String.prototype.toWellFormed().",
    zh: "{0} 含有孤立代理项（UTF-16 代理对的一半，例如在表情符号中间截断字符串所致）。它没有 UTF-8 形式，无法签名或发送。请删除它，或用 String.prototype.toWellFormed() 修复文本。",
  },
  inputTooLarge: {
    code: "input-too-large",
    en: "The input is too large: with {0} this call would read more than {1} UTF-16 code units of text and bytes of files. Requests to these APIs are small (the daoke server reads at most 8 KiB of body); send less.",
    zh: "输入过大：加上 {0}，本次调用读取的文本 UTF-16 码元与文件字节将超过 {1}。这些接口的请求都很小（道客服务器最多读取 8 KiB 的请求体）；请减少输入。",
  },
  unknownKey: {
    code: "unknown-key",
    en: "{0} has a property {1} that this function does not know, so it would be ignored. Check the spelling; the known ones are: {2}.",
    zh: "{0} 含有本函数不认识的属性 {1}，它将被忽略。请检查拼写；可用的属性为：{2}。",
  },
  unknownApi: {
    code: "unknown-api",
    en: "{0} is not an endpoint. Use one of {1}{2}; names are case-sensitive.",
    zh: "{0} 不是接口名称。请使用 {1} 之一{2}；名称区分大小写。",
  },
  invalidSeed: {
    code: "invalid-value",
    en: "{0} must be an integer from 0 to 2^53-1 (a number) or to 2^64-1 (a bigint); the same seed always generates the same multipart boundary.",
    zh: "{0} 必须是 0 到 2^53-1 的整数（number）或 0 到 2^64-1 的整数（bigint）；相同的种子总是生成相同的 multipart 分隔符。",
  },
};

/** What a value must be. */
const EXPECTED = {
  string: { en: "a string", zh: "字符串" },
  uint8array: { en: "a Uint8Array", zh: "Uint8Array" },
  boolean: { en: "true or false", zh: "true 或 false" },
  plainObject: { en: "a plain object", zh: "普通对象" },
  array: { en: "an array", zh: "数组" },
  params: { en: "an array of [name, value] string pairs or a plain object of string values", zh: "由 [名称, 值] 字符串对组成的数组，或值均为字符串的普通对象" },
  pair: { en: "a [name, value] pair of two strings", zh: "由两个字符串组成的 [名称, 值] 对" },
  apiOrNull: { en: "an endpoint name or null", zh: "接口名称或 null" },
  seed: { en: "a number or a bigint", zh: "数字或 bigint" },
};

/** What a value is, by JS type. */
const ACTUAL = {
  undefined: { en: "undefined (missing)", zh: "undefined（缺失）" },
  null: { en: "null", zh: "null" },
  string: { en: "a string", zh: "字符串" },
  number: { en: "a number", zh: "数字" },
  boolean: { en: "a boolean", zh: "布尔值" },
  bigint: { en: "a bigint", zh: "bigint" },
  symbol: { en: "a symbol", zh: "symbol" },
  function: { en: "a function", zh: "函数" },
  array: { en: "an array", zh: "数组" },
  uint8array: { en: "a Uint8Array", zh: "Uint8Array" },
  object: { en: "an object", zh: "对象" },
};

/** The end of the unknown-endpoint message of the daoke functions, which take null too. */
const OR_NULL = { en: " (or null for a generic daoke request)", zh: "（或 null，表示通用道客请求）" };

/** A text too long to repeat in a message: `{0}` its length in characters. */
const LONG_TEXT = { en: "a {0}-character text", zh: "一段 {0} 个字符的文本" };

// --- end of the generated tables ---

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

/** An input error: its code and message template from ERRORS, filled with `en` / `zh`. */
const inputError = (kind, field, en, zh = en) => signkitError(ERRORS[kind].code, field, fill(ERRORS[kind], en, zh));

/** A field path: `path`, then `.key` or `[index]` for each of `a` and `b` that is given. */
function at(path, a, b) {
  const segment = (part) => (part === undefined ? "" : typeof part === "number" ? `[${part}]` : `.${part}`);
  return path + segment(a) + segment(b);
}

/** The JS type of `value`, as ACTUAL names it. */
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
 * Runs `body(start, ...args)` as one call of the API, with the whole input budget; `start`
 * is where its pieces begin in the input buffer. They go after any already written, so
 * that a call made from inside another one (by a getter of its arguments) leaves the
 * outer call's input intact; both are restored when the call ends.
 */
function call(body, ...args) {
  if (wasm === undefined) throw new Error("signkit: call init() or initSync() first");
  const start = written;
  const budget = remaining;
  remaining = MAX_INPUT_UNITS;
  try {
    return body(start, ...args);
  } finally {
    written = start;
    remaining = budget;
  }
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
  const view = bytes;
  for (let index = 0; index < length; index++) {
    const unit = text.charCodeAt(index);
    if (unit > 0x7f) {
      if (!text.isWellFormed()) return false;
      close(encoder.encodeInto(text, view.subarray(start, start + 3 * length)).written);
      return true;
    }
    view[start + index] = unit;
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

/** An optional string (`undefined` / `null`: not given), written as the next piece when given. */
function optional(object, key, path) {
  const value = object[key];
  const given = value !== undefined && value !== null;
  if (given) string(value, path, key);
  return given;
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

// --- the result reader, shared by crate/src/wasm/glue.js and npm/signer/signkit.js: edit it in glue.js (the `wasm::signer::tables` test copies it) ---

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
 * Sets `sign`, `stringToSign` and `sortedKeys` on `result` and returns the pieces of `text`.
 * `parts` holds, from index `pairsAt`, the caller's names and values (name, value, name,
 * value, …) and then the secret. `layout` holds, in this order: the number of pieces, the
 * number of signed pairs, the UTF-16 offsets where the pieces end in `text`, the signing
 * order, and the replaced pairs. The pieces from index `first` are the sign, the secret's
 * key, the secret as shown, then the canonical values that differ from the caller's; the
 * order lists the caller's pairs by index (one past the last pair: the secret); the
 * replaced pairs say which pair each of those values replaces.
 */
function setSigned(result, parts, pairsAt, text, layout, first) {
  const pieceCount = layout[0];
  const orderEnd = 2 + pieceCount + layout[1];
  const pieces = cut(text, layout.subarray(2, 2 + pieceCount));
  const replaced = layout.subarray(orderEnd);
  const secretAt = (parts.length - pairsAt - 1) / 2;
  const sortedKeys = [];
  let stringToSign = "";
  for (let at = 2 + pieceCount; at < orderEnd; at++) {
    const pair = layout[at];
    let key;
    let value;
    if (pair === secretAt) {
      key = pieces[first + 1];
      value = pieces[first + 2];
    } else {
      key = parts[pairsAt + 2 * pair];
      const replacement = replaced.length === 0 ? -1 : replaced.indexOf(pair);
      value = replacement < 0 ? parts[pairsAt + 2 * pair + 1] : pieces[first + 3 + replacement];
    }
    sortedKeys.push(key);
    stringToSign += key + value;
  }
  result.sign = pieces[first];
  result.stringToSign = stringToSign;
  result.sortedKeys = sortedKeys;
  return pieces;
}

// --- end of the shared result reader ---

// --- the API (documented in signkit.d.ts) ---------------------------------------------------

export function daokeSign(params, secret, options) {
  return call(sign, params, secret, options);
}

export function encodeForm(api, params, secret, options) {
  return call(form, api, params, secret, options);
}

export function encodeMultipart(api, params, secret, options) {
  return call(multipart, api, params, secret, options);
}

export function ytxSign(accountSID, authToken, timestamp) {
  return call(ytx, accountSID, authToken, timestamp);
}

export function encodeInviteMeeting(input) {
  return call(inviteMeeting, input);
}

/** The number of pairs in `parts` (`[name, value, …, secret]`). */
const pairCount = (parts) => (parts.length - 1) / 2;

function sign(start, params_, secret, options) {
  const parts = params(params_, secret);
  const reveal = flag(fields(options, "options", KEYS.sign, true), "revealSecret", "options");
  const output = finish(wasm.daoke_sign(buffer + start, written - start, pairCount(parts), reveal));
  const result = {};
  setSigned(result, parts, 0, output.text, output.layout, 0);
  return result;
}

function form(start, api, params_, secret, options) {
  const endpointNumber = endpoint(api);
  const parts = params(params_, secret);
  const reveal = flag(fields(options, "options", KEYS.sign, true), "revealSecret", "options");
  const output = finish(wasm.encode_form(buffer + start, written - start, pairCount(parts), endpointNumber, reveal));
  const result = { body: "", contentType: "" };
  [result.body, result.contentType] = setSigned(result, parts, 0, output.text, output.layout, 2);
  return result;
}

function multipart(start, api, params_, secret, options) {
  const endpointNumber = endpoint(api);
  const parts = params(params_, secret);
  options = fields(options, "options", KEYS.multipart, true);
  const hasBoundary = optional(options, "boundary", "options");
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
  const length = written - start;
  const output = finish(
    wasm.encode_multipart(buffer + start, length, pairCount(parts), endpointNumber, reveal, hasBoundary, fileCount, seedHigh, seedLow),
  );
  const result = { body: output.body.slice(), contentType: "" };
  [result.contentType] = setSigned(result, parts, 0, output.text, output.layout, 1);
  return result;
}

function ytx(start, accountSID, authToken, timestamp) {
  string(accountSID, "accountSID");
  string(authToken, "authToken");
  string(timestamp, "timestamp");
  const output = finish(wasm.ytx_sign(buffer + start, written - start));
  const [sign, authorization, authorizationPlain, stringToSign] = cut(output.text, output.layout);
  return { sign, authorization, authorizationPlain, stringToSign };
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
  const customParm = optional(input, "customParm", "input");
  const action = optional(input, "action", "input");
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
  // The module is small: compiling it from its bytes costs no more than streaming would.
  if (typeof Response === "function" && input instanceof Response) input = await input.arrayBuffer();
  const instantiated = await WebAssembly.instantiate(input, {});
  return start(instantiated instanceof WebAssembly.Instance ? instantiated : instantiated.instance);
}
