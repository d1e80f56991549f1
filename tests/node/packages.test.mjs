// The other two outputs of `./dev pkg`: the ES module for browsers and bundlers (pkg/), and
// the signer-only package (pkg/signer/), both loaded here with `initSync`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { root, signkit, vectors, vectorOptions, inviteInput, errorCodes, expectError, loadEsm } from "./load.mjs";

const web = await loadEsm("pkg");
const signer = await loadEsm("pkg/signer");
const signerCodes = errorCodes("pkg/signer/signkit.d.ts");
const D02 = vectors.vectors.find((v) => v.id === "D02");
const Y01 = vectors.vectors.find((v) => v.id === "Y01");

test("pkg/package.json describes an ES module; pkg/node/ is CommonJS", () => {
  const pkg = JSON.parse(readFileSync(join(root, "pkg/package.json"), "utf8"));
  assert.equal(pkg.name, "signkit");
  assert.equal(pkg.type, "module");
  assert.equal(pkg.main, "signkit.js");
  assert.equal(pkg.types, "signkit.d.ts");
  assert.equal(pkg.sideEffects, false);
  assert.ok(pkg.files.includes("signkit_bg.wasm"));
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

test("signer-only: signs and builds exactly like the full package", () => {
  assert.deepEqual(Object.keys(signer).filter((name) => !["default", "initSync"].includes(name)).sort(), [
    "buildDaokeRequest",
    "buildInviteMeeting",
    "daokeSign",
    "ytxSign",
  ]);
  for (const vector of vectors.vectors) {
    if (vector.scheme === "daoke-sha1") {
      const { params, secret } = vector.inputs;
      assert.deepEqual(signer.daokeSign(params, secret), signkit.daokeSign(params, secret), vector.id);
      const full = signkit.buildDaokeRequest(vector.api, params, secret, vectorOptions(vector, { validate: false }));
      const lean = signer.buildDaokeRequest(vector.api, params, secret, vectorOptions(vector));
      const { findings, ...withoutFindings } = full;
      assert.ok(Array.isArray(findings));
      assert.deepEqual(lean, withoutFindings, vector.id);
    } else {
      const { accountSID, authToken, timestamp } = vector.inputs;
      assert.deepEqual(signer.ytxSign(accountSID, authToken, timestamp), signkit.ytxSign(accountSID, authToken, timestamp));
      const { findings, ...withoutFindings } = signkit.buildInviteMeeting(inviteInput(vector, { validate: false }));
      assert.deepEqual(signer.buildInviteMeeting(inviteInput(vector)), withoutFindings, vector.id);
    }
  }
});

test("signer-only: no validator, and it says so instead of pretending", () => {
  const { params, secret } = D02.inputs;
  // Invalid parameters are built as they are (the signer-only builders never validate).
  const built = signer.buildDaokeRequest("createGroup", [["appKey", "x"]], "s", { validate: false });
  assert.equal(built.findings, undefined);
  assert.equal(signer.buildDaokeRequest("createGroup", [["appKey", "x"]], "s").findings, undefined);
  expectError(() => signer.buildDaokeRequest(D02.api, params, secret, { validate: true }), "validation-unavailable", "options.validate", signerCodes);
  expectError(() => signer.buildInviteMeeting(inviteInput(Y01, { validate: true })), "validation-unavailable", "input.validate", signerCodes);
  expectError(() => signer.daokeSign([["a", 1]], "s"), "wrong-type", "params[0][1]", signerCodes);
  const dts = readFileSync(join(root, "pkg/signer/signkit.d.ts"), "utf8");
  for (const absent of ["Finding", "EndpointDescription", "Reply", "validate(", "decodeReply(", "endpoints("]) {
    assert.ok(!dts.includes(absent), `${absent} is not in the signer-only declarations`);
  }
});
