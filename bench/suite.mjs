// The benchmark of `./dev bench`, the same code in Node and in headless Chromium: signkit
// against the straightforward JavaScript that sites write today with js-sha1, crypto-js,
// hash-wasm and blueimp-md5, on the request shapes of the five endpoints.
//
// Every implementation is first checked against the spec's vectors, so a fast wrong answer
// cannot win. Each figure is operations per second of one call, JS values in, the sign out
// (the result object's `sign` for signkit), the median of several rounds that interleave
// the implementations, so that a burst of load on the machine hits them alike.

/** The vectors the shapes come from: one per endpoint, Chinese text and a file included. */
export const SHAPES = [
  { vector: "D03", label: "createGroup (中文)" },
  { vector: "D07", label: "verifyApplyJoiningMember" },
  { vector: "D10", label: "applyMicroChannel (中文, 11 params)" },
  { vector: "D14", label: "inviteUserJoin (multipart, file)" },
  { vector: "Y01", label: "inviteMeeting (YTX)" },
];

/**
 * The daoke sign as a site writes it by hand (spec §4): drop `sign`, collapse CR…LF runs,
 * add the secret, sort the keys, concatenate, SHA-1, upper case. `sha1Hex` is the library.
 * (JS `sort()` compares UTF-16 units, which equals the spec's UTF-8 byte order for these
 * ASCII keys.)
 */
export function handWrittenDaokeSign(sha1Hex) {
  return (params, secret) => {
    const keys = Object.keys(params).filter((key) => key !== "sign");
    keys.push("secret");
    keys.sort();
    let text = "";
    for (const key of keys) {
      text += key + (key === "secret" ? secret : params[key].replace(/\r+\n/g, "\n"));
    }
    return sha1Hex(text).toUpperCase();
  };
}

/** The YTX sign as a site writes it (spec §6): MD5 of sid+token+timestamp, Base64 of sid|timestamp. */
export function handWrittenYtxSign(md5Hex) {
  return (sid, token, timestamp) => ({
    sign: md5Hex(sid + token + timestamp).toUpperCase(),
    authorization: btoa(`${sid}|${timestamp}`),
  });
}

/**
 * The contenders. `libs` holds the JS libraries (`sha1`: js-sha1, `CryptoJS`, `hashWasmSha1`
 * and `hashWasmMd5`: hash-wasm hashers created once, `md5`: blueimp-md5); `full` and `signer`
 * the two signkit entry points.
 */
export function contenders({ full, signer, libs }) {
  const utf8 = (text) => libs.CryptoJS.enc.Utf8.parse(text);
  const hashWasm = (hasher) => (text) => {
    hasher.init();
    hasher.update(text);
    return hasher.digest("hex");
  };
  return {
    daoke: [
      { name: "signkit daokeSign", signkit: true, run: (s) => full.daokeSign(s.object, s.secret).sign },
      { name: "signkit/signer daokeSign", signkit: true, run: (s) => signer.daokeSign(s.object, s.secret).sign },
      {
        name: "signkit buildDaokeRequest",
        signkit: true,
        builder: true,
        run: (s) => full.buildDaokeRequest(s.api, s.pairs, s.secret, s.options).sign,
      },
      { name: "js-sha1", run: ((sign) => (s) => sign(s.object, s.secret))(handWrittenDaokeSign((t) => libs.sha1(t))) },
      {
        name: "crypto-js",
        run: ((sign) => (s) => sign(s.object, s.secret))(handWrittenDaokeSign((t) => libs.CryptoJS.SHA1(utf8(t)).toString())),
      },
      { name: "hash-wasm", run: ((sign) => (s) => sign(s.object, s.secret))(handWrittenDaokeSign(hashWasm(libs.hashWasmSha1))) },
      {
        name: "(bound) read + pack + copy into wasm memory, no hashing",
        floor: true,
        run: ((encoder, memory) => (s) => packOnly(s.object, s.secret, encoder, memory))(new TextEncoder(), new Uint8Array(1 << 16)),
      },
    ],
    ytx: [
      { name: "signkit ytxSign", signkit: true, run: (s) => full.ytxSign(s.sid, s.token, s.timestamp).sign },
      { name: "signkit/signer ytxSign", signkit: true, run: (s) => signer.ytxSign(s.sid, s.token, s.timestamp).sign },
      { name: "blueimp-md5", run: ((sign) => (s) => sign(s.sid, s.token, s.timestamp).sign)(handWrittenYtxSign((t) => libs.md5(t))) },
      {
        name: "crypto-js",
        run: ((sign) => (s) => sign(s.sid, s.token, s.timestamp).sign)(handWrittenYtxSign((t) => libs.CryptoJS.MD5(utf8(t)).toString())),
      },
    ],
  };
}

/**
 * What any wasm signer must do before it can hash, and no more: read the caller's strings,
 * join them, and write them into (here, a stand-in for) wasm memory as UTF-8 — the bound
 * on how fast signing through wasm can be, whatever the hash costs.
 */
function packOnly(params, secret, encoder, memory) {
  const parts = [];
  for (const key of Object.keys(params)) parts.push(key, params[key]);
  parts.push(secret);
  const text = parts.join("\0");
  encoder.encodeInto(text, memory);
  return text;
}

/** The inputs of a shape, in the forms the contenders take, and the expected sign. */
function inputs(vector, fromBase64) {
  if (vector.scheme === "ytx-md5") {
    const { accountSID: sid, authToken: token, timestamp } = vector.inputs;
    return { sid, token, timestamp, expected: vector.expected_sign };
  }
  const { params, secret, encoding, boundary, files = [] } = vector.inputs;
  const options = {
    encoding,
    boundary,
    files: files.map((file) => ({
      name: file.name,
      filename: file.filename,
      contentType: file.content_type,
      data: fromBase64(file.data_base64),
    })),
  };
  return { api: vector.api, pairs: params, object: Object.fromEntries(params), secret, options, expected: vector.expected_sign };
}

/** Operations per second of `run(input)`: batches doubled until one takes `minMs`. */
function opsPerSecond(run, input, minMs, now, sink) {
  for (let batch = 1; ; batch *= 2) {
    const start = now();
    for (let index = 0; index < batch; index++) sink.length += run(input).length;
    const elapsed = now() - start;
    if (elapsed >= minMs) return (batch * 1000) / elapsed;
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * Checks every contender on every vector of its scheme, then measures. Returns
 * `{ shapes: [label], rows: [{ name, scheme, signkit, builder, ops: [ops/s per shape] }] }`
 * (`null` where a contender does not apply, e.g. the YTX signers on daoke shapes).
 */
export function runSuite({ vectors, fromBase64, full, signer, libs, now, rounds = 5, minMs = 60, log = () => {} }) {
  const byId = new Map(vectors.map((vector) => [vector.id, vector]));
  const all = contenders({ full, signer, libs });
  for (const vector of vectors) {
    const scheme = vector.scheme === "ytx-md5" ? "ytx" : "daoke";
    const input = inputs(vector, fromBase64);
    for (const contender of all[scheme].filter((c) => !c.floor)) {
      // The builder applies the endpoint's rules and validates; the generic signers sign the
      // canonical list, which the vectors give for every endpoint.
      const given = contender.builder ? input : { ...input, object: Object.fromEntries(vector.canonical_params ?? []), pairs: vector.canonical_params };
      if (contender.builder) {
        given.options = { ...input.options, validate: false, path: vector.api === null ? "/generic" : undefined };
      }
      const sign = contender.run(given);
      if (sign !== input.expected) throw new Error(`${contender.name} signs ${vector.id} wrongly: ${sign}, expected ${input.expected}`);
    }
  }
  const shapes = SHAPES.map(({ vector }) => {
    const source = byId.get(vector);
    return { scheme: source.scheme === "ytx-md5" ? "ytx" : "daoke", input: inputs(source, fromBase64) };
  });
  const rows = [...all.daoke.map((c) => ({ ...c, scheme: "daoke" })), ...all.ytx.map((c) => ({ ...c, scheme: "ytx" }))];
  const samples = rows.map(() => shapes.map(() => []));
  const sink = { length: 0 };
  for (let round = 0; round < rounds; round++) {
    log(`round ${round + 1}/${rounds}`);
    shapes.forEach((shape, column) => {
      rows.forEach((row, index) => {
        if (row.scheme === shape.scheme) samples[index][column].push(opsPerSecond(row.run, shape.input, minMs, now, sink));
      });
    });
  }
  return {
    shapes: SHAPES.map((shape) => shape.label),
    rows: rows.map((row, index) => ({
      name: row.name,
      scheme: row.scheme,
      signkit: Boolean(row.signkit),
      builder: Boolean(row.builder),
      floor: Boolean(row.floor),
      ops: samples[index].map((values) => (values.length ? median(values) : null)),
    })),
    sink: sink.length,
  };
}
