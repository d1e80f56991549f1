// The package as npm users get it: `npm pack` of pkg/ installs into a scratch project, and
// both examples work from it — examples/node/sign.mjs (run, sending to a stand-in server)
// and examples/plain-html/index.html (a form submitted in headless Chromium through
// Playwright) — and TypeScript resolves the installed declarations through the `exports`
// map (tests/node/usage-node.ts, `tsc --module nodenext`).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { root, vectors } from "./load.mjs";
import { serve } from "./server.mjs";

const D03 = vectors.vectors.find((v) => v.id === "D03");
const SECRET = D03.inputs.secret;
let scratch;
let tarball;

before(() => {
  scratch = mkdtempSync(join(tmpdir(), "signkit-scratch-"));
  tarball = execFileSync("npm", ["pack", join(root, "pkg"), "--pack-destination", scratch, "--silent"], { encoding: "utf8" })
    .trim()
    .split("\n")
    .pop();
  writeFileSync(join(scratch, "package.json"), `${JSON.stringify({ private: true, type: "module" }, null, 2)}\n`);
  execFileSync("npm", ["install", join(scratch, tarball), "--offline", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], {
    cwd: scratch,
    stdio: "pipe",
  });
  copyFileSync(join(root, "examples/node/sign.mjs"), join(scratch, "sign.mjs"));
  copyFileSync(join(root, "examples/plain-html/index.html"), join(scratch, "index.html"));
  copyFileSync(join(root, "tests/node/usage-node.ts"), join(scratch, "usage-node.ts"));
});

after(() => rmSync(scratch, { recursive: true, force: true }));

test("npm pack ships the three entry points, their types and wasm, the README and the CHANGELOG", () => {
  const listed = execFileSync("tar", ["tzf", join(scratch, tarball)], { encoding: "utf8" }).trim().split("\n").sort();
  for (const file of [
    "package/package.json",
    "package/README.md",
    "package/CHANGELOG.md",
    "package/signkit.js",
    "package/signkit.d.ts",
    "package/signkit_bg.wasm",
    "package/node/signkit.js",
    "package/node/signkit.d.ts",
    "package/node/signkit_bg.wasm",
    "package/node/package.json",
    "package/signer/signkit.js",
    "package/signer/signkit.d.ts",
    "package/signer/signkit_bg.wasm",
  ]) {
    assert.ok(listed.includes(file), `${file} is packed`);
  }
  // Only what wasm-bindgen generates: no hand-written JS snippets.
  assert.ok(!listed.some((file) => file.includes("snippets/")), listed.join("\n"));
  assert.deepEqual(
    listed.filter((file) => file.startsWith("package/signer/")),
    ["package/signer/signkit.d.ts", "package/signer/signkit.js", "package/signer/signkit_bg.wasm", "package/signer/signkit_bg.wasm.d.ts"],
  );
  assert.ok(!listed.some((file) => file.endsWith("sizes.md") || file.includes(".gitignore")), listed.join("\n"));
});

test("examples/node: signs on the server and sends the exact bytes", async () => {
  const server = await serve(scratch, '{"ERRORCODE":"0", "RESULT":{"groupID":"pnlmBtmoFR3IFt7y"}}\n');
  try {
    const child = spawn(process.execPath, ["sign.mjs", "--send"], {
      cwd: scratch,
      env: { ...process.env, DAOKE_APP_SECRET: SECRET, DAOKE_BASE_URL: server.url },
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const code = await new Promise((resolve) => child.on("close", resolve));
    assert.equal(code, 0, output);
    assert.equal(server.requests.length, 1);
    const [sent] = server.requests;
    assert.equal(sent.method, "POST");
    assert.equal(sent.path, "/weiboapi/v2/createGroup");
    assert.equal(sent.headers["content-type"], "application/x-www-form-urlencoded");
    assert.equal(sent.body.toString("utf8"), D03.expected_body);
    assert.match(output, /reply: ok 0/);
    assert.ok(!output.includes(SECRET), "the secret is never printed");
  } finally {
    await server.close();
  }
  // Without the secret it says what to do.
  const missing = spawn(process.execPath, ["sign.mjs"], { cwd: scratch, env: { ...process.env, DAOKE_APP_SECRET: "" } });
  assert.equal(await new Promise((resolve) => missing.on("close", resolve)), 2);
});

test("tsc resolves the installed package's declarations through its exports map", () => {
  const tsc = join(root, "node_modules/typescript/bin/tsc");
  const options = ["--noEmit", "--strict", "--noImplicitAny", "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022", "--lib", "es2022,dom"];
  try {
    execFileSync(process.execPath, [tsc, ...options, "usage-node.ts"], { cwd: scratch, encoding: "utf8", stdio: "pipe" });
  } catch (error) {
    assert.fail(`tsc failed:\n${error.stdout}${error.stderr}`);
  }
});

test("examples/plain-html: the form signs in the browser and posts the exact bytes", async () => {
  const server = await serve(scratch);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium" });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (error) => errors.push(String(error)));
    await page.goto(`${server.url}/index.html`);
    await page.waitForSelector("body[data-ready=true]");
    await page.fill("input[name=secret]", SECRET);
    await page.click("button[type=submit]");
    await page.waitForFunction(() => document.querySelector("#reply").textContent.length > 0);
    assert.deepEqual(errors, []);
    assert.equal(server.requests.length, 1);
    const [sent] = server.requests;
    assert.equal(sent.path, "/weiboapi/v2/createGroup");
    assert.equal(sent.headers["content-type"], "application/x-www-form-urlencoded");
    // The form's values are D03's; the empty callbackURL is left out, as createGroup needs.
    assert.equal(sent.body.toString("utf8"), D03.expected_body);
    assert.match(await page.textContent("#request"), new RegExp(`sign = ${D03.expected_sign}`));
    assert.equal((await page.textContent("#reply")).trim(), '{"ERRORCODE":"0", "RESULT":"ok!"}');
  } finally {
    await browser.close();
    await server.close();
  }
});
