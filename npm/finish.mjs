// The last step of `./dev pkg`: wasm-bindgen's three outputs (pkg/, pkg/node/, pkg/signer/),
// left as generated, become the npm package — package.json with the three entry points, the
// README and CHANGELOG — and the size table is printed (and written to pkg/sizes.md).
//
//   node npm/finish.mjs VERSION
import { readFileSync, writeFileSync, readdirSync, copyFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const pkg = join(root, "pkg");
const version = process.argv[2];
if (!version) throw new Error("usage: node npm/finish.mjs VERSION");

// The nodejs output is CommonJS inside an ES-module package.
writeFileSync(join(pkg, "node", "package.json"), `${JSON.stringify({ type: "commonjs" }, null, 2)}\n`);

const manifest = {
  name: "signkit",
  version,
  description:
    "Sign and encode DaoKe (语镜) and YTX (云讯) API requests correctly: SHA-1/MD5 signatures, canonical bodies, typed, in WebAssembly",
  keywords: ["daoke", "mirrtalk", "ytx", "signature", "sha1", "md5", "webassembly", "wasm"],
  license: "MIT OR Apache-2.0",
  type: "module",
  main: "signkit.js",
  types: "signkit.d.ts",
  exports: {
    ".": { types: "./signkit.d.ts", default: "./signkit.js" },
    "./node": { types: "./node/signkit.d.ts", default: "./node/signkit.js" },
    "./signer": { types: "./signer/signkit.d.ts", default: "./signer/signkit.js" },
    "./doctor": { types: "./doctor/signkit.d.ts", default: "./doctor/signkit.js" },
    "./signkit_bg.wasm": "./signkit_bg.wasm",
    "./signer/signkit_bg.wasm": "./signer/signkit_bg.wasm",
    "./doctor/signkit_bg.wasm": "./doctor/signkit_bg.wasm",
    "./package.json": "./package.json",
  },
  files: ["*.js", "*.d.ts", "*.wasm", "node/", "signer/", "doctor/", "README.md", "CHANGELOG.md"],
  sideEffects: false,
  engines: { node: ">=20" },
};
writeFileSync(join(pkg, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
for (const name of ["README.md", "CHANGELOG.md"]) copyFileSync(join(root, "npm", name), join(pkg, name));

// What a page downloads for each entry point: its JS module and its wasm, raw and gzip -9.
const size = (file) => {
  const bytes = readFileSync(file);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
};
const entry = (dir) => {
  const base = join(pkg, dir);
  const [script] = readdirSync(base).filter((name) => name.endsWith(".js"));
  return { js: size(join(base, script)), wasm: size(join(base, "signkit_bg.wasm")) };
};
const bytes = (count) => `${count.toLocaleString("en-US")} B`;
const lines = [
  "| entry point | .wasm raw | .wasm gzip | JS raw | JS gzip | wasm + JS gzip |",
  "|---|---:|---:|---:|---:|---:|",
  ...[
    ["signkit (full, ES module)", entry("")],
    ["signkit/signer (signer-only)", entry("signer")],
    ["signkit/node (full, CommonJS)", entry("node")],
    ["signkit/doctor (full + diagnose, ES module)", entry("doctor")],
  ].map(
    ([name, { js, wasm }]) =>
      `| \`${name}\` | ${bytes(wasm.raw)} | ${bytes(wasm.gzip)} | ${bytes(js.raw)} | ${bytes(js.gzip)} | **${bytes(wasm.gzip + js.gzip)}** |`,
  ),
];
writeFileSync(join(pkg, "sizes.md"), `${lines.join("\n")}\n`);
console.error(lines.join("\n"));
