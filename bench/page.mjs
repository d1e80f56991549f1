// The benchmark in the browser (bench/suite.mjs), driven by bench/run.mjs through
// Playwright: signkit's ES module (full and signer-only, loaded with init()) against the
// JS libraries the page loaded as scripts. The result lands in `window.benchResult`.
import init, * as full from "../pkg/signkit.js";
import initSigner, * as signer from "../pkg/signer/signkit.js";
import { runSuite } from "./suite.mjs";

const log = (line) => {
  document.querySelector("#log").textContent += `${line}\n`;
};

try {
  await Promise.all([init(), initSigner()]);
  const { vectors } = await (await fetch("/spec/vectors.json")).json();
  const libs = {
    sha1: window.sha1,
    md5: window.md5,
    CryptoJS: window.CryptoJS,
    hashWasmSha1: await window.hashwasm.createSHA1(),
    hashWasmMd5: await window.hashwasm.createMD5(),
  };
  const rounds = Number(new URLSearchParams(location.search).get("rounds") ?? 5);
  const result = runSuite({
    vectors,
    fromBase64: (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0)),
    full,
    signer,
    libs,
    now: () => performance.now(),
    rounds,
    log,
  });
  window.benchResult = { runtime: navigator.userAgent.match(/(?:Headless)?Chrome\/[\d.]+/)?.[0] ?? navigator.userAgent, ...result };
} catch (error) {
  log(String(error?.stack ?? error));
  window.benchResult = { error: String(error?.stack ?? error) };
}
