// The last step of `./dev pkg`: turns its three outputs — wasm-bindgen's pkg/ and pkg/node/,
// and pkg/signer/ (the signer-only module and its hand-written JS from npm/signer/), the
// wasm already optimised — into the npm package, and prints the sizes.
//
//   node npm/finish.mjs VERSION
//
// * JS: drops comments from the generated glue, glue.js and the signer's JS (the
//   documentation lives in the .d.ts files, where editors read it); the nodejs output
//   require()s glue.js, so its copy there becomes CommonJS.
// * Types: the raw wasm exports' externref parameters (InitOutput, *_bg.wasm.d.ts) are typed
//   `any`; they accept every JS value, which TypeScript spells `unknown` and still checks.
// * package.json, README.md, CHANGELOG.md, LICENSE notes.
// * The size table (also written to pkg/sizes.md, which npm/README.md quotes).
import { readFileSync, writeFileSync, readdirSync, statSync, copyFileSync, existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const pkg = join(root, "pkg");
const version = process.argv[2];
if (!version) throw new Error("usage: node npm/finish.mjs VERSION");

/** Every file under `dir`, recursively. */
const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });

/**
 * `source` without its comments: `/** … *\/` blocks and lines that are only a `//`
 * comment. wasm-bindgen's output, glue.js and npm/signer/ put comments only there (never
 * inside a string or after code on the same line), which the assertion below keeps true.
 */
function stripComments(source, file) {
  const stripped = source
    .replace(/^[ \t]*\/\*\*[\s\S]*?\*\/[ \t]*\n/gm, "")
    .replace(/^[ \t]*\/\/.*\n/gm, "");
  if (/\/\*\*|^\s*\/\/ /m.test(stripped)) throw new Error(`${file}: a comment is left where it was not expected`);
  return stripped;
}

for (const file of walk(pkg).filter((path) => path.endsWith(".js"))) {
  let source = stripComments(readFileSync(file, "utf8"), file);
  if (file.includes(join("node", "snippets"))) {
    const names = [...source.matchAll(/^export function (\w+)/gm)].map((match) => match[1]);
    source = source.replace(/^export function /gm, "function ");
    source += `module.exports = { ${names.join(", ")} };\n`;
  }
  writeFileSync(file, source);
}

for (const file of walk(pkg).filter((path) => path.endsWith(".d.ts"))) {
  const source = readFileSync(file, "utf8");
  const typed = source.replace(/^( *(?:readonly|export const) \w+: \(.*)$/gm, (line) =>
    line.replace(/(\(|, )([a-z]): any\b/g, "$1$2: unknown"),
  );
  writeFileSync(file, typed);
}

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
    "./signkit_bg.wasm": "./signkit_bg.wasm",
    "./signer/signkit_bg.wasm": "./signer/signkit_bg.wasm",
    "./package.json": "./package.json",
  },
  files: [
    "signkit.js",
    "signkit.d.ts",
    "signkit_bg.wasm",
    "signkit_bg.wasm.d.ts",
    "snippets/",
    "node/",
    "signer/",
    "README.md",
    "CHANGELOG.md",
  ],
  sideEffects: false,
  engines: { node: ">=20" },
};
writeFileSync(join(pkg, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
for (const name of ["README.md", "CHANGELOG.md"]) copyFileSync(join(root, "npm", name), join(pkg, name));

// Sizes: what a page downloads for each entry point (its JS modules — for wasm-bindgen's
// output the glue and its glue.js snippet — and the wasm), raw and gzip -9, the level
// `gzip -9` and most CDNs use.
const size = (files) => {
  const bytes = files.map((file) => readFileSync(file));
  const raw = bytes.reduce((sum, b) => sum + b.length, 0);
  const gzip = bytes.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0);
  return { raw, gzip };
};
const entry = (dir) => {
  const base = join(pkg, dir);
  const scripts = readdirSync(base)
    .filter((name) => name.endsWith(".js"))
    .map((name) => join(base, name));
  const snippetDir = join(base, "snippets");
  const snippets = existsSync(snippetDir) ? walk(snippetDir).filter((path) => path.endsWith(".js")) : [];
  return { js: size([...scripts, ...snippets]), wasm: size([join(base, "signkit_bg.wasm")]) };
};
const rows = [
  ["signkit (full, ES module)", entry("")],
  ["signkit/signer (signer-only)", entry("signer")],
  ["signkit/node (full, CommonJS)", entry("node")],
];
const bytes = (count) => `${count.toLocaleString("en-US")} B`;
const lines = [
  "| entry point | .wasm raw | .wasm gzip | JS raw | JS gzip | wasm + JS gzip |",
  "|---|---:|---:|---:|---:|---:|",
  ...rows.map(
    ([name, { js, wasm }]) =>
      `| \`${name}\` | ${bytes(wasm.raw)} | ${bytes(wasm.gzip)} | ${bytes(js.raw)} | ${bytes(js.gzip)} | **${bytes(wasm.gzip + js.gzip)}** |`,
  ),
];
writeFileSync(join(pkg, "sizes.md"), `${lines.join("\n")}\n`);
console.error(lines.join("\n"));
