// The signer-only module brings its own runtime (crate/src/wasm/runtime.rs: a size-class
// allocator, panics trap). Under many calls of varied sizes its results stay those of the
// full package, and its memory stops growing once every size class has been used.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { root, signkit, loadEsm } from "./load.mjs";

const signer = await loadEsm("pkg/signer");
// initSync returns the instance's exports (the module is already initialised).
const { memory } = signer.initSync({ module: readFileSync(join(root, "pkg/signer/signkit_bg.wasm")) });

/** A deterministic stream of numbers (SplitMix-style), so a failure can be replayed. */
function numbers(seed) {
  let state = BigInt(seed);
  return (bound) => {
    state = (state + 0x9e3779b97f4a7c15n) & 0xffffffffffffffffn;
    let z = state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & 0xffffffffffffffffn;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & 0xffffffffffffffffn;
    return Number((z ^ (z >> 31n)) % BigInt(bound));
  };
}

/** One call of a random kind and size, on the signer-only and on the full package. */
function call(pkg, next) {
  // Whole code points, so that no emoji is cut into a lone surrogate.
  const text = (length) => [..."车a\r\n🚗b%".repeat(length / 7 + 1)].slice(0, length).join("");
  const params = Array.from({ length: next(20) }, (_, index) => [`k${next(1000)}_${index}`, text(next(1500))]);
  switch (next(5)) {
    case 0:
      return pkg.daokeSign(params, text(next(50)), { revealSecret: true });
    case 1:
      return pkg.encodeForm(null, params, "s");
    case 2: {
      const data = new Uint8Array(next(40000)).map((_, index) => index);
      const files = [{ name: "voiceFile", filename: "v.amr", contentType: "audio/amr", data }];
      return pkg.encodeMultipart("inviteUserJoin", params, "s", { files, seed: next(1000) });
    }
    case 3:
      return pkg.ytxSign(text(next(100)), "t", "20161212093000");
    default:
      try {
        return pkg.daokeSign([[1, "x"], ...params], "s");
      } catch (error) {
        return { code: error.code, field: error.field };
      }
  }
}

test("the size-class allocator: same results as the full package, memory bounded", () => {
  const run = (calls, seed) => {
    const [forSigner, forFull] = [numbers(seed), numbers(seed)];
    for (let index = 0; index < calls; index++) {
      assert.deepEqual(call(signer, forSigner), call(signkit, forFull), `call ${index} of seed ${seed}`);
    }
  };
  run(150, 1);
  const warm = memory.buffer.byteLength;
  // The same mix again: every block it needs is on a free list already.
  for (let round = 0; round < 3; round++) run(150, 1);
  assert.equal(memory.buffer.byteLength, warm, "the same work again needs no new memory");
  // Other random sizes may use a new class or two, but not keep growing.
  run(300, 2);
  const after = memory.buffer.byteLength;
  run(300, 2);
  assert.equal(memory.buffer.byteLength, after);
  assert.ok(after < 64 * 1024 * 1024, `${after} bytes of wasm memory`);
});
