// Shared set-up of the Node tests: the CommonJS package (pkg/node/, built by `./dev pkg`),
// the conformance files of spec/, and helpers for SignkitError checks.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import assert from "node:assert/strict";

export const root = fileURLToPath(new URL("../../", import.meta.url));
const require = createRequire(import.meta.url);

/** The full package, as `require("signkit/node")` would load it. */
export const signkit = require(`${root}pkg/node/signkit.js`);

/** An ES-module build of `./dev pkg` (`pkg` or `pkg/signer`), initialised synchronously. */
export async function loadEsm(dir) {
  const module = await import(pathToFileURL(join(root, dir, "signkit.js")).href);
  module.initSync({ module: readFileSync(join(root, dir, "signkit_bg.wasm")) });
  return module;
}

const readJson = (path) => JSON.parse(readFileSync(`${root}${path}`, "utf8"));
export const vectors = readJson("spec/vectors.json");
export const validationCases = readJson("spec/validation_cases.json");

/** The `ErrorCode` union of a generated .d.ts, as a set. */
export function errorCodes(dtsPath) {
  const dts = readFileSync(`${root}${dtsPath}`, "utf8");
  const codes = new Set();
  for (const alias of ["InputErrorCode", "EncodeErrorCode", "BuildErrorCode", "ValidationErrorCode", "InternalErrorCode"]) {
    const match = dts.match(new RegExp(`export type ${alias} =([^;]*);`));
    assert.ok(match, `${alias} is declared in ${dtsPath}`);
    for (const [, code] of match[1].matchAll(/"([^"]+)"/g)) codes.add(code);
  }
  return codes;
}

const fullCodes = errorCodes("pkg/signkit.d.ts");

/**
 * Runs `call`, which must throw a SignkitError: a real Error with a declared `code`, the
 * given `field`, and the message in both languages. Returns the error.
 */
export function expectError(call, code, field, codes = fullCodes) {
  let error;
  try {
    call();
  } catch (caught) {
    error = caught;
  }
  assert.ok(error instanceof Error, `throws an Error (expected ${code})`);
  assert.equal(error.name, "SignkitError", error.stack);
  assert.equal(error.code, code, error.message);
  assert.ok(codes.has(error.code), `${error.code} is in the ErrorCode type`);
  if (field !== undefined) assert.equal(error.field, field);
  assert.ok(error.field === null || typeof error.field === "string");
  assert.equal(error.messages.en, error.message);
  assert.match(error.messages.zh, /[\u4e00-\u9fff]/, "the Chinese message is Chinese");
  return error;
}

/** Base64 (the vectors' file data) to bytes. */
export const fromBase64 = (text) => new Uint8Array(Buffer.from(text, "base64"));

/** The buildDaokeRequest options of a daoke vector (its inputs as given, secret shown). */
export function vectorOptions(vector, extra = {}) {
  const { encoding, boundary, files = [] } = vector.inputs;
  return {
    encoding,
    boundary,
    files: files.map((file) => ({
      name: file.name,
      filename: file.filename,
      contentType: file.content_type,
      data: fromBase64(file.data_base64),
    })),
    path: vector.api === null ? "/generic" : undefined,
    ...extra,
  };
}

/** The buildInviteMeeting input of a YTX vector, at the vector's own time. */
export function inviteInput(vector, extra = {}) {
  const { accountSID, authToken, appid, confid, parties, CustomParm, action, version, timestamp } =
    vector.inputs;
  return {
    accountSID,
    authToken,
    appid,
    confid,
    parties,
    customParm: CustomParm,
    action,
    version,
    timestamp,
    clock: timestamp,
    ...extra,
  };
}
