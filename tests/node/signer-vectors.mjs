// Every vector of spec/vectors.json through the signer-only package, in any JS host: Node
// (signer.test.mjs) and Chromium (the same file, imported by a page). Plain ES, no Node API.

const utf8 = new TextEncoder();

/** Whether `a` and `b` are equal strings, string arrays or byte arrays. */
function same(a, b) {
  if (typeof a === "string" || typeof b === "string") return a === b;
  if (a?.length !== b?.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}

/**
 * Runs every vector through `signer` (the module, initialised) and returns
 * `{ checked, failures }`: how many values were compared, and one line per value that
 * differs from the vector. `fromBase64` decodes the vectors' file data.
 */
export function vectorFailures(signer, vectors, fromBase64) {
  const failures = [];
  let checked = 0;
  const expect = (id, what, actual, expected) => {
    checked++;
    if (!same(actual, expected)) failures.push(`${id} ${what}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
  };
  const signed = (id, what, result, vector) => {
    expect(id, `${what} sign`, result.sign, vector.expected_sign);
    expect(id, `${what} stringToSign`, result.stringToSign, vector.string_to_sign);
    expect(id, `${what} sortedKeys`, result.sortedKeys, vector.sorted_keys);
  };
  for (const vector of vectors) {
    const id = vector.id;
    if (vector.scheme === "daoke-sha1") {
      const { params, secret, encoding, boundary, files = [] } = vector.inputs;
      const reveal = { revealSecret: true };
      // The generic signer over the canonical parameters (steps 1-3 done) gives the sign of
      // every vector; over the caller's, of every vector without an endpoint omission.
      signed(id, "daokeSign(canonical)", signer.daokeSign(vector.canonical_params, secret, reveal), vector);
      if (!vector.tags.includes("api-omission")) signed(id, "daokeSign", signer.daokeSign(params, secret, reveal), vector);
      const parts = files.map((file) => ({
        name: file.name,
        filename: file.filename,
        contentType: file.content_type,
        data: fromBase64(file.data_base64),
      }));
      const encoded =
        encoding === "multipart"
          ? signer.encodeMultipart(vector.api, params, secret, { ...reveal, files: parts, boundary })
          : signer.encodeForm(vector.api, params, secret, reveal);
      signed(id, encoding, encoded, vector);
      expect(id, "contentType", encoded.contentType, vector.expected_content_type);
      const body = typeof encoded.body === "string" ? utf8.encode(encoded.body) : encoded.body;
      expect(id, "body", body, utf8.encode(vector.expected_body));
      expect(id, "content length", body.length, vector.expected_content_length);
    } else {
      const { accountSID, authToken, timestamp, appid, confid, parties, CustomParm, action } = vector.inputs;
      const result = signer.ytxSign(accountSID, authToken, timestamp);
      expect(id, "sign", result.sign, vector.expected_sign);
      expect(id, "authorization", result.authorization, vector.expected_authorization);
      expect(id, "authorizationPlain", result.authorizationPlain, vector.authorization_plain);
      expect(id, "stringToSign", result.stringToSign, vector.string_to_sign.replace(authToken, "<authToken>"));
      const body = signer.encodeInviteMeeting({ appid, confid, parties, customParm: CustomParm, action });
      expect(id, "body", body, vector.expected_body);
      expect(id, "parties", JSON.parse(body).parties, vector.expected_parties_string);
    }
  }
  return { checked, failures };
}
