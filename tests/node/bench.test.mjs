// The benchmark's contenders (bench/suite.mjs) are right before they are fast: the
// hand-written JS signers with each library and both signkit entry points give every
// vector's sign. (`./dev bench` measures; this only runs the check, with no rounds.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { createSHA1, createMD5 } from "hash-wasm";
import { runSuite, handWrittenDaokeSign } from "../../bench/suite.mjs";
import { signkit, vectors, fromBase64, loadEsm } from "./load.mjs";

const require = createRequire(import.meta.url);
const signer = await loadEsm("pkg/signer");

test("every contender signs every vector right", async () => {
  const libs = {
    sha1: require("js-sha1"),
    md5: require("blueimp-md5"),
    CryptoJS: require("crypto-js"),
    hashWasmSha1: await createSHA1(),
    hashWasmMd5: await createMD5(),
  };
  const result = runSuite({ vectors: vectors.vectors, fromBase64, full: signkit, signer, libs, now: () => 0, rounds: 0 });
  assert.equal(result.rows.length, 11);
  for (const row of result.rows) assert.ok(row.ops.every((ops) => ops === null));
});

test("the check would catch a wrong contender", () => {
  const wrong = handWrittenDaokeSign((text) => require("js-sha1")(text.toLowerCase()));
  const D17 = vectors.vectors.find((v) => v.id === "D17");
  assert.notEqual(wrong(Object.fromEntries(D17.inputs.params), D17.inputs.secret), D17.expected_sign);
});
