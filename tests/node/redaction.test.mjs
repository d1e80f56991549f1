// Secrets stay out of everything the API returns unless the caller asks: the daoke app
// secret appears in `stringToSign` only with `revealSecret: true`, never in `raw` or
// `curl`; the YTX auth token never appears at all.
import { test } from "node:test";
import assert from "node:assert/strict";
import { signkit, vectors, vectorOptions, inviteInput } from "./load.mjs";

const daoke = vectors.vectors.filter((v) => v.scheme === "daoke-sha1");
const ytx = vectors.vectors.filter((v) => v.scheme === "ytx-md5");

/** Every string in `value`, recursively. */
const strings = (value) =>
  typeof value === "string"
    ? [value]
    : value && typeof value === "object" && !(value instanceof Uint8Array)
      ? Object.values(value).flatMap(strings)
      : [];

test("daoke: the secret is redacted unless revealed, and never in raw or curl", () => {
  for (const vector of daoke) {
    const { secret, params } = vector.inputs;
    // The vectors' secrets occur nowhere in their parameters, so a match means a leak.
    assert.ok(!params.some(([name, value]) => name.includes(secret) || value.includes(secret)));
    const redacted = vector.string_to_sign.replace(`secret${secret}`, "secret<secret>");

    const signed = signkit.daokeSign(params, secret);
    const built = signkit.buildDaokeRequest(vector.api, params, secret, vectorOptions(vector, { validate: false }));
    if (!vector.tags.includes("api-omission")) assert.equal(signed.stringToSign, redacted, vector.id);
    assert.equal(built.stringToSign, redacted, vector.id);
    for (const text of [...strings(signed), ...strings(built)]) {
      assert.ok(!text.includes(secret), `${vector.id}: ${text}`);
    }

    const revealed = signkit.buildDaokeRequest(
      vector.api,
      params,
      secret,
      vectorOptions(vector, { validate: false, revealSecret: true }),
    );
    assert.equal(revealed.stringToSign, vector.string_to_sign);
    assert.ok(!revealed.raw.includes(secret) && !revealed.curl.includes(secret), vector.id);
    assert.ok(!new TextDecoder().decode(revealed.body).includes(secret), vector.id);
    assert.equal(signkit.daokeSign(params, secret, { revealSecret: false }).stringToSign, signed.stringToSign);
  }
});

test("YTX: the auth token appears in no result", () => {
  for (const vector of ytx) {
    const { accountSID, authToken, timestamp } = vector.inputs;
    const signed = signkit.ytxSign(accountSID, authToken, timestamp);
    const built = signkit.buildInviteMeeting(inviteInput(vector, { validate: false }));
    for (const text of [...strings(signed), ...strings(built)]) {
      assert.ok(!text.includes(authToken), `${vector.id}: ${text}`);
    }
  }
});

test("errors do not echo the secret either", () => {
  const secret = "TOPSECRET-42";
  let error;
  try {
    signkit.buildDaokeRequest("createGroup", [["appKey", "x"]], secret);
  } catch (caught) {
    error = caught;
  }
  assert.equal(error.code, "validation-failed");
  assert.ok(!JSON.stringify({ ...error, message: error.message, stack: error.stack }).includes(secret));
});
