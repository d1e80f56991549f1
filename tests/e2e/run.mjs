#!/usr/bin/env node
// Runs the end-to-end tests one file at a time and exits non-zero on any failure.
//
//   node tests/e2e/run.mjs            static tests (dist/: the app, calm first sight + axe + keyboard), the sign doctor
//                                     (dist/ + the sandbox binary), the proxy and exposure tests
//   node tests/e2e/run.mjs --static   only the static tests (needs dist/ only)
//   node tests/e2e/run.mjs --proxy    only the tests with the HTTP sandbox (doctor, proxy, exposure)
//
// Prerequisites: `trunk build --release --offline` (dist/) and `cargo build -p signkit-sandbox`.
// Screenshots go to artifacts/.

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './support.mjs';

const only = process.argv[2];
const files = [];
if (only !== '--proxy') files.push('app.test.mjs', 'a11y.test.mjs');
if (only !== '--static') files.push('doctor.test.mjs', 'proxy.test.mjs', 'exposure.test.mjs');

const result = spawnSync(
  process.execPath,
  ['--test', '--test-concurrency=1', ...files.map((file) => path.join(ROOT, 'tests', 'e2e', file))],
  { stdio: 'inherit', cwd: ROOT },
);
process.exit(result.status ?? 1);
