#!/usr/bin/env node
// `./dev perf`: how fast the release build of the web app (dist/) is for a new user.
// Figures, not assertions: it prints them and exits 0 (non-zero only when it cannot measure).
//
//   node tests/perf/app.mjs [--runs N]     (default 5 runs per load profile; medians printed)
//
// dist/ is served gzip-compressed (zlib level 9, what a static host with precompressed files
// sends) from a small Node server on 127.0.0.1; Chromium (/usr/bin/chromium, playwright-core)
// opens it in a fresh context each run, so nothing is cached. Printed:
//   - initial transfer: the gzip bytes of every response that ended before the first form was
//     usable (document, JS, wasm, CSS), per file;
//   - first form usable: from navigation start until the createGroup form is on screen with its
//     inputs and Send button (the app is client-rendered: rendered means its handlers are bound),
//     unthrottled and with a mid-range phone's profile (Lighthouse mobile: 150 ms RTT,
//     1.6 Mbit/s down, 750 kbit/s up via CDP Network.emulateNetworkConditions; CPU 4× slower
//     via Emulation.setCPUThrottlingRate);
//   - keystroke → new sign: ~100 keystrokes in createGroup's groupName (type a letter, delete it),
//     each from the input event to the inspector's new `sign` in the DOM; p50 / p95 / max;
//   - the in-browser sandbox module, loaded after the first render: its bytes, and how long after
//     the form is usable it is ready (unthrottled and mobile);
//   - first send to the in-browser sandbox: from the click on Send (DEMO credentials, seed example)
//     to the decoded reply on screen, unthrottled; and the worst case including the module's
//     load (a send the moment the form is usable: module ready + click → reply).

import { chromium } from 'playwright-core';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
// One home for the paths, the media types and the dist/ check: the e2e suite's.
import { CHROMIUM, DIST, MEDIA_TYPES, requireDist } from '../e2e/support.mjs';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;

const MOBILE = {
  network: { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (750e3 / 8) },
  cpu: 4,
};

/** dist/ gzip-compressed (compressed once, at start). */
async function serveGzip() {
  requireDist();
  const cache = new Map();
  const server = http.createServer((request, response) => {
    let file = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    if (file === '/') file = '/index.html';
    const full = path.join(DIST, file);
    if (!full.startsWith(DIST + path.sep) || !fs.existsSync(full) || fs.statSync(full).isDirectory()) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found\n');
      return;
    }
    if (!cache.has(full)) cache.set(full, zlib.gzipSync(fs.readFileSync(full), { level: 9 }));
    const body = cache.get(full);
    response.writeHead(200, {
      'content-type': MEDIA_TYPES[path.extname(full)] || 'application/octet-stream',
      'content-encoding': 'gzip',
      'content-length': body.length,
      'cache-control': 'no-store',
    });
    response.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

// Injected before the app: records when the first form is usable (performance.now() is
// measured from navigation start).
// Also when the in-browser sandbox module (loaded after the first render) is ready.
const MARK_USABLE = `
  new MutationObserver((_, observer) => {
    if (window.__usableAt === undefined && document.querySelector('[data-param]') && document.querySelector('[data-testid="send"]')) {
      window.__usableAt = performance.now();
    }
    if (window.__sandboxAt === undefined && document.querySelector('main[data-sandbox="ready"]')) {
      window.__sandboxAt = performance.now();
    }
    if (window.__usableAt !== undefined && window.__sandboxAt !== undefined) observer.disconnect();
  }).observe(document, { childList: true, subtree: true, attributes: true });
`;

async function newPage(browser, profile) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  await context.addInitScript(MARK_USABLE);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  if (profile) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', profile.network);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  }
  return { page, context, errors };
}

/** One cold load: { usable (ms), files: [{ name, bytes }] } of what ended before it was usable. */
async function coldLoad(browser, base, profile) {
  const { page, context, errors } = await newPage(browser, profile);
  await page.goto(`${base}/#/createGroup`);
  await page.waitForFunction(() => window.__usableAt !== undefined, null, { timeout: 60_000 });
  // The in-browser sandbox module, when the app has one that loads after the first render.
  const lazy = await page.evaluate(() => document.querySelector('main[data-sandbox]') !== null);
  if (lazy) await page.waitForFunction(() => window.__sandboxAt !== undefined, null, { timeout: 60_000 });
  const result = await page.evaluate(() => {
    const usable = window.__usableAt;
    const sandbox = window.__sandboxAt;
    const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
    return {
      usable,
      sandbox,
      later: entries
        .filter((entry) => entry.responseEnd > usable)
        .map((entry) => ({ name: new URL(entry.name).pathname, bytes: entry.encodedBodySize })),
      files: entries
        .filter((entry) => entry.responseEnd <= usable)
        .map((entry) => ({ name: new URL(entry.name).pathname, bytes: entry.encodedBodySize })),
    };
  });
  await context.close();
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  return result;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
const ms = (value) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;

/** Keystroke → new sign, in the page: `count` input events, each timed until `sign` changes. */
async function keystrokes(browser, base, count) {
  const { page, context } = await newPage(browser, null);
  await page.goto(`${base}/#/createGroup`);
  await page.waitForSelector('[data-testid="send"]');
  await page.waitForSelector('main[data-sandbox="ready"], main:not([data-sandbox])');
  await page.click('[data-testid="use-demo"]');
  await page.click('[data-testid="load-example"]');
  await page.waitForSelector('[data-testid="sign"]');
  const times = await page.evaluate(async (n) => {
    const input = document.querySelector('[data-param="groupName"]');
    const original = input.value;
    const out = [];
    for (let i = 0; i < n; i += 1) {
      const sign = document.querySelector('[data-testid="sign"]');
      const before = sign.textContent;
      const next = i % 2 === 0 ? original + String.fromCharCode(97 + ((i / 2) % 26)) : original;
      const changed = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          const now = document.querySelector('[data-testid="sign"]');
          if (now && now.textContent !== before) {
            observer.disconnect();
            resolve(performance.now());
          }
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      });
      const start = performance.now();
      input.value = next;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, data: next.slice(-1), inputType: 'insertText' }));
      const end = await changed;
      out.push(end - start);
      // Let the browser paint between keystrokes, as a typist would.
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    }
    return out;
  }, count);
  await context.close();
  return times;
}

/** First send to the in-browser sandbox: click → decoded reply on screen (ms). */
async function firstSend(browser, base) {
  const { page, context, errors } = await newPage(browser, null);
  await page.goto(`${base}/#/createGroup`);
  await page.waitForSelector('[data-testid="send"]');
  await page.waitForSelector('main[data-sandbox="ready"], main:not([data-sandbox])');
  await page.click('[data-testid="use-demo"]');
  await page.click('[data-testid="load-example"]');
  const before = await page.evaluate(() => performance.getEntriesByType('resource').length);
  const elapsed = await page.evaluate(() => new Promise((resolve) => {
    const start = performance.now();
    new MutationObserver((_, observer) => {
      if (document.querySelector('[data-testid="reply-code"]')) {
        observer.disconnect();
        resolve(performance.now() - start);
      }
    }).observe(document.body, { childList: true, subtree: true });
    document.querySelector('[data-testid="send"]').click();
  }));
  const code = (await page.textContent('[data-testid="reply-code"]')).trim();
  const lazy = await page.evaluate((n) => performance.getEntriesByType('resource').slice(n)
    .map((entry) => ({ name: new URL(entry.name).pathname, bytes: entry.encodedBodySize })), before);
  await context.close();
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  if (code !== '0') throw new Error(`the first send answered ${code}, not 0`);
  return { elapsed, lazy };
}

async function main() {
  const server = await serveGzip();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    // One warm-up load (the OS file cache, Chromium's own start-up), not counted.
    await coldLoad(browser, server.url, null);
    const fast = [];
    const mobile = [];
    for (let i = 0; i < RUNS; i += 1) fast.push(await coldLoad(browser, server.url, null));
    for (let i = 0; i < RUNS; i += 1) mobile.push(await coldLoad(browser, server.url, MOBILE));
    const keys = await keystrokes(browser, server.url, 100);
    const sends = [];
    for (let i = 0; i < RUNS; i += 1) sends.push(await firstSend(browser, server.url));

    const files = fast[0].files;
    const total = files.reduce((sum, file) => sum + file.bytes, 0);
    const lines = [];
    lines.push(`signkit web app, release build (dist/), gzip -9, Chromium ${browser.version()}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${new Date().toISOString().slice(0, 10)}`);
    lines.push('');
    lines.push(`initial transfer (before the first form is usable): ${kb(total)} gzip`);
    for (const file of files) lines.push(`  ${kb(file.bytes).padStart(9)}  ${file.name}`);
    lines.push(`first form usable, unthrottled: median ${ms(median(fast.map((r) => r.usable)))} of ${RUNS} cold loads (min ${ms(Math.min(...fast.map((r) => r.usable)))}, max ${ms(Math.max(...fast.map((r) => r.usable)))})`);
    lines.push(`first form usable, mobile profile (150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up, CPU 4×): median ${ms(median(mobile.map((r) => r.usable)))} of ${RUNS} (min ${ms(Math.min(...mobile.map((r) => r.usable)))}, max ${ms(Math.max(...mobile.map((r) => r.usable)))})`);
    if (fast[0].sandbox !== undefined) {
      const later = fast[0].later.reduce((sum, file) => sum + file.bytes, 0);
      const after = (runs) => median(runs.map((r) => r.sandbox - r.usable));
      lines.push(`loaded after the first form is usable (the in-browser sandbox module): ${kb(later)} gzip (${fast[0].later.map((f) => f.name).join(', ')})`);
      lines.push(`  ready ${ms(after(fast))} after the form is usable unthrottled, ${ms(after(mobile))} with the mobile profile (medians)`);
    }
    lines.push(`keystroke → new sign (${keys.length} keystrokes): p50 ${ms(percentile(keys, 50))}, p95 ${ms(percentile(keys, 95))}, max ${ms(Math.max(...keys))}`);
    const lazyBytes = sends[0].lazy.reduce((sum, file) => sum + file.bytes, 0);
    if (fast[0].sandbox !== undefined) {
      const worst = median(fast.map((r) => r.sandbox - r.usable)) + median(sends.map((s) => s.elapsed));
      lines.push(`first send including the module's load, if sent the moment the form is usable (unthrottled): ${ms(worst)}`);
    }
    lines.push(`first send to the in-browser sandbox (click → reply on screen, unthrottled): median ${ms(median(sends.map((s) => s.elapsed)))} of ${RUNS} (min ${ms(Math.min(...sends.map((s) => s.elapsed)))}, max ${ms(Math.max(...sends.map((s) => s.elapsed)))}); loaded on first send: ${sends[0].lazy.length ? `${kb(lazyBytes)} gzip (${sends[0].lazy.map((f) => f.name).join(', ')})` : 'nothing'}`);
    console.log(lines.join('\n'));
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
