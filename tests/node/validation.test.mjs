// Every case of spec/validation_cases.json (spec §11.1) through `validate`, and the same
// findings through the builders' validation gate.
import { test } from "node:test";
import assert from "node:assert/strict";
import { signkit, validationCases, expectError } from "./load.mjs";

const pairsOf = (findings) => findings.map((f) => `${f.field}/${f.severity}`).sort();

test("the case file is complete", () => {
  assert.equal(validationCases.cases.length, validationCases.count);
});

for (const c of validationCases.cases) {
  test(`${c.id} ${c.api}: ${c.description}`, () => {
    const findings = signkit.validate(c.api, c.params, { mode: c.mode, clock: c.clock });
    assert.deepEqual(pairsOf(findings), pairsOf(c.expected));
    for (const expected of c.expected) {
      const finding = findings.find((f) => f.field === expected.field);
      if ("serverCode" in expected) assert.equal(finding.serverCode, expected.serverCode, expected.field);
    }
    for (const finding of findings) {
      assert.deepEqual(Object.keys(finding).sort(), [
        "class",
        "field",
        "messages",
        "rule",
        "serverCode",
        "severity",
      ]);
      assert.ok(finding.messages.en.length > 0 && finding.messages.zh.length > 0);
      assert.ok(finding.rule.length > 0);
    }

    // The daoke builder validates the same list (build mode) before building it.
    if (c.api === "inviteMeeting" || c.mode === "raw") return;
    const unchecked = signkit.buildDaokeRequest(c.api, c.params, "SECRET", { validate: false, seed: 1 });
    assert.deepEqual(unchecked.findings, findings);
    const errors = findings.filter((f) => f.severity === "error");
    if (errors.length === 0) {
      assert.deepEqual(signkit.buildDaokeRequest(c.api, c.params, "SECRET", { seed: 1 }), unchecked);
    } else {
      const error = expectError(
        () => signkit.buildDaokeRequest(c.api, c.params, "SECRET", { seed: 1 }),
        "validation-failed",
        errors[0].field,
      );
      assert.deepEqual(error.findings, findings);
      for (const { field } of errors) assert.ok(error.message.includes(field));
    }
  });
}

test("validate: a generic request gets the request-shape rules only", () => {
  const findings = signkit.validate(null, [
    ["a b", "1"],
    ["x", "1"],
    ["x", "2"],
    ["secret", "s"],
    ["sign", "stale"],
    ["whatever", "ok"],
  ]);
  assert.deepEqual(
    findings.map((f) => [f.field, f.severity, f.class, f.rule]),
    [
      ["a b", "error", "request", "request.badName"],
      ["x", "error", "request", "request.repeatedName"],
      ["secret", "error", "request", "request.secret"],
    ],
  );
  assert.deepEqual(signkit.validate(undefined, { a: "1" }), []);
});

test("validate: the clock decides the YTX timestamp window", () => {
  const params = [
    ["accountSID", "abcdefghijklmnopqrstuvwxyz012345"],
    ["authToken", "0123456789abcdef0123456789abcdef"],
    ["timestamp", "20161212093000"],
    ["appid", "ff8080813fc70a7b013fc72312324213"],
    ["confid", "002"],
    ["parties", '[{"name":"a","phone":"13900000000"}]'],
  ];
  assert.deepEqual(signkit.validate("inviteMeeting", params, { clock: "20161212100000" }), []);
  const late = signkit.validate("inviteMeeting", params, { clock: "20161214093000" });
  assert.deepEqual(pairsOf(late), ["timestamp/warn"]);
  // Without a clock the validator uses the current time: 2016 is long past.
  assert.deepEqual(pairsOf(signkit.validate("inviteMeeting", params)), ["timestamp/warn"]);
});

test("buildInviteMeeting validates its inputs at its clock", () => {
  const input = {
    accountSID: "abcdefghijklmnopqrstuvwxyz012345",
    authToken: "0123456789abcdef0123456789abcdef",
    appid: "ff8080813fc70a7b013fc72312324213",
    confid: "002",
    parties: [{ name: "a", phone: "13900000000" }],
    clock: "20161212093000",
  };
  const built = signkit.buildInviteMeeting(input);
  assert.equal(built.timestamp, "20161212093000", "the timestamp defaults to the clock");
  assert.deepEqual(built.findings, []);
  const old = signkit.buildInviteMeeting({ ...input, timestamp: "20150101000000", version: "201512" });
  assert.deepEqual(pairsOf(old.findings), ["timestamp/warn", "version/warn"]);
  const error = expectError(
    () => signkit.buildInviteMeeting({ ...input, parties: [] }),
    "validation-failed",
    "parties",
  );
  assert.deepEqual(pairsOf(error.findings), ["parties/error"]);
  const unchecked = signkit.buildInviteMeeting({ ...input, parties: [], validate: false });
  assert.deepEqual(unchecked.findings, error.findings);
  assert.ok(unchecked.body.includes('"parties":"[]"'));
});

test("buildDaokeRequest warns when the body outgrows the server's 8192-byte buffer (ME01024)", () => {
  const base = [["appKey", "1111111111"], ["accountID", "kxl1Qn1ZZd"], ["groupName", "fleet"]];
  const options = { seed: 1 };
  // The form body without the padding value, then padded to exactly 8192 bytes and one more.
  const empty = signkit.buildDaokeRequest("createGroup", [...base, ["note", ""]], "SECRET", options);
  const room = 8192 - empty.body.length;
  const fits = signkit.buildDaokeRequest("createGroup", [...base, ["note", "x".repeat(room)]], "SECRET", options);
  assert.equal(fits.body.length, 8192);
  assert.deepEqual(fits.findings.filter((f) => f.field === "(body)"), []);
  const over = signkit.buildDaokeRequest("createGroup", [...base, ["note", "x".repeat(room + 1)]], "SECRET", options);
  assert.equal(over.body.length, 8193);
  const [warning, ...more] = over.findings.filter((f) => f.field === "(body)");
  assert.deepEqual(more, []);
  assert.deepEqual(
    [warning.severity, warning.class, warning.rule, warning.serverCode],
    ["warn", "server-only", "request.bodySize", "ME01024"],
  );
  assert.match(warning.messages.en, /8193 bytes/);
  assert.match(warning.messages.zh, /8193 字节/);
  // A warning, not an error: the request is still built with validation on.
  assert.equal(over.sign.length, 40);
});
