// The other two outputs of `./dev pkg`: the ES module for browsers and bundlers (pkg/), and
// the signer-only package (pkg/signer/, the same crate without `full`, through the same
// wasm-bindgen pipeline), both loaded here with `initSync`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { root, signkit, vectors, vectorOptions, inviteInput, errorCodes, expectError, loadEsm } from "./load.mjs";

const web = await loadEsm("pkg");
const signer = await loadEsm("pkg/signer");
const signerCodes = errorCodes("pkg/signer/signkit.d.ts");
const D02 = vectors.vectors.find((v) => v.id === "D02");

test("pkg/package.json describes an ES module; pkg/node/ is CommonJS", () => {
  const pkg = JSON.parse(readFileSync(join(root, "pkg/package.json"), "utf8"));
  assert.equal(pkg.name, "signkit");
  assert.equal(pkg.type, "module");
  assert.equal(pkg.main, "signkit.js");
  assert.equal(pkg.types, "signkit.d.ts");
  assert.equal(pkg.sideEffects, false);
  assert.ok(pkg.files.includes("*.wasm"));
  assert.equal(JSON.parse(readFileSync(join(root, "pkg/node/package.json"), "utf8")).type, "commonjs");
});

test("the ES module exports the same API and gives the same results", () => {
  for (const name of Object.keys(signkit)) assert.equal(typeof web[name], "function", name);
  const { params, secret } = D02.inputs;
  const options = vectorOptions(D02, { seed: 3 });
  assert.deepEqual(web.buildDaokeRequest(D02.api, params, secret, options), signkit.buildDaokeRequest(D02.api, params, secret, options));
  assert.deepEqual(web.endpoints(), signkit.endpoints());
  expectError(() => web.daokeSign(null, "s"), "wrong-type", "params");
});

test("signer-only: exactly the signer and the body encoders, giving the full package's results", () => {
  assert.deepEqual(Object.keys(signer).filter((name) => !["default", "initSync"].includes(name)).sort(), [
    "daokeSign",
    "encodeForm",
    "encodeInviteMeeting",
    "encodeMultipart",
    "isSignkitError",
    "ytxSign",
  ]);
  for (const vector of vectors.vectors) {
    if (vector.scheme === "daoke-sha1") {
      const { params, secret, encoding } = vector.inputs;
      assert.deepEqual(signer.daokeSign(params, secret), signkit.daokeSign(params, secret), vector.id);
      const { files, boundary } = vectorOptions(vector);
      const encode = encoding === "multipart" ? "encodeMultipart" : "encodeForm";
      const options = encoding === "multipart" ? { files, boundary } : {};
      assert.deepEqual(signer[encode](vector.api, params, secret, options), signkit[encode](vector.api, params, secret, options), vector.id);
    } else {
      const { accountSID, authToken, timestamp } = vector.inputs;
      assert.deepEqual(signer.ytxSign(accountSID, authToken, timestamp), signkit.ytxSign(accountSID, authToken, timestamp));
      const { appid, confid, parties, customParm, action } = inviteInput(vector);
      const input = { appid, confid, parties, customParm, action };
      assert.equal(signer.encodeInviteMeeting(input), signkit.encodeInviteMeeting(input), vector.id);
    }
  }
});

test("signer-only: no builders, validator or replies, in the module or its declarations", () => {
  const { params, secret } = D02.inputs;
  expectError(() => signer.encodeForm("inviteMeeting", params, secret), "not-daoke", "api", signerCodes);
  expectError(() => signer.daokeSign([["a", 1]], "s"), "wrong-type", "params[0][1]", signerCodes);
  assert.equal(signer.encodeForm(D02.api, params, secret).findings, undefined);
  const dts = readFileSync(join(root, "pkg/signer/signkit.d.ts"), "utf8");
  for (const absent of ["Finding", "EndpointDescription", "Reply", "PreparedRequest", "validate(", "decodeReply(", "endpoints(", "buildDaokeRequest(", "buildInviteMeeting("]) {
    assert.ok(!dts.includes(absent), `${absent} is not in the signer-only declarations`);
  }
  assert.match(dts, /export type ValidationErrorCode = never;/);
  for (const code of ["validation-failed", "missing-path", "invalid-host", "files-need-multipart"]) {
    assert.ok(!signerCodes.has(code), `${code} cannot be thrown by the signer-only package`);
  }
});
