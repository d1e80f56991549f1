// Every case of spec/doctor_cases.json (spec/doctor.md D7) through `diagnose` of the
// `signkit/doctor` entry point (pkg/doctor/, built by `./dev pkg`), one test per case; its
// errors and its secret handling.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { root, loadEsm, errorCodes, expectError } from "./load.mjs";

const doctor = await loadEsm("pkg/doctor");
const cases = JSON.parse(readFileSync(`${root}spec/doctor_cases.json`, "utf8"));
const codes = errorCodes("pkg/doctor/signkit.d.ts");

test("the case file is complete", () => {
  assert.equal(cases.cases.length, cases.count);
});

const ids = (diagnosis, confirmed) =>
  diagnosis.mistakes.filter((m) => m.confirmed === confirmed).map((m) => m.id);

for (const c of cases.cases) {
  test(`${c.id}: ${c.description}`, () => {
    const diagnosis = doctor.diagnose(c.capture, c.options);
    const { expect } = c;
    assert.equal(diagnosis.verdict, expect.verdict);
    assert.deepEqual(ids(diagnosis, true).sort(), [...expect.confirmed].sort());
    for (const id of expect.suspected) assert.ok(ids(diagnosis, false).includes(id), `suspect ${id}`);
    if (expect.serverSees) {
      const text = diagnosis.serverSees.filter((s) => s.kind === "text").map((s) => [s.name, s.value]);
      assert.deepEqual(text, expect.serverSees);
    }
    if (expect.firstDifference) assert.equal(diagnosis.firstDifference?.offset, expect.firstDifference.offset);
    // The D3 shape, every message bilingual, no secret shown.
    assert.deepEqual(Object.keys(diagnosis).sort(), [
      "api", "expectedSign", "findings", "firstDifference", "input", "mistakes", "providedSign",
      "serverSees", "stringToSign", "vendor", "verdict",
    ]);
    for (const m of diagnosis.mistakes) assert.ok(m.message.en.length > 0 && /[\u4e00-\u9fff]/.test(m.message.zh));
    for (const secret of [c.options.secret, c.options.authToken].filter(Boolean)) {
      assert.ok(!JSON.stringify(diagnosis).includes(secret), "the secret is not shown");
    }
  });
}

test("revealSecret shows the secret in stringToSign", () => {
  const c = cases.cases.find((c) => c.id === "DC-054");
  const diagnosis = doctor.diagnose(c.capture, { ...c.options, revealSecret: true });
  assert.ok(diagnosis.stringToSign.includes(c.options.secret));
  assert.equal(diagnosis.verdict, "match");
});

test("wrong option types throw a SignkitError", () => {
  expectError(() => doctor.diagnose(42), "wrong-type", "capture", codes);
  expectError(() => doctor.diagnose("x", { api: "nope" }), "invalid-value", "options.api", codes);
  expectError(() => doctor.diagnose("x", { secrett: "s" }), "unknown-key", "options.secrett", codes);
  expectError(() => doctor.diagnose("x", { now: "2026" }), "invalid-value", "options.now", codes);
});

test("every diagnosis compiles against the declared Diagnosis type (tsc --strict)", async () => {
  const { execFileSync } = await import("node:child_process");
  const { mkdtempSync, writeFileSync, rmSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = mkdtempSync(join(tmpdir(), "signkit-doctor-types-"));
  try {
    const module = JSON.stringify(`${root}pkg/doctor/signkit.js`);
    const lines = [
      `import init, { diagnose, type Diagnosis, type DiagnoseOptions, type MistakeId } from ${module};`,
      "export async function use(capture: string, secret: string): Promise<MistakeId[]> {",
      "  await init();",
      '  const options: DiagnoseOptions = { secret, api: "createGroup", now: "20261201103000", revealSecret: false };',
      "  const d: Diagnosis = diagnose(capture, options);",
      '  // @ts-expect-error: not an endpoint name',
      '  diagnose(capture, { api: "createGroups" });',
      "  return d.mistakes.filter((m) => m.confirmed).map((m) => m.id);",
      "}",
    ];
    cases.cases.forEach((c, index) => {
      lines.push(`export const v${index}: Diagnosis = ${JSON.stringify(doctor.diagnose(c.capture, c.options))};`);
    });
    const file = join(dir, "doctor.ts");
    writeFileSync(file, lines.join("\n"));
    const tsc = join(root, "node_modules/typescript/bin/tsc");
    const options = ["--noEmit", "--strict", "--noImplicitAny", "--target", "es2022", "--module", "es2022",
      "--moduleResolution", "bundler", "--lib", "es2022,dom"];
    try {
      execFileSync(process.execPath, [tsc, ...options, file], { encoding: "utf8", stdio: "pipe" });
    } catch (error) {
      assert.fail(`tsc failed:\n${error.stdout}${error.stderr}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the doctor's declarations say `any` only in wasm-bindgen's raw exports", () => {
  const dts = readFileSync(`${root}pkg/doctor/signkit.d.ts`, "utf8");
  const api = dts.slice(0, dts.indexOf("export type InitInput"));
  assert.ok(api.length > 0 && !/:\s*any\b|<any>|any\[\]/.test(api), "no `any` in the API declarations");
});
