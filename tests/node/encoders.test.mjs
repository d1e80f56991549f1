// The body encoders (encodeForm, encodeMultipart, encodeInviteMeeting) on every vector, in
// the full package and in the signer-only package, and the two ways the signing functions
// read their arguments (packed in one crossing, or value by value) giving the same results.
import { test } from "node:test";
import assert from "node:assert/strict";
import { signkit, vectors, vectorOptions, inviteInput, expectError, errorCodes, loadEsm } from "./load.mjs";

const signer = await loadEsm("pkg/signer");
const signerCodes = errorCodes("pkg/signer/signkit.d.ts");
const packages = [
  ["full", signkit, undefined],
  ["signer-only", signer, signerCodes],
];
const daoke = vectors.vectors.filter((v) => v.scheme === "daoke-sha1");
const ytx = vectors.vectors.filter((v) => v.scheme === "ytx-md5");
const utf8 = new TextEncoder();

for (const [name, pkg] of packages) {
  test(`${name}: every daoke vector through encodeForm / encodeMultipart`, () => {
    for (const vector of daoke) {
      const { params, secret, encoding } = vector.inputs;
      const { files, boundary } = vectorOptions(vector);
      const encoded =
        encoding === "multipart"
          ? pkg.encodeMultipart(vector.api, params, secret, { files, boundary, revealSecret: true })
          : pkg.encodeForm(vector.api, params, secret, { revealSecret: true });
      assert.equal(encoded.sign, vector.expected_sign, vector.id);
      assert.equal(encoded.stringToSign, vector.string_to_sign, vector.id);
      assert.deepEqual(encoded.sortedKeys, vector.sorted_keys, vector.id);
      assert.equal(encoded.contentType, vector.expected_content_type, vector.id);
      if (encoding === "multipart") {
        assert.ok(encoded.body instanceof Uint8Array && encoded.body.buffer instanceof ArrayBuffer);
        assert.equal(encoded.body.byteOffset, 0, "a buffer of its own");
        assert.deepEqual(encoded.body, utf8.encode(vector.expected_body), vector.id);
      } else {
        assert.equal(encoded.body, vector.expected_body, vector.id);
      }
      const length = typeof encoded.body === "string" ? utf8.encode(encoded.body).length : encoded.body.length;
      assert.equal(length, vector.expected_content_length, vector.id);
    }
  });

  test(`${name}: every YTX vector through ytxSign / encodeInviteMeeting`, () => {
    for (const vector of ytx) {
      const { accountSID, authToken, timestamp } = vector.inputs;
      const signed = pkg.ytxSign(accountSID, authToken, timestamp);
      assert.equal(signed.sign, vector.expected_sign);
      assert.equal(signed.authorization, vector.expected_authorization);
      const { appid, confid, parties, customParm, action } = inviteInput(vector);
      const body = pkg.encodeInviteMeeting({ appid, confid, parties, customParm, action });
      assert.equal(body, vector.expected_body, vector.id);
      assert.equal(JSON.parse(body).parties, vector.expected_parties_string, vector.id);
    }
  });
}

test("the encoders give the builder's bytes", () => {
  for (const vector of daoke) {
    const { params, secret, encoding } = vector.inputs;
    const options = vectorOptions(vector, { validate: false, seed: 7 });
    const built = signkit.buildDaokeRequest(vector.api, params, secret, options);
    const encoded =
      encoding === "multipart"
        ? signkit.encodeMultipart(vector.api, params, secret, { files: options.files, boundary: options.boundary })
        : signkit.encodeForm(vector.api, params, secret);
    const body = typeof encoded.body === "string" ? utf8.encode(encoded.body) : encoded.body;
    assert.deepEqual(body, built.body, vector.id);
    assert.equal(encoded.contentType, built.contentType);
    assert.equal(encoded.stringToSign, built.stringToSign);
  }
  // A generated boundary: the same seed gives the builder's boundary.
  const built = signkit.buildDaokeRequest("inviteUserJoin", [["appKey", "1"]], "s", { validate: false, seed: 42n });
  const encoded = signkit.encodeMultipart("inviteUserJoin", [["appKey", "1"]], "s", { seed: 42n });
  assert.equal(encoded.contentType, built.contentType);
  assert.deepEqual(encoded.body, built.body);
});

test("encodeForm applies the endpoint's omission; daokeSign, the generic signer, does not", () => {
  const params = [["appKey", "1111111111"], ["callbackURL", ""]];
  const omitted = signkit.encodeForm("createGroup", params, "s");
  assert.equal(omitted.body, `appKey=1111111111&sign=${omitted.sign}`);
  assert.equal(omitted.sign, signkit.daokeSign([["appKey", "1111111111"]], "s").sign);
  const kept = signkit.encodeForm(null, params, "s");
  assert.equal(kept.body, `appKey=1111111111&callbackURL=&sign=${kept.sign}`);
  assert.equal(kept.sign, signkit.daokeSign(params, "s").sign);
  assert.equal(signkit.encodeForm("applyMicroChannel", params, "s").sign, kept.sign);
});

test("a stale sign is dropped and CRLF collapsed, in the body as in the signature", () => {
  const encoded = signkit.encodeForm(null, [["sign", "OLD"], ["note", "a\r\r\nb"]], "k", { revealSecret: true });
  assert.equal(encoded.stringToSign, "notea\nbsecretk");
  assert.equal(encoded.body, `note=a%0Ab&sign=${encoded.sign}`);
  const multipart = signkit.encodeMultipart(null, [["note", "a\r\nb"]], "k", { boundary: "q" });
  assert.match(new TextDecoder().decode(multipart.body), /\r\n\r\na\nb\r\n--q\r\n/);
});

for (const [name, pkg, codes] of packages) {
  test(`${name}: encoder errors are SignkitErrors`, () => {
    const file = { name: "voiceFile", filename: "v.amr", contentType: "audio/amr", data: new Uint8Array(1) };
    expectError(() => pkg.encodeForm("inviteMeeting", [], "s"), "not-daoke", "api", codes);
    expectError(() => pkg.encodeForm("creategroup", [], "s"), "unknown-api", "api", codes);
    expectError(() => pkg.encodeForm(null, [], "s", { boundary: "B" }), "unknown-key", "options.boundary", codes);
    expectError(() => pkg.encodeMultipart(null, [], "s", { boundary: "" }), "invalid-boundary", "boundary", codes);
    expectError(() => pkg.encodeMultipart(null, [["a", "x1y"]], "s", { boundary: "1" }), "boundary-in-content", "boundary", codes);
    expectError(() => pkg.encodeMultipart(null, [], "s", { files: [file, file] }), "too-many-files", "files", codes);
    expectError(() => pkg.encodeMultipart(null, [], "s", { files: [{ ...file, name: "a-b" }] }), "invalid-file-field", "files[0].name", codes);
    expectError(() => pkg.encodeMultipart(null, [], "s", { files: [{ ...file, data: "x" }] }), "wrong-type", "options.files[0].data", codes);
    expectError(() => pkg.encodeMultipart(null, [], "s", { seed: -1 }), "invalid-value", "options.seed", codes);
    expectError(() => pkg.encodeInviteMeeting({ appid: "a", confid: "c" }), "wrong-type", "input.parties", codes);
    expectError(() => pkg.encodeInviteMeeting({ appid: "a", confid: "c", parties: [], accountSID: "x" }), "unknown-key", "input.accountSID", codes);
    expectError(() => pkg.encodeInviteMeeting([]), "wrong-type", "input", codes);
  });
}

test("packed and value-by-value reading agree, whatever the strings hold", () => {
  // A NUL, a genuine U+FFFD and a lone CR cannot take the packed form (or are checked
  // again); the results must be exactly those of plain strings signed the same way.
  const awkward = [["a\0b", "x"], ["note", "\0"], ["fffd", "\uFFFD"], ["cr", "a\rb"], ["emoji", "🚗"], ["", ""]];
  for (const [name, value] of awkward) {
    const pairs = [["appKey", "1"], [name, value]];
    const signed = signkit.daokeSign(pairs, "k", { revealSecret: true });
    const expected = [["appKey", "1"], [name, value], ["secret", "k"]].sort(([a], [b]) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    assert.equal(signed.stringToSign, expected.map(([k, v]) => k + v).join(""), JSON.stringify(name));
    assert.deepEqual(signed.sortedKeys, expected.map(([k]) => k));
    assert.deepEqual(signer.daokeSign(pairs, "k", { revealSecret: true }), signed);
    assert.deepEqual(signkit.daokeSign(Object.fromEntries(pairs), "k", { revealSecret: true }), signed);
  }
  assert.equal(signkit.daokeSign([], "a\0b", { revealSecret: true }).stringToSign, "secreta\0b");
  // Own enumerable properties only, in both ways (a non-enumerable one is not a parameter).
  const object = { appKey: "1" };
  Object.defineProperty(object, "hidden", { value: "2", enumerable: false });
  assert.deepEqual(signkit.daokeSign(object, "k").sortedKeys, ["appKey", "secret"]);
  Object.defineProperty(object, "odd", { value: "\0", enumerable: true });
  assert.deepEqual(signkit.daokeSign(object, "k").sortedKeys, ["appKey", "odd", "secret"]);
  // A symbol key is not a parameter either.
  assert.deepEqual(signkit.daokeSign({ [Symbol("s")]: "x", a: "1" }, "k").sortedKeys, ["a", "secret"]);
});

test("packed reading counts the input budget like value-by-value reading", () => {
  // 2^20 units: one for the pair, each string its length and one. ["n", fits] and the
  // secret "" fill it exactly.
  const fits = "x".repeat((1 << 20) - 5);
  assert.match(signkit.daokeSign([["n", fits]], "").sign, /^[0-9A-F]{40}$/);
  expectError(() => signkit.daokeSign([["n", `${fits}xx`]], ""), "input-too-large", "params[0][1]");
  expectError(() => signkit.daokeSign([["n", fits]], "s"), "input-too-large", "secret");
  // The file bytes of encodeMultipart count against what the parameters left.
  const data = new Uint8Array(1 << 19);
  const half = "y".repeat(1 << 19);
  expectError(
    () => signkit.encodeMultipart(null, [["n", half]], "", { files: [{ name: "f", filename: "f", contentType: "a/b", data }] }),
    "input-too-large",
    "options.files[0].data",
  );
});
