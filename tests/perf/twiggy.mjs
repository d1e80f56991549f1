#!/usr/bin/env node
// What the web app's wasm is made of, by crate (part of `./dev perf`).
//
//   node tests/perf/twiggy.mjs [path/to/signkit-web.wasm]
//
// Reads the cargo output Trunk's release build leaves (default
// target/wasm32-unknown-unknown/release/signkit-web.wasm: names kept, before wasm-opt), runs it
// through wasm-bindgen as Trunk does (which drops the describe functions), and sums
// `twiggy top`'s shallow sizes of code and data by crate. Custom sections (names, producers)
// are left out: they are not shipped. Figures before wasm-opt -Oz, so their shares are what
// matters, not their sum.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const RELEASE = path.join(ROOT, 'target', 'wasm32-unknown-unknown', 'release');
// The app, then the in-browser sandbox module it loads after the first render.
const inputs = process.argv.length > 2
  ? process.argv.slice(2)
  : [path.join(RELEASE, 'signkit-web.wasm'), path.join(RELEASE, 'signkit-web-sandbox.wasm')];
for (const input of inputs) {
  if (!fs.existsSync(input)) {
    console.error(`${input} is missing: run \`trunk build --release --offline\` first`);
    process.exit(1);
  }
}

function run(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${result.stderr || result.error}`);
  return result.stdout;
}

for (const input of inputs) report(input);

function report(input) {
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'signkit-twiggy-'));
try {
  run('wasm-bindgen', ['--target', 'web', '--out-dir', out, input]);
  const bg = fs.readdirSync(out).find((file) => file.endsWith('_bg.wasm'));
  const csv = run('twiggy', ['top', '-f', 'csv', path.join(out, bg)]);

  /** Splits one CSV line (quoted fields with doubled quotes). */
  const fields = (line) => {
    const cells = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i += 1) {
      const c = line[i];
      if (quoted) {
        if (c === '"' && line[i + 1] === '"') { cell += '"'; i += 1; } else if (c === '"') quoted = false; else cell += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') { cells.push(cell); cell = ''; } else cell += c;
    }
    cells.push(cell);
    return cells;
  };

  /** The crate an item belongs to (the type's crate for `<T as Trait>` and drop glue). */
  const crateOf = (name) => {
    if (name.startsWith('data segment')) return '(read-only data: texts, tables)';
    if (name.startsWith('custom section') || name.includes('subsection')) return null;
    let item = name;
    for (;;) {
      const inner = item.match(/^(?:core::ptr::drop_in_place|core::ptr::real_drop_in_place)<(.*)>(?:::h[0-9a-f]+)?$/);
      if (inner) { item = inner[1]; continue; }
      if (item.startsWith('<')) { item = item.slice(1); continue; }
      if (item.startsWith('&') || item.startsWith('*')) { item = item.replace(/^[&*](?:mut |const )?/, ''); continue; }
      if (item.startsWith('dyn ')) { item = item.slice(4); continue; }
      // A primitive or generic self type: the trait's crate (`<T as tachys::…>` → tachys).
      const primitive = item.match(/^(?:[A-Z]|[iuf](?:8|16|32|64|128|size)|bool|char|str|\[|\()[^ ]* as (.*)$/);
      if (primitive) { item = primitive[1]; continue; }
      if (/^(?:char|str|bool|[iuf](?:8|16|32|64|128|size))>::/.test(item)) return 'core';
      break;
    }
    const match = item.match(/^([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::/);
    if (!match) { if (process.env.TWIGGY_DEBUG) console.error(name); return '(unnamed / glue)'; }
    return match[1];
  };

  /** signkit split by module, the app by module: where the cut would be. */
  const groupOf = (name) => {
    const crate = crateOf(name);
    if (crate === 'signkit') {
      const module = name.match(/signkit::([a-z_]+)/);
      return module && ['sandbox', 'catalogue', 'endpoint', 'validate', 'reply', 'server'].includes(module[1])
        ? `signkit::${module[1]}` : 'signkit (other)';
    }
    if (crate === 'signkit_web') {
      const module = name.match(/signkit_web::([a-z_]+)/);
      return module ? `signkit_web::${module[1]}` : 'signkit_web';
    }
    return crate;
  };

  const totals = new Map();
  let sum = 0;
  for (const line of csv.split('\n').slice(1)) {
    if (!line.trim()) continue;
    const [name, size] = fields(line);
    const group = groupOf(name);
    if (group === null) continue;
    const bytes = Number(size);
    if (!Number.isFinite(bytes)) continue;
    totals.set(group, (totals.get(group) || 0) + bytes);
    sum += bytes;
  }
  const rows = [...totals.entries()].sort((a, b) => b[1] - a[1]);
  console.log(`${path.relative(ROOT, input)} after wasm-bindgen, before wasm-opt: ${(sum / 1000).toFixed(0)} KB of code and data`);
  for (const [group, bytes] of rows.slice(0, 22)) {
    console.log(`  ${((100 * bytes) / sum).toFixed(1).padStart(5)} %  ${(bytes / 1000).toFixed(1).padStart(7)} KB  ${group}`);
  }
  const rest = rows.slice(22).reduce((total, [, bytes]) => total + bytes, 0);
  if (rest) console.log(`  ${((100 * rest) / sum).toFixed(1).padStart(5)} %  ${(rest / 1000).toFixed(1).padStart(7)} KB  (${rows.length - 22} more)`);

  // What a lazy in-browser sandbox would take out of the first load: the retained size (code
  // and data only they keep alive) of its entry points the app calls.
  const retained = run('twiggy', ['top', '--retained', '-f', 'csv', path.join(out, bg)]);
  const entries = retained.split('\n').slice(1).map(fields)
    .filter(([name]) => /^signkit::sandbox::Sandbox::(from_config_json|from_state_json|handle|state_json)::/.test(name));
  if (entries.length) console.log('retained by the in-browser sandbox\'s entry points (before wasm-opt):');
  for (const [name, , , size] of entries) {
    {
      console.log(`  ${((100 * Number(size)) / sum).toFixed(1).padStart(5)} %  ${(Number(size) / 1000).toFixed(1).padStart(7)} KB  ${name.replace(/::h[0-9a-f]+$/, '')}`);
    }
  }
} finally {
  fs.rmSync(out, { recursive: true, force: true });
}
}
