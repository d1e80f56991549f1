// The JavaScript half of signkit's edge, imported by the wasm module (crate/src/wasm/).
//
// Crossing between JS and wasm costs far more than signing a short string, and reading an
// object property by property from wasm crosses several times per string. The functions
// here let a signing call cross once each way: `collectParams` lists the caller's strings
// (`parts`), `joinParts` packs them into one string for wasm, and the `*Result` functions
// build the result object from a few pieces wasm returns, taking the caller's names and
// values from `parts` by index instead of copying them back. Anything unusual (a wrong
// type, a NUL, a lone surrogate, too much input) goes to the wasm side's checking reader,
// which reads the arguments one by one and reports exactly what is wrong.

/** Whether `value` is a plain object (prototype `null` or a root prototype of any realm). */
function isPlainObject(value) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const prototype = Reflect.getPrototypeOf(value);
  return prototype === null || Reflect.getPrototypeOf(prototype) === null;
}

/**
 * `[header, name, value, name, value, …, secret]` when `params` (an array of `[name, value]`
 * pairs or a plain object, read as `Object.entries` does) holds only strings, `secret` is a
 * string, and the whole costs at most `budget` units as the checking reader counts them
 * (one per pair, plus each string's length and one). Otherwise `undefined`. The header is
 * `n \0 units`, the number of pairs and their cost, in decimal, so that
 * `parts.join("\0")` is the packed form the wasm side reads. Exceptions thrown by getters
 * and proxies propagate, as they do from the checking reader.
 */
export function collectParams(params, secret, budget) {
  if (typeof secret !== "string") return undefined;
  const parts = [""];
  let units = secret.length + 1;
  if (Array.isArray(params)) {
    const count = params.length;
    if (count > budget) return undefined;
    for (let index = 0; index < count; index++) {
      const pair = params[index];
      if (!Array.isArray(pair) || pair.length !== 2) return undefined;
      const name = pair[0];
      const value = pair[1];
      if (typeof name !== "string" || typeof value !== "string") return undefined;
      units += name.length + value.length + 3;
      if (units > budget) return undefined;
      parts.push(name, value);
    }
  } else if (isPlainObject(params)) {
    const keys = Object.keys(params);
    if (keys.length > budget) return undefined;
    for (const name of keys) {
      const value = params[name];
      if (typeof value !== "string") return undefined;
      units += name.length + value.length + 3;
      if (units > budget) return undefined;
      parts.push(name, value);
    }
  } else {
    return undefined;
  }
  if (units > budget) return undefined;
  parts[0] = `${(parts.length - 1) / 2}\0${units}`;
  parts.push(secret);
  return parts;
}

/**
 * `parts` packed for wasm: `n \0 units \0 name \0 value \0 … \0 secret`. The wasm side checks
 * what the packing cannot carry: a NUL inside a string shows as more separators than `n`
 * pairs have, and a lone surrogate as U+FFFD (what TextEncoder writes for it).
 */
export function joinParts(parts) {
  return parts.join("\0");
}

/**
 * `units \0 first \0 second \0 …` when every value is a string and they cost at most
 * `budget` units (each its length and one); otherwise `undefined`. The wasm side checks for
 * NULs and lone surrogates as for `joinParts`.
 */
export function joinStrings(budget, ...values) {
  let units = 0;
  for (const value of values) {
    if (typeof value !== "string") return undefined;
    units += value.length + 1;
  }
  return units <= budget ? `${units}\0${values.join("\0")}` : undefined;
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

/** `daokeSign`'s result: `{ sign, stringToSign, sortedKeys }` (see `setSigned`). */
export function daokeResult(parts, text, layout) {
  const result = {};
  setSigned(result, parts, 1, text, layout, 0);
  return result;
}

/** `encodeForm`'s result: the body and content type (the first pieces), then as `daokeResult`. */
export function formResult(parts, text, layout) {
  const result = { body: "", contentType: "" };
  const pieces = setSigned(result, parts, 1, text, layout, 2);
  result.body = pieces[0];
  result.contentType = pieces[1];
  return result;
}

/**
 * `encodeMultipart`'s result: the content type (the first piece), then as `daokeResult`;
 * `body` is a view of wasm memory, copied here into a buffer of its own.
 */
export function multipartResult(parts, text, layout, body) {
  const result = { body: body.slice(), contentType: "" };
  result.contentType = setSigned(result, parts, 1, text, layout, 1)[0];
  return result;
}

/** `ytxSign`'s result: sign, authorization, authorization text, string to sign. */
export function ytxResult(text, ends) {
  const [sign, authorization, authorizationPlain, stringToSign] = cut(text, ends);
  return { sign, authorization, authorizationPlain, stringToSign };
}

/**
 * A random 32-bit integer, from Web Crypto when the host has it (browsers, workers,
 * Node ≥ 19), else from `Math.random`. It seeds a generated multipart boundary, which only
 * has to be unlikely to occur in the content, not secret.
 */
export function random32() {
  const crypto = globalThis.crypto;
  if (typeof crypto?.getRandomValues === "function") {
    return crypto.getRandomValues(new Uint32Array(1))[0];
  }
  return Math.floor(Math.random() * 2 ** 32);
}

/** The `Error` every signkit function throws (see `SignkitError` in the declarations). */
export function signkitError(code, field, en, zh, findings) {
  const error = new Error(en);
  error.name = "SignkitError";
  error.code = code;
  error.field = field ?? null;
  error.messages = { en, zh };
  if (findings !== undefined) error.findings = findings;
  return error;
}
