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
