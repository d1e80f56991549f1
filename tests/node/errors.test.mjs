// Wrong input of every kind gets a SignkitError (a real Error with code, field and
// bilingual messages), never a crash: after every failure the module keeps working.
import { test } from "node:test";
import assert from "node:assert/strict";
import { signkit, expectError } from "./load.mjs";

const {
  daokeSign,
  buildDaokeRequest,
  validate,
  ytxSign,
  buildInviteMeeting,
  decodeReply,
  endpoints,
} = signkit;

/** D17's inputs and sign: the module must still produce it after every error. */
const D17 = [["appKey", "1111111111"], ["accountID", "abcdefghij"], ["accessToken", "tok"], ["Zeta", "z"]];
const D17_SIGN = "69600B8D50A96D422306CA0FD3F213CA1459BA6D";
const stillWorks = () => assert.equal(daokeSign(D17, "TESTSECRET0123456789").sign, D17_SIGN);

const invite = {
  accountSID: "abcdefghijklmnopqrstuvwxyz012345",
  authToken: "0123456789abcdef0123456789abcdef",
  appid: "ff8080813fc70a7b013fc72312324213",
  confid: "002",
  parties: [{ name: "a", phone: "13900000000" }],
  clock: "20161212093000",
};

test("params of the wrong shape", () => {
  for (const params of [undefined, null, 42, "appKey=1", true, 1n, Symbol("p"), () => 1, new Map([["a", "1"]]), new Date(0), new Uint8Array(2), new (class P {})()]) {
    expectError(() => daokeSign(params, "s"), "wrong-type", "params");
  }
  expectError(() => daokeSign([["a"]], "s"), "wrong-type", "params[0]");
  expectError(() => daokeSign([["a", "1", "2"]], "s"), "wrong-type", "params[0]");
  expectError(() => daokeSign([["a", "1"], "b=2"], "s"), "wrong-type", "params[1]");
  expectError(() => daokeSign([["a", 1]], "s"), "wrong-type", "params[0][1]");
  expectError(() => daokeSign([[1, "a"]], "s"), "wrong-type", "params[0][0]");
  expectError(() => daokeSign([["a", null]], "s"), "wrong-type", "params[0][1]");
  expectError(() => daokeSign({ a: "1", b: 2 }, "s"), "wrong-type", "params.b");
  expectError(() => daokeSign({ a: undefined }, "s"), "wrong-type", "params.a");
  expectError(() => daokeSign([, ["a", "1"]], "s"), "wrong-type", "params[0]"); // a hole
  const error = expectError(() => daokeSign([["tempChannelID", 123520]], "s"), "wrong-type");
  assert.match(error.message, /must be a string, but it is a number/);
  // An object with a null prototype is a plain object too.
  const bare = Object.assign(Object.create(null), { appKey: "1" });
  assert.equal(daokeSign(bare, "s").sign, daokeSign([["appKey", "1"]], "s").sign);
  stillWorks();
});

test("other arguments of the wrong type", () => {
  for (const secret of [undefined, null, 1, {}, ["s"]]) {
    expectError(() => daokeSign([], secret), "wrong-type", "secret");
  }
  expectError(() => daokeSign([], "s", "reveal"), "wrong-type", "options");
  expectError(() => daokeSign([], "s", []), "wrong-type", "options");
  expectError(() => daokeSign([], "s", { revealSecret: "false" }), "wrong-type", "options.revealSecret");
  expectError(() => daokeSign([], "s", { revealsecret: true }), "unknown-key", "options.revealsecret");
  assert.equal(daokeSign([], "s", null).sign, daokeSign([], "s").sign);
  assert.equal(daokeSign([], "s", { revealSecret: undefined }).stringToSign, "secret<secret>");

  expectError(() => buildDaokeRequest(5, [], "s"), "wrong-type", "api");
  expectError(() => buildDaokeRequest("creategroup", [], "s"), "unknown-api", "api");
  expectError(() => buildDaokeRequest("inviteMeeting", [], "s"), "not-daoke", "api");
  expectError(() => buildDaokeRequest("createGroup", [], "s", { encodeing: "multipart" }), "unknown-key", "options.encodeing");
  expectError(() => buildDaokeRequest("createGroup", [], "s", { encoding: "json" }), "invalid-value", "options.encoding");
  expectError(() => buildDaokeRequest("createGroup", [], "s", { validate: 0 }), "wrong-type", "options.validate");
  expectError(() => buildDaokeRequest("createGroup", [], "s", { files: {} }), "wrong-type", "options.files");
  expectError(() => buildDaokeRequest("createGroup", [], "s", { files: [null] }), "wrong-type", "options.files[0]");
  const file = { name: "voiceFile", filename: "v.amr", contentType: "audio/amr", data: new Uint8Array([1]) };
  expectError(() => buildDaokeRequest("inviteUserJoin", [], "s", { validate: false, files: [{ ...file, data: "x" }] }), "wrong-type", "options.files[0].data");
  expectError(() => buildDaokeRequest("inviteUserJoin", [], "s", { validate: false, files: [{ ...file, size: 1 }] }), "unknown-key", "options.files[0].size");
  expectError(() => buildDaokeRequest("inviteUserJoin", [], "s", { validate: false, files: [{ ...file, filename: undefined }] }), "wrong-type", "options.files[0].filename");
  // A Node Buffer is a Uint8Array.
  const withBuffer = buildDaokeRequest("inviteUserJoin", [], "s", { validate: false, seed: 1, files: [{ ...file, data: Buffer.from([1]) }] });
  const withArray = buildDaokeRequest("inviteUserJoin", [], "s", { validate: false, seed: 1, files: [file] });
  assert.deepEqual(withBuffer.body, withArray.body);

  expectError(() => validate("createGroup", [], { mode: "strict" }), "invalid-value", "options.mode");
  expectError(() => validate("createGroup", [], { clock: "2016-12-12" }), "invalid-value", "options.clock");
  expectError(() => validate("createGroup", [], { clock: "20161332093000" }), "invalid-value", "options.clock");
  expectError(() => validate("CreateGroup", []), "unknown-api", "api");

  expectError(() => ytxSign(1, "t", "20161212093000"), "wrong-type", "accountSID");
  expectError(() => ytxSign("a", undefined, "20161212093000"), "wrong-type", "authToken");
  expectError(() => ytxSign("a", "t"), "wrong-type", "timestamp");

  expectError(() => buildInviteMeeting(), "wrong-type", "input");
  expectError(() => buildInviteMeeting([]), "wrong-type", "input");
  expectError(() => buildInviteMeeting({ ...invite, appid: undefined }), "wrong-type", "input.appid");
  expectError(() => buildInviteMeeting({ ...invite, CustomParm: "x" }), "unknown-key", "input.CustomParm");
  expectError(() => buildInviteMeeting({ ...invite, parties: "[]" }), "wrong-type", "input.parties");
  expectError(() => buildInviteMeeting({ ...invite, parties: [{ name: "a", phone: 139 }] }), "wrong-type", "input.parties[0].phone");
  expectError(() => buildInviteMeeting({ ...invite, parties: [{ name: "a", phone: "1", tel: "2" }] }), "unknown-key", "input.parties[0].tel");
  expectError(() => buildInviteMeeting({ ...invite, environment: "prod" }), "invalid-value", "input.environment");
  expectError(() => buildInviteMeeting({ ...invite, clock: "now" }), "invalid-value", "input.clock");
  assert.equal(buildInviteMeeting({ ...invite, environment: "production" }).host, "api.ytx.net");

  expectError(() => decodeReply(null, "{}"), "wrong-type", "api");
  expectError(() => decodeReply("createGroup", undefined), "wrong-type", "text");
  expectError(() => decodeReply("createGroup", new Uint8Array(1)), "wrong-type", "text");
  stillWorks();
});

test("build errors from the core keep their code and field", () => {
  const params = [["appKey", "1"]];
  const options = { validate: false };
  expectError(() => buildDaokeRequest(null, params, "s"), "missing-path", "path");
  expectError(() => buildDaokeRequest(null, params, "s", { path: "relative" }), "invalid-path", "path");
  expectError(() => buildDaokeRequest("createGroup", params, "s", { ...options, host: "http://x" }), "invalid-host", "host");
  expectError(() => buildDaokeRequest("inviteUserJoin", params, "s", { ...options, boundary: "" }), "invalid-boundary");
  expectError(() => buildDaokeRequest("inviteUserJoin", params, "s", { ...options, boundary: "1" }), "boundary-in-content");
  const file = { name: "voiceFile", filename: "v.amr", contentType: "audio/amr", data: new Uint8Array(1) };
  expectError(() => buildDaokeRequest("createGroup", params, "s", { ...options, files: [file] }), "files-need-multipart", "files");
  expectError(() => buildDaokeRequest("inviteUserJoin", params, "s", { ...options, files: [file, file] }), "too-many-files", "files");
  expectError(() => buildDaokeRequest("inviteUserJoin", params, "s", { ...options, files: [{ ...file, name: "a-b" }] }), "invalid-file-field");
  expectError(() => buildDaokeRequest("inviteUserJoin", params, "s", { ...options, files: [{ ...file, filename: 'a"b' }] }), "invalid-file-name");
  expectError(() => buildDaokeRequest("inviteUserJoin", params, "s", { ...options, files: [{ ...file, contentType: "" }] }), "invalid-file-content-type");
  stillWorks();
});

test("seeds: safe integers and 64-bit bigints, the same seed giving the same boundary", () => {
  const build = (seed) => buildDaokeRequest("inviteUserJoin", [], "s", { validate: false, seed }).contentType;
  assert.equal(build(7), build(7n));
  assert.notEqual(build(7), build(8));
  assert.equal(build(2n ** 64n - 1n), build(2n ** 64n - 1n));
  assert.equal(build(Number.MAX_SAFE_INTEGER), build(BigInt(Number.MAX_SAFE_INTEGER)));
  for (const seed of [-1, 1.5, NaN, Infinity, 2 ** 53, -1n, 2n ** 64n]) {
    expectError(() => build(seed), "invalid-value", "options.seed");
  }
  expectError(() => build("7"), "wrong-type", "options.seed");
  // Without a seed the boundary comes from crypto.getRandomValues: fresh every time.
  const random = new Set(Array.from({ length: 8 }, () => build(undefined)));
  assert.equal(random.size, 8);
  for (const contentType of random) assert.match(contentType, /^multipart\/form-data; boundary=----WebKitFormBoundary[0-9A-Za-z]{16}$/);
});

test("lone surrogates are refused wherever a string is read", () => {
  const lone = "ab\uD83D"; // the first half of an emoji
  expectError(() => daokeSign([["note", lone]], "s"), "invalid-string", "params[0][1]");
  expectError(() => daokeSign([[lone, "x"]], "s"), "invalid-string", "params[0][0]");
  expectError(() => daokeSign({ [lone]: "x" }, "s"), "invalid-string", "params");
  expectError(() => daokeSign([], "\uDC00"), "invalid-string", "secret");
  expectError(() => ytxSign("a", "t", `2016${lone}`), "invalid-string", "timestamp");
  expectError(() => buildInviteMeeting({ ...invite, parties: [{ name: lone, phone: "1" }] }), "invalid-string", "input.parties[0].name");
  expectError(() => decodeReply("createGroup", `{"ERRORCODE":"${lone}"}`), "invalid-string", "text");
  // A well-formed pair is fine: emoji are signed as their UTF-8 bytes.
  assert.match(daokeSign([["note", "🚗"]], "s").sign, /^[0-9A-F]{40}$/);
  stillWorks();
});

test("oversized input is refused before it is copied", () => {
  const huge = "x".repeat((1 << 20) + 1);
  expectError(() => daokeSign([["note", huge]], "s"), "input-too-large", "params[0][1]");
  expectError(() => daokeSign([], huge), "input-too-large", "secret");
  expectError(() => decodeReply("createGroup", huge), "input-too-large", "text");
  expectError(() => daokeSign(new Array(2 ** 31), "s"), "input-too-large", "params");
  // Many small strings count too: each string and element costs at least one unit.
  const many = Array.from({ length: 400_000 }, () => ["", ""]);
  expectError(() => daokeSign(many, "s"), "input-too-large");
  const bigFile = { name: "f", filename: "f", contentType: "a/b", data: new Uint8Array(1 << 20) };
  expectError(() => buildDaokeRequest("inviteUserJoin", [], "s", { validate: false, files: [bigFile] }), "input-too-large", "options.files[0].data");
  // Just under the limit works.
  const large = "y".repeat(500_000);
  assert.match(daokeSign([["note", large]], "s").sign, /^[0-9A-F]{40}$/);
  stillWorks();
});

test("exceptions thrown by getters and proxies are passed through, and the module survives", () => {
  const boom = new Error("boom");
  const getter = {
    get appKey() {
      throw boom;
    },
  };
  assert.throws(() => daokeSign(getter, "s"), (e) => e === boom);
  const proxy = new Proxy([["a", "1"]], {
    get(target, key) {
      if (key === "0") throw boom;
      return Reflect.get(target, key);
    },
  });
  assert.throws(() => daokeSign(proxy, "s"), (e) => e === boom);
  const options = new Proxy({}, { ownKeys() { throw boom; } });
  assert.throws(() => daokeSign([], "s", options), (e) => e === boom);
  for (let i = 0; i < 1000; i++) assert.throws(() => daokeSign(getter, "s"), (e) => e === boom);
  stillWorks();
});

test("no input makes the module crash: a grid of odd values in every argument position", () => {
  const odd = [undefined, null, 0, -1, NaN, "", "\uD800", "createGroup", true, 1n, Symbol.iterator, [], [[]], [["", ""]], {}, { a: "" }, Object.create(null), new Map(), new Uint8Array(0), () => {}, new Proxy({}, {})];
  const functions = { daokeSign, buildDaokeRequest, validate, ytxSign, buildInviteMeeting, decodeReply };
  let calls = 0;
  for (const [name, fn] of Object.entries(functions)) {
    for (let position = 0; position < 4; position++) {
      for (const value of odd) {
        const args = ["createGroup", [], "s", undefined];
        if (name === "daokeSign") args.splice(0, 4, [], "s", undefined);
        if (name === "ytxSign") args.splice(0, 4, "a", "t", "20161212093000");
        if (name === "buildInviteMeeting") args.splice(0, 4, { ...invite });
        if (name === "decodeReply") args.splice(0, 4, "createGroup", "");
        args[position] = value;
        calls++;
        try {
          fn(...args);
        } catch (error) {
          // Only structured errors: a wasm trap would be a RuntimeError.
          if (!(error instanceof Error && error.name === "SignkitError")) {
            assert.fail(`${name} argument ${position} = ${Object.prototype.toString.call(value)}: ${error}`);
          }
        }
      }
    }
  }
  assert.ok(calls > 400);
  assert.equal(endpoints().length, 5);
  stillWorks();
});

test("isSignkitError tells signkit's errors from others", () => {
  const { isSignkitError } = signkit;
  const thrown = expectError(() => daokeSign(1, "s"), "wrong-type", "params");
  assert.equal(isSignkitError(thrown), true);
  const validation = expectError(() => buildDaokeRequest("createGroup", [], "s"), "validation-failed");
  assert.equal(isSignkitError(validation), true);
  const lookalike = { name: "SignkitError", code: "wrong-type", message: "x" };
  for (const other of [new Error("x"), new TypeError("x"), lookalike, null, undefined, "SignkitError", 0]) {
    assert.equal(isSignkitError(other), false, String(other));
  }
});

test("option objects read by serde: absent keys, getters and proxies", () => {
  // A required input that is absent altogether is named like one that is undefined.
  const { appid, ...withoutAppid } = invite;
  assert.ok(appid);
  expectError(() => buildInviteMeeting(withoutAppid), "wrong-type", "input.appid");
  // Exceptions thrown while reading an option object pass through unchanged.
  const boom = new Error("boom");
  const options = {
    get seed() {
      throw boom;
    },
  };
  assert.throws(() => buildDaokeRequest("inviteUserJoin", [], "s", options), (e) => e === boom);
  const input = new Proxy({ ...invite }, { ownKeys() { throw boom; } });
  assert.throws(() => buildInviteMeeting(input), (e) => e === boom);
  // Several mistakes: the first field in declaration order is reported.
  expectError(() => buildDaokeRequest("createGroup", [], "s", { encoding: 1, boundary: 2 }), "wrong-type", "options.encoding");
  stillWorks();
});
