// The JavaScript half of signkit's edge, imported by the wasm module (crate/src/wasm/).
//
// Crossing between JS and wasm costs far more than the work done for a short string, and
// reading an object property by property from wasm crosses several times per string. The
// functions here let the usual call cross once in each direction: `joinParams` packs the
// arguments of a signing call into one string, and the `*Result` functions unpack one
// string into the result object. Anything unusual (a wrong type, a NUL, a lone surrogate,
// too much input) sends the call to the wasm side's checking reader instead, which reads
// the arguments one by one and reports exactly what is wrong.

/** Whether `value` is a plain object (prototype `null` or a root prototype of any realm). */
function isPlainObject(value) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const prototype = Reflect.getPrototypeOf(value);
  return prototype === null || Reflect.getPrototypeOf(prototype) === null;
}

/**
 * The arguments of a signing call packed into one string, `n \0 name \0 value \0 … \0 secret`
 * (`n` the number of pairs, in decimal), when `params` (an array of `[name, value]` pairs or
 * a plain object) holds only strings, `secret` is a string, and the whole costs at most
 * `budget` units as the checking reader counts them (one per pair, plus each string's length
 * and one). Otherwise `undefined`.
 *
 * The wasm side checks the rest: a NUL inside a string shows as more separators than `n`
 * pairs have, and a lone surrogate as U+FFFD (TextEncoder's replacement); either sends the
 * call to the checking reader. Exceptions thrown by getters and proxies propagate, as they
 * do from the checking reader.
 */
export function joinParams(params, secret, budget) {
  if (typeof secret !== "string") return undefined;
  const parts = [""];
  let units = secret.length + 1;
  const add = (name, value) => {
    if (typeof name !== "string" || typeof value !== "string") return false;
    parts.push(name, value);
    units += name.length + value.length + 3;
    return units <= budget;
  };
  if (Array.isArray(params)) {
    const count = params.length;
    if (count > budget) return undefined;
    for (let index = 0; index < count; index++) {
      const pair = params[index];
      if (!Array.isArray(pair) || pair.length !== 2 || !add(pair[0], pair[1])) return undefined;
    }
  } else if (isPlainObject(params)) {
    const keys = Object.keys(params);
    if (keys.length > budget) return undefined;
    for (const key of keys) {
      if (!add(key, params[key])) return undefined;
    }
  } else {
    return undefined;
  }
  if (units > budget) return undefined;
  parts[0] = String((parts.length - 1) / 2);
  parts.push(secret);
  return parts.join("\0");
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

/** `daokeSign`'s result from its pieces: sign, string to sign, then the sorted keys. */
export function daokeResult(text, ends) {
  const [sign, stringToSign, ...sortedKeys] = cut(text, ends);
  return { sign, stringToSign, sortedKeys };
}

/** `encodeForm`'s result: body, content type, then the pieces of `daokeResult`. */
export function formResult(text, ends) {
  const [body, contentType, sign, stringToSign, ...sortedKeys] = cut(text, ends);
  return { body, contentType, sign, stringToSign, sortedKeys };
}

/**
 * `encodeMultipart`'s result: content type, then the pieces of `daokeResult`; `body` is a
 * view of wasm memory, copied here into a buffer of its own.
 */
export function multipartResult(text, ends, body) {
  const [contentType, sign, stringToSign, ...sortedKeys] = cut(text, ends);
  return { body: body.slice(), contentType, sign, stringToSign, sortedKeys };
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
