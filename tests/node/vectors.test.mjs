// Every known-answer vector of spec/vectors.json (spec §9) through the JS API.
import { test } from "node:test";
import assert from "node:assert/strict";
import { signkit, vectors, vectorOptions, inviteInput } from "./load.mjs";

const daoke = vectors.vectors.filter((v) => v.scheme === "daoke-sha1");
const ytx = vectors.vectors.filter((v) => v.scheme === "ytx-md5");
const utf8 = new TextEncoder();

test("the vector file is complete", () => {
  assert.equal(vectors.vectors.length, vectors.count);
  assert.equal(daoke.length + ytx.length, vectors.count);
});

for (const vector of daoke) {
  const { secret, params } = vector.inputs;

  test(`${vector.id} buildDaokeRequest (${vector.api ?? "generic"}, ${vector.inputs.encoding})`, () => {
    // Vectors stop before validation (spec §9), so the build does not validate.
    const built = signkit.buildDaokeRequest(
      vector.api,
      params,
      secret,
      vectorOptions(vector, { revealSecret: true, validate: false }),
    );
    assert.equal(built.sign, vector.expected_sign);
    assert.equal(built.stringToSign, vector.string_to_sign);
    assert.deepEqual(built.sortedKeys, vector.sorted_keys);
    assert.equal(built.contentType, vector.expected_content_type);
    assert.ok(built.body instanceof Uint8Array);
    assert.deepEqual(built.body, utf8.encode(vector.expected_body));
    assert.equal(built.body.length, vector.expected_content_length);
    assert.equal(built.method, "POST");
    assert.deepEqual(built.headers, [["Content-Type", vector.expected_content_type]]);
    assert.ok(built.raw.endsWith(`\r\n\r\n${vector.expected_body}`));
    assert.ok(built.raw.includes(`\r\nContent-Length: ${vector.expected_content_length}\r\n`));
  });

  test(`${vector.id} daokeSign`, () => {
    // The generic signer applies no endpoint omission: the canonical params (steps 1-3)
    // always give the vector's sign; the caller's params do whenever step 3 removes nothing.
    const canonical = signkit.daokeSign(vector.canonical_params, secret, { revealSecret: true });
    assert.equal(canonical.sign, vector.expected_sign);
    assert.equal(canonical.stringToSign, vector.string_to_sign);
    assert.deepEqual(canonical.sortedKeys, vector.sorted_keys);
    const generic = signkit.daokeSign(params, secret, { revealSecret: true });
    if (vector.tags.includes("api-omission")) {
      assert.notEqual(generic.sign, vector.expected_sign);
    } else {
      assert.equal(generic.sign, vector.expected_sign);
      assert.equal(generic.stringToSign, vector.string_to_sign);
    }
    // A plain object gives the same result when the names are distinct and not integer-like.
    const names = params.map(([name]) => name);
    if (new Set(names).size === names.length && !names.some((n) => /^\d+$/.test(n))) {
      const fromObject = signkit.daokeSign(Object.fromEntries(params), secret, { revealSecret: true });
      assert.deepEqual(fromObject, generic);
    }
  });
}

for (const vector of ytx) {
  const { accountSID, authToken, timestamp } = vector.inputs;

  test(`${vector.id} ytxSign`, () => {
    const signed = signkit.ytxSign(accountSID, authToken, timestamp);
    assert.equal(signed.sign, vector.expected_sign);
    assert.equal(signed.authorization, vector.expected_authorization);
    assert.equal(signed.authorizationPlain, vector.authorization_plain);
    assert.equal(signed.stringToSign, `${accountSID}<authToken>${timestamp}`);
  });

  test(`${vector.id} buildInviteMeeting`, () => {
    const built = signkit.buildInviteMeeting(inviteInput(vector, { validate: false }));
    assert.equal(built.method, "POST");
    assert.equal(built.path, vector.expected_path);
    assert.equal(built.body, vector.expected_body);
    assert.equal(utf8.encode(built.body).length, vector.expected_content_length);
    assert.deepEqual(built.headers, Object.entries(vector.expected_headers));
    assert.equal(built.contentType, vector.expected_headers["Content-Type"]);
    assert.equal(built.sign, vector.expected_sign);
    assert.equal(built.authorization, vector.expected_authorization);
    assert.equal(built.timestamp, timestamp);
    assert.equal(built.host, "sandbox.ytx.net");
    assert.equal(built.url, `http://sandbox.ytx.net${vector.expected_path}`);
    const parties = JSON.parse(JSON.parse(built.body).parties);
    assert.equal(JSON.stringify(parties), vector.expected_parties_string);
  });
}
