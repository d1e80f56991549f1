// The generated TypeScript declarations: no `any`, a usage file that compiles with
// `tsc --strict`, and the real results of every function compiled as literals against the
// declared types, so a result shape that drifts from its type (a missing, extra or
// differently typed member) fails here.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { signkit, root, vectors, validationCases, vectorOptions, inviteInput, loadEsm } from "./load.mjs";

const tsc = join(root, "node_modules/typescript/bin/tsc");
const TSC_OPTIONS = ["--noEmit", "--strict", "--noImplicitAny", "--target", "es2022", "--module", "es2022", "--moduleResolution", "bundler", "--lib", "es2022,dom"];

/** Runs tsc on `files`; fails the test with tsc's diagnostics. */
function typeCheck(...files) {
  try {
    execFileSync(process.execPath, [tsc, ...TSC_OPTIONS, ...files], { encoding: "utf8", stdio: "pipe" });
  } catch (error) {
    assert.fail(`tsc failed:\n${error.stdout}${error.stderr}`);
  }
}

/** `value` as a TypeScript expression (JSON, with Uint8Arrays as constructor calls). */
function literal(value) {
  if (value instanceof Uint8Array) return `new Uint8Array(${JSON.stringify([...value])})`;
  if (Array.isArray(value)) return `[${value.map(literal).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    return `{ ${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${literal(v)}`).join(", ")} }`;
  }
  return JSON.stringify(value);
}

/**
 * Compiles `checks` (pairs of a type and a value) against the declarations in `dts`: each
 * value becomes `const v: Type = <literal>`, so a missing member, an extra one (excess
 * property check) or a member of another type is a compile error. `preamble` may declare
 * helper types. A check whose third element is `true` is a value that must NOT compile.
 */
function checkShapes(dts, imports, preamble, checks) {
  const dir = mkdtempSync(join(tmpdir(), "signkit-types-"));
  try {
    const lines = [`import type { ${imports.join(", ")} } from ${JSON.stringify(dts)};`, ...preamble];
    checks.forEach(([type, value, wrong], index) => {
      // A value marked wrong must not compile: tsc reports an unused directive otherwise.
      if (wrong) lines.push("// @ts-expect-error");
      lines.push(`export const v${index}: ${type} = ${literal(value)};`);
    });
    const file = join(dir, "shapes.ts");
    writeFileSync(file, lines.join("\n"));
    typeCheck(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What a thrown SignkitError carries, as a plain object. */
const errorShape = (error) => ({ ...error, name: error.name, message: error.message });

const catching = (call) => {
  try {
    call();
  } catch (error) {
    return error;
  }
  assert.fail("expected an error");
};

const dtsFiles = ["pkg", "pkg/node", "pkg/signer"].flatMap((dir) =>
  readdirSync(join(root, dir))
    .filter((name) => name.endsWith(".d.ts"))
    .map((name) => `${dir}/${name}`),
);

test("no declaration file says `any`, except wasm-bindgen's raw exports", () => {
  // wasm-bindgen declares the module's raw exports too (InitOutput, *_bg.wasm.d.ts), whose
  // externref parameters it types `any`; those are its ABI, not signkit's API, and are
  // left as generated. Every other `any` as a type (not a property called "any") fails.
  assert.deepEqual(dtsFiles, [
    "pkg/signkit.d.ts",
    "pkg/signkit_bg.wasm.d.ts",
    "pkg/node/signkit.d.ts",
    "pkg/node/signkit_bg.wasm.d.ts",
    "pkg/signer/signkit.d.ts",
    "pkg/signer/signkit_bg.wasm.d.ts",
  ]);
  const rawExport = /^\s*(readonly|export const) \w+: \((\w: (any|number)(, )?)*\) => /;
  for (const file of dtsFiles) {
    const text = readFileSync(join(root, file), "utf8");
    const lines = text.split("\n").filter((line) => /\bany\b(?!\??:)/.test(line) && !rawExport.test(line));
    assert.deepEqual(lines, [], file);
  }
  // The check would see one.
  assert.ok(/\bany\b(?!\??:)/.test("export type X = { a: any };"));
  assert.ok(!/\bany\b(?!\??:)/.test("| { any: Check[] }"));
});

/** The signatures both packages declare. */
const ENCODER_SIGNATURES = [
  "export function daokeSign(params: Params, secret: string, options?: DaokeSignOptions): DaokeSignResult;",
  "export function encodeForm(api: DaokeApiName | null, params: Params, secret: string, options?: DaokeSignOptions): FormBody;",
  "export function encodeMultipart(api: DaokeApiName | null, params: Params, secret: string, options?: EncodeMultipartOptions): MultipartBody;",
  "export function ytxSign(accountSID: string, authToken: string, timestamp: string): YtxSignResult;",
  "export function encodeInviteMeeting(input: InviteMeetingBodyInput): string;",
];

test("every export is declared, with its documented signature", () => {
  const dts = readFileSync(join(root, "pkg/signkit.d.ts"), "utf8");
  for (const signature of [
    "export function daokeSign(params: Params, secret: string, options?: DaokeSignOptions): DaokeSignResult;",
    "export function buildDaokeRequest(api: DaokeApiName | null, params: Params, secret: string, options?: BuildDaokeOptions): DaokeRequest;",
    "export function validate(api: ApiName | null, params: Params, options?: ValidateOptions): Finding[];",
    "export function ytxSign(accountSID: string, authToken: string, timestamp: string): YtxSignResult;",
    "export function buildInviteMeeting(input: InviteMeetingInput): InviteMeetingRequest;",
    "export function decodeReply(api: ApiName, text: string): Reply;",
    "export function endpoints(): EndpointDescription[];",
    "export function isSignkitError(value: unknown): value is SignkitError;",
    ...ENCODER_SIGNATURES,
  ]) {
    assert.ok(dts.includes(signature), signature);
  }
  const signer = readFileSync(join(root, "pkg/signer/signkit.d.ts"), "utf8");
  for (const signature of ENCODER_SIGNATURES) assert.ok(signer.includes(signature), signature);
  const node = readFileSync(join(root, "pkg/node/signkit.d.ts"), "utf8");
  const exported = Object.keys(signkit).sort();
  assert.deepEqual(exported, [
    "buildDaokeRequest",
    "buildInviteMeeting",
    "daokeSign",
    "decodeReply",
    "encodeForm",
    "encodeInviteMeeting",
    "encodeMultipart",
    "endpoints",
    "isSignkitError",
    "validate",
    "ytxSign",
  ]);
  for (const name of exported) assert.ok(node.includes(`export function ${name}(`), name);
});

test("tests/node/usage.ts compiles against pkg/signkit.d.ts with --strict", () => {
  typeCheck(join(root, "tests/node/usage.ts"));
});

test("tests/node/usage-signer.ts compiles against pkg/signer/signkit.d.ts with --strict", () => {
  typeCheck(join(root, "tests/node/usage-signer.ts"));
});

test("real results have exactly their declared types (full package)", () => {
  const checks = [];
  for (const vector of vectors.vectors) {
    if (vector.scheme === "daoke-sha1") {
      const { params, secret } = vector.inputs;
      const { files, boundary } = vectorOptions(vector);
      checks.push(["DaokeSignResult", signkit.daokeSign(params, secret)]);
      checks.push(["DaokeRequest", signkit.buildDaokeRequest(vector.api, params, secret, vectorOptions(vector, { validate: false }))]);
      checks.push(["FormBody", signkit.encodeForm(vector.api, params, secret)]);
      checks.push(["MultipartBody", signkit.encodeMultipart(vector.api, params, secret, { files, boundary })]);
    } else {
      const { accountSID, authToken, timestamp } = vector.inputs;
      checks.push(["YtxSignResult", signkit.ytxSign(accountSID, authToken, timestamp)]);
      checks.push(["InviteMeetingRequest", signkit.buildInviteMeeting(inviteInput(vector, { validate: false }))]);
    }
  }
  checks.push(["DaokeRequest", signkit.buildDaokeRequest("createGroup", [["appKey", "x"]], "s", { validate: false })]);
  for (const c of validationCases.cases) {
    checks.push(["Finding[]", signkit.validate(c.api, c.params, { mode: c.mode, clock: c.clock })]);
  }
  const replies = [
    ["createGroup", '{"ERRORCODE":"0", "RESULT":{"groupID":"pnlmBtmoFR3IFt7y"}}\n'],
    ["verifyApplyJoiningMember", '{"ERRORCODE":"0", "RESULT":[{"accountID":"kxl1QuHKCD","status":0},{"accountID":"WFlYtlfPlg","status":-1}]}\n'],
    ["applyMicroChannel", '{"ERRORCODE":"0", "RESULT":"ok!"}\n'],
    ["inviteUserJoin", '{"ERRORCODE":"0", "RESULT":{"count":3}}\n'],
    ["inviteMeeting", '{"statusCode":"0","statusMsg":"提交成功","requestId":"2016010000000205"}'],
    ["createGroup", '{"ERRORCODE":"0", "RESULT":"ok!"}\n'],
    ["createGroup", '{"ERRORCODE":"ME01023", "RESULT":"groupName is error!"}\n'],
    ["inviteUserJoin", '{"ERRORCODE":"ME01023", "RESULT":"a "quoted" error is error!"}\n'],
    ["inviteMeeting", '{"statusCode":"-2","statusMsg":"缺少必要参数","requestId":""}'],
    ["createGroup", "<html>502 Bad Gateway</html>"],
    ["createGroup", ""],
  ];
  const kinds = new Set();
  for (const [api, text] of replies) {
    const reply = signkit.decodeReply(api, text);
    kinds.add(reply.outcome.kind);
    checks.push(["Reply", reply]);
  }
  assert.deepEqual([...kinds].sort(), ["channelApplied", "failed", "groupCreated", "invited", "meetingInvited", "ok", "unrecognised", "verified"]);
  checks.push(["EndpointDescription[]", signkit.endpoints()]);
  const errors = [
    catching(() => signkit.daokeSign(1, "s")),
    catching(() => signkit.buildDaokeRequest(null, [], "s")),
    catching(() => signkit.buildDaokeRequest("createGroup", [], "s")),
    catching(() => signkit.validate("x", [])),
  ];
  for (const error of errors) checks.push(["ErrorShape", errorShape(error)]);
  checkShapes(
    join(root, "pkg/signkit.js"),
    ["DaokeSignResult", "DaokeRequest", "FormBody", "MultipartBody", "YtxSignResult", "InviteMeetingRequest", "Finding", "Reply", "EndpointDescription", "SignkitError"],
    ['type ErrorShape = Pick<SignkitError, "name" | "message" | "code" | "field" | "messages" | "findings">;'],
    checks,
  );
});

test("the shape check notices drift (negative control)", () => {
  const signed = signkit.daokeSign([["a", "1"]], "s");
  const finding = signkit.validate("createGroup", [["appKey", "x"]])[0];
  const reply = signkit.decodeReply("createGroup", '{"ERRORCODE":"0", "RESULT":"ok!"}');
  const built = signkit.buildDaokeRequest("createGroup", [["appKey", "1"]], "s", { validate: false });
  checkShapes(
    join(root, "pkg/signkit.js"),
    ["DaokeSignResult", "Finding", "Reply", "DaokeRequest"],
    [],
    [
      ["DaokeSignResult", signed],
      ["DaokeSignResult", { ...signed, extra: 1 }, true],
      ["DaokeSignResult", { sign: signed.sign, stringToSign: signed.stringToSign }, true],
      ["Finding", finding],
      ["Finding", { ...finding, severity: "info" }, true],
      ["Finding", { ...finding, serverCode: undefined }, true],
      ["Reply", reply],
      ["Reply", { ...reply, outcome: { kind: "bogus" } }, true],
      ["DaokeRequest", built],
      ["DaokeRequest", { ...built, body: Buffer.from(built.body).toString() }, true],
    ],
  );
});

test("signer-only results have exactly the signer-only declared types", async () => {
  const signer = await loadEsm("pkg/signer");
  const checks = [];
  for (const vector of vectors.vectors) {
    if (vector.scheme === "daoke-sha1") {
      const { params, secret } = vector.inputs;
      const { files, boundary } = vectorOptions(vector);
      checks.push(["DaokeSignResult", signer.daokeSign(params, secret)]);
      checks.push(["FormBody", signer.encodeForm(vector.api, params, secret)]);
      checks.push(["MultipartBody", signer.encodeMultipart(vector.api, params, secret, { files, boundary })]);
    } else {
      const { accountSID, authToken, timestamp } = vector.inputs;
      const { appid, confid, parties, customParm, action } = inviteInput(vector);
      checks.push(["YtxSignResult", signer.ytxSign(accountSID, authToken, timestamp)]);
      checks.push(["string", signer.encodeInviteMeeting({ appid, confid, parties, customParm, action })]);
    }
  }
  checks.push(["FormBody", { ...signer.encodeForm(null, [], "s"), contentType: "text/plain" }, true]);
  checks.push(["MultipartBody", { ...signer.encodeMultipart(null, [], "s"), body: "" }, true]);
  const error = catching(() => signer.encodeForm(null, [], 1));
  checks.push(["ErrorShape", errorShape(error)]);
  checks.push(["ErrorShape", { ...errorShape(error), findings: [] }, true]);
  checks.push(["ErrorShape", { ...errorShape(error), code: "validation-failed" }, true]);
  checkShapes(
    join(root, "pkg/signer/signkit.js"),
    ["DaokeSignResult", "FormBody", "MultipartBody", "YtxSignResult", "SignkitError"],
    ['type ErrorShape = Pick<SignkitError, "name" | "message" | "code" | "field" | "messages">;'],
    checks,
  );
});
