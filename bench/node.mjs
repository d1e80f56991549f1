// The benchmark in Node (bench/suite.mjs): signkit's Node build and signer-only module
// against the JS libraries. Prints the results as JSON on stdout for bench/run.mjs.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { runSuite } from "./suite.mjs";

const root = fileURLToPath(new URL("../", import.meta.url));
const require = createRequire(import.meta.url);

const full = require(`${root}pkg/node/signkit.js`);
const signer = await import(pathToFileURL(`${root}pkg/signer/signkit.js`).href);
signer.initSync({ module: readFileSync(`${root}pkg/signer/signkit_bg.wasm`) });

const { createSHA1, createMD5 } = require("hash-wasm");
const libs = {
  sha1: require("js-sha1"),
  md5: require("blueimp-md5"),
  CryptoJS: require("crypto-js"),
  hashWasmSha1: await createSHA1(),
  hashWasmMd5: await createMD5(),
};

const { vectors } = JSON.parse(readFileSync(`${root}spec/vectors.json`, "utf8"));
const result = runSuite({
  vectors,
  fromBase64: (text) => new Uint8Array(Buffer.from(text, "base64")),
  full,
  signer,
  libs,
  now: () => performance.now(),
  rounds: Number(process.env.BENCH_ROUNDS ?? 5),
  log: (line) => console.error(`node: ${line}`),
});
console.log(JSON.stringify({ runtime: `Node ${process.version}`, ...result }));
