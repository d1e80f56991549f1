// The signer-only entry point (the crate built without `full`, through the same wasm-bindgen
// pipeline): every vector in Node and in Chromium, the full package's result or error for
// every kind of bad input, bounded memory over 100k calls, calls made from inside a call,
// and the ways to load it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { root, signkit, vectors, fromBase64, loadEsm, errorCodes, expectError } from "./load.mjs";
import { vectorFailures } from "./signer-vectors.mjs";
import { serve } from "./server.mjs";

const signer = await loadEsm("pkg/signer");
const wasmBytes = readFileSync(join(root, "pkg/signer/signkit_bg.wasm"));
const signerCodes = errorCodes("pkg/signer/signkit.d.ts");

/** A fresh instance of the signer-only module (a new module record, not yet initialised). */
let fresh = 0;
const freshModule = () => import(`${pathToFileURL(join(root, "pkg/signer/signkit.js")).href}?fresh=${++fresh}`);

test("every vector through the signer-only package in Node", () => {
  const { checked, failures } = vectorFailures(signer, vectors.vectors, fromBase64);
  assert.deepEqual(failures, []);
  assert.ok(checked >= 47 * 5, `${checked} values checked`);
});

test("every vector through the signer-only package in Chromium, loaded with init()", async () => {
  const server = await serve(root);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium" });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (error) => errors.push(String(error)));
    await page.goto(`${server.url}/spec/vectors.json`);
    const result = await page.evaluate(async () => {
      const signer = await import("/pkg/signer/signkit.js");
      // init() fetches signkit_bg.wasm from next to the module.
      const exports = await signer.default();
      const again = await signer.default();
      const { vectorFailures } = await import("/tests/node/signer-vectors.mjs");
      const { vectors } = await (await fetch("/spec/vectors.json")).json();
      const fromBase64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
      const outcome = vectorFailures(signer, vectors, fromBase64);
      const caught = (call) => {
        try {
          call();
        } catch (error) {
          return { isError: error instanceof Error, name: error.name, code: error.code, field: error.field, messages: error.messages };
        }
        return null;
      };
      return {
        ...outcome,
        same: exports === again,
        wrongType: caught(() => signer.daokeSign([["a", 1]], "s")),
        refused: caught(() => signer.encodeMultipart(null, [["a", "x1y"]], "s", { boundary: "1" })),
        lone: caught(() => signer.ytxSign("a", "\uD800", "t")),
      };
    });
    assert.deepEqual(errors, []);
    assert.deepEqual(result.failures, []);
    assert.ok(result.checked >= 47 * 5, `${result.checked} values checked`);
    assert.ok(result.same, "a second init() returns the first one's exports");
    const node = (call) => {
      try {
        call();
      } catch (error) {
        return { isError: true, name: error.name, code: error.code, field: error.field, messages: error.messages };
      }
      return null;
    };
    assert.deepEqual(result.wrongType, node(() => signkit.daokeSign([["a", 1]], "s")));
    assert.deepEqual(result.refused, node(() => signkit.encodeMultipart(null, [["a", "x1y"]], "s", { boundary: "1" })));
    assert.deepEqual(result.lone, node(() => signkit.ytxSign("a", "\uD800", "t")));
    assert.equal(result.refused.code, "boundary-in-content");
  } finally {
    await browser.close();
    await server.close();
  }
});

/** What a call gives: its result, or its error as plain data. */
function outcome(call) {
  try {
    return { result: call() };
  } catch (error) {
    if (error?.name !== "SignkitError") return { thrown: String(error) };
    return { error: { isError: error instanceof Error, message: error.message, code: error.code, field: error.field, messages: error.messages } };
  }
}

/**
 * A call on both packages: the same result, or the same SignkitError. With `random`, the
 * multipart boundary may have been generated from a random seed: it and the body are
 * compared by shape only.
 */
function same(name, args, describe, random = false) {
  const unrandom = (given) => {
    if (!random || !given.result?.contentType?.includes("----WebKitFormBoundary")) return given;
    const { body, contentType, ...rest } = given.result;
    assert.match(contentType, /^multipart\/form-data; boundary=----WebKitFormBoundary[0-9A-Za-z]{16}$/);
    assert.ok(body instanceof Uint8Array);
    return { result: rest };
  };
  const full = unrandom(outcome(() => signkit[name](...args)));
  const slim = unrandom(outcome(() => signer[name](...args)));
  assert.ok(!("thrown" in full), `${describe}: the full package threw ${full.thrown}`);
  assert.deepEqual(slim, full, describe);
  if (slim.error) assert.ok(signerCodes.has(slim.error.code), `${slim.error.code} is a signer-only ErrorCode`);
  return slim;
}

const file = { name: "voiceFile", filename: "v.amr", contentType: "audio/amr", data: new Uint8Array([1, 2, 3]) };
const invite = { appid: "app", confid: "c1", parties: [{ name: "张三", phone: "15000000804" }] };
/** A valid call of each function; the grid puts odd values in each argument. */
const BASE = {
  daokeSign: [[["appKey", "1111111111"], ["note", "车\r\n"]], "s", { revealSecret: true }],
  encodeForm: ["createGroup", { appKey: "1", callbackURL: "" }, "s", undefined],
  encodeMultipart: ["inviteUserJoin", [["appKey", "1"]], "s", { files: [file], seed: 7 }],
  ytxSign: ["abcdefghijklmnopqrstuvwxyz012345", "token", "20161212093000"],
  encodeInviteMeeting: [invite],
};
const ODD = [
  undefined, null, 0, -1, NaN, 1.5, "", "x", "\uD800", "createGroup", "inviteMeeting", true, false, 1n, -1n,
  Symbol("s"), () => 1, [], [[]], [["a"]], [["a", "1", "2"]], [[1, "a"]], [["a", 1]], [["\uDC00", "a"]], [, ["a", "1"]],
  {}, { a: 1 }, { a: "1" }, { "\uD800": "x" }, { revealSecret: "false" }, { revealsecret: true }, { seed: -1 },
  { files: {} }, { files: [null] }, { files: [{ ...file, data: "x" }] }, { boundary: 5 }, { parties: [] },
  Object.create(null), new Map([["a", "1"]]), new Date(0), new Uint8Array(1), Buffer.from("x"), new (class K {})(),
  new Proxy({}, {}), new Proxy([["a", "1"]], {}),
];

/** `value` for a test message. */
function shown(value) {
  try {
    if (typeof value === "symbol" || typeof value === "function") return String(value);
    if (typeof value === "bigint") return `${value}n`;
    return `${Object.prototype.toString.call(value)} ${JSON.stringify(value)}`;
  } catch {
    return Object.prototype.toString.call(value);
  }
}

test("every odd value in every argument: the full package's result or error, and never a crash", () => {
  let calls = 0;
  for (const [name, base] of Object.entries(BASE)) {
    for (let position = 0; position < base.length; position++) {
      for (const value of ODD) {
        const args = [...base];
        args[position] = value;
        calls++;
        const random = name === "encodeMultipart" && position === 3;
        same(name, args, `${name} argument ${position} = ${shown(value)}`, random);
      }
    }
  }
  assert.equal(calls, 15 * ODD.length);
});

test("errors about names and keys: the same text, quoted or described, as the full package", () => {
  const long = "k".repeat(65);
  const awkward = ['a"b', "a\nb\t\u0001", "车队", "🚗", `${"x".repeat(64)}`, long, "\uD800z"];
  for (const key of awkward) {
    same("daokeSign", [[], "s", { [key]: true }], `unknown option ${JSON.stringify(key)}`);
    same("encodeMultipart", [null, [], "s", { files: [{ ...file, [key]: 1 }] }], `unknown file key ${JSON.stringify(key)}`);
    same("encodeInviteMeeting", [{ ...invite, parties: [{ name: "a", phone: "1", [key]: "x" }] }], `unknown party key ${JSON.stringify(key)}`);
    same("encodeForm", [key, [], "s"], `unknown api ${JSON.stringify(key)}`);
  }
  for (const api of ["creategroup", "CreateGroup", " createGroup", "inviteMeeting", "x".repeat(200)]) {
    same("encodeForm", [api, [["a", "1"]], "s"], api);
    same("encodeMultipart", [api, 42, "s"], `${api} before bad params`);
  }
});

test("lone surrogates, wherever a string is read", () => {
  const lone = "ab\uD83D";
  const cases = [
    ["daokeSign", [[["note", lone]], "s"]],
    ["daokeSign", [[[lone, "x"]], "s"]],
    ["daokeSign", [{ [lone]: "x" }, "s"]],
    ["daokeSign", [{ a: lone }, "s"]],
    ["daokeSign", [[], lone]],
    ["encodeForm", [lone, [], "s"]],
    ["encodeMultipart", [null, [], "s", { boundary: lone }]],
    ["encodeMultipart", [null, [], "s", { files: [{ ...file, filename: lone }] }]],
    ["ytxSign", [lone, "t", "20161212093000"]],
    ["ytxSign", ["a", "t", lone]],
    ["encodeInviteMeeting", [{ ...invite, appid: lone }]],
    ["encodeInviteMeeting", [{ ...invite, parties: [{ name: lone, phone: "1" }] }]],
    ["encodeInviteMeeting", [{ ...invite, customParm: lone }]],
  ];
  for (const [name, args] of cases) assert.equal(same(name, args, `${name} ${JSON.stringify(args)}`).error.code, "invalid-string");
  // A well-formed pair, U+FFFD and NUL are ordinary text.
  same("daokeSign", [[["note", "🚗\uFFFD\0"]], "s", { revealSecret: true }], "well-formed");
});

test("the input budget runs out at the same value", () => {
  const limit = 1 << 20;
  const cases = [
    ["daokeSign", [[["note", "x".repeat(limit)]], "s"]],
    ["daokeSign", [[["n", "x".repeat(limit - 5)]], ""]],
    ["daokeSign", [[["n", "x".repeat(limit - 5)]], "s"]],
    ["daokeSign", [[], "x".repeat(limit)]],
    ["daokeSign", [new Array(2 ** 31), "s"]],
    ["daokeSign", [Array.from({ length: 400_000 }, () => ["", ""]), "s"]],
    ["daokeSign", [{ ["k".repeat(limit)]: "" }, "s"]],
    ["encodeForm", ["x".repeat(limit), [], "s"]],
    ["encodeMultipart", [null, [["n", "y".repeat(1 << 19)]], "", { files: [{ ...file, data: new Uint8Array(1 << 19) }] }]],
    ["encodeMultipart", [null, [], "s", { boundary: "b".repeat(limit) }]],
    ["encodeMultipart", [null, [], "s", { files: new Array(limit) }]],
    ["ytxSign", ["a", "t".repeat(limit), "x"]],
    ["encodeInviteMeeting", [{ ...invite, parties: new Array(limit + 1) }]],
  ];
  for (const [name, args] of cases) {
    const { result, error } = same(name, args, `${name} budget`);
    if (result !== undefined) assert.match(result.sign ?? result, /./);
    else assert.equal(error.code, "input-too-large", `${name}: ${error.message}`);
  }
});

test("seeds, flags and the core's refusals", () => {
  const build = (options) => same("encodeMultipart", ["inviteUserJoin", [["appKey", "1"]], "s", options], JSON.stringify(options, (_, v) => (typeof v === "bigint" ? `${v}n` : v)));
  for (const seed of [0, -0, 7, 2 ** 32, 2 ** 32 + 5, Number.MAX_SAFE_INTEGER, 0n, 7n, 2n ** 63n, 2n ** 64n - 1n]) {
    assert.ok(build({ seed }).result, `seed ${seed}`);
  }
  assert.equal(signer.encodeMultipart(null, [], "s", { seed: 7 }).contentType, signer.encodeMultipart(null, [], "s", { seed: 7n }).contentType);
  for (const seed of [-1, 1.5, NaN, Infinity, -Infinity, 2 ** 53, -1n, 2n ** 64n, "7", {}, true]) {
    assert.ok(build({ seed }).error, `seed ${String(seed)}`);
  }
  for (const revealSecret of [true, false, null, undefined, 0, "true", {}]) build({ revealSecret, seed: 1 });
  const refusals = [
    [{ boundary: "" }, "invalid-boundary"],
    [{ boundary: "x".repeat(71) }, "invalid-boundary"],
    [{ boundary: "a;b" }, "invalid-boundary"],
    [{ boundary: "a " }, "invalid-boundary"],
    [{ boundary: "1" }, "boundary-in-content"],
    [{ boundary: "appKey" }, "boundary-in-content"],
    [{ boundary: "data", files: [{ ...file, data: new TextEncoder().encode("my data") }] }, "boundary-in-content"],
    [{ files: [file, file] }, "too-many-files"],
    [{ files: [file, file, file] }, "too-many-files"],
    [{ files: [{ ...file, name: "a-b" }] }, "invalid-file-field"],
    [{ files: [{ ...file, name: "" }] }, "invalid-file-field"],
    [{ files: [{ ...file, filename: 'a"b' }] }, "invalid-file-name"],
    [{ files: [{ ...file, contentType: "" }] }, "invalid-file-content-type"],
    [{ files: [{ ...file, contentType: "a\r\nb" }] }, "invalid-file-content-type"],
  ];
  for (const [options, code] of refusals) assert.equal(build({ seed: 1, ...options }).error.code, code, JSON.stringify(options));
  for (const name of ["encodeForm", "encodeMultipart"]) {
    assert.equal(same(name, ["inviteMeeting", [], "s"], name).error.code, "not-daoke");
  }
});

test("memory stays the same over 100k calls of every kind", async () => {
  // A fresh instance: the other tests' large inputs leave this one's memory grown.
  const signer = await freshModule();
  const memory = signer.initSync({ module: wasmBytes }).memory;
  const text = (length) => "车a\r\n🚗b%".repeat(length / 7 + 1).slice(0, length).replace(/[\uD800-\uDBFF]$/, "x");
  const kinds = [
    (n) => signer.daokeSign(Array.from({ length: n % 13 }, (_, i) => [`k${i}`, text((n * 7) % 300)]), text(n % 40), { revealSecret: true }),
    (n) => signer.encodeForm("createGroup", { appKey: "1", groupName: text(n % 90), callbackURL: "" }, "s"),
    (n) => signer.encodeMultipart("inviteUserJoin", [["appKey", text(n % 50)]], "s", { files: [{ ...file, data: new Uint8Array((n * 31) % 5000) }], seed: n }),
    (n) => signer.ytxSign(text(n % 64), "token", "20161212093000"),
    (n) => signer.encodeInviteMeeting({ ...invite, parties: Array.from({ length: n % 6 }, () => ({ name: text(9), phone: "1" })) }),
    (n) => expectError(() => signer.daokeSign([["a", text(n % 20)], [1, "x"]], "s"), "wrong-type", "params[1][0]", signerCodes),
    (n) => expectError(() => signer.encodeMultipart(null, [["a", `x${n}y`]], "s", { boundary: `${n}` }), "boundary-in-content", "boundary", signerCodes),
  ];
  const run = (count) => {
    for (let n = 0; n < count; n++) kinds[n % kinds.length](n % 997);
  };
  // Every kind at every size once: the buffers and size classes the mix needs.
  run(kinds.length * 997);
  const warm = memory.buffer.byteLength;
  run(100_000);
  assert.equal(memory.buffer.byteLength, warm, "no growth after the first round");
  assert.ok(warm < 8 * 1024 * 1024, `${warm} bytes`);
});

test("a call made from inside a call (a getter of its arguments) leaves both right", () => {
  const plain = { a: "1", b: "2", c: "3" };
  const expected = signer.daokeSign(plain, "s");
  const big = { ...file, data: new Uint8Array(300_000).fill(7) };
  const inner = [];
  const tricky = {
    a: "1",
    get b() {
      // A large inner call grows the input buffer while the outer one is half written.
      inner.push(signer.encodeMultipart(null, [["x", "y"]], "k", { files: [big], seed: 1 }).sign);
      inner.push(signer.daokeSign([["x", "y"]], "k").sign);
      try {
        signer.daokeSign([["x", 1]], "k");
      } catch (error) {
        inner.push(error.code);
      }
      return "2";
    },
    c: "3",
  };
  assert.deepEqual(signer.daokeSign(tricky, "s"), expected);
  assert.deepEqual(inner, [
    signkit.encodeMultipart(null, [["x", "y"]], "k", { files: [big], seed: 1 }).sign,
    signkit.daokeSign([["x", "y"]], "k").sign,
    "wrong-type",
  ]);
  // An exception from a getter passes through, and the next call is not disturbed.
  const boom = new Error("boom");
  assert.throws(() => signer.daokeSign({ a: "1", get b() { throw boom; } }, "s"), (e) => e === boom);
  assert.deepEqual(signer.daokeSign(plain, "s"), expected);
});


test("loading: init and initSync take the bytes, a compiled module, a Response, or { module(_or_path) }", async () => {
  // wasm-bindgen's module: calling before loading is a TypeError from its glue.
  const unloaded = await freshModule();
  assert.throws(() => unloaded.daokeSign([], "s"), TypeError);
  const compiled = new WebAssembly.Module(wasmBytes);
  const loads = [
    (m) => m.initSync({ module: wasmBytes }),
    (m) => m.initSync(wasmBytes),
    (m) => m.initSync({ module: compiled }),
    (m) => m.initSync(compiled),
    (m) => m.default({ module_or_path: wasmBytes }),
    (m) => m.default(compiled),
    (m) => m.default(Promise.resolve(new Response(wasmBytes, { headers: { "Content-Type": "application/wasm" } }))),
    (m) => m.default({ module_or_path: new Response(wasmBytes) }),
  ];
  const D17 = vectors.vectors.find((v) => v.id === "D17");
  for (const [index, load] of loads.entries()) {
    const module = await freshModule();
    const exports = await load(module);
    assert.ok(exports.memory instanceof WebAssembly.Memory, `load ${index}`);
    assert.equal(await load(module), exports, `load ${index}: a second load returns the first one's exports`);
    assert.equal(module.daokeSign(D17.inputs.params, D17.inputs.secret).sign, D17.expected_sign, `load ${index}`);
  }
});
