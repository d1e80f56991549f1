// Shared helpers of the end-to-end tests: a static server for dist/, Chromium through
// playwright-core, the HTTP sandbox and `trunk serve` as child processes, and checks.
//
// Nothing here builds the app: the static tests expect dist/ from
// `trunk build --release --offline`; the proxy test runs `trunk serve`, which builds itself.

import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = path.join(ROOT, 'dist');
export const ARTIFACTS = path.join(ROOT, 'artifacts');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** The five pages, in navigation order. */
export const APIS = ['createGroup', 'verifyApplyJoiningMember', 'applyMicroChannel', 'inviteUserJoin', 'inviteMeeting'];

/** spec/vectors.json, parsed. */
export const VECTORS = JSON.parse(fs.readFileSync(path.join(ROOT, 'spec', 'vectors.json'), 'utf8')).vectors;

/** The vector called `id`. */
export function vector(id) {
  const found = VECTORS.find((v) => v.id === id);
  if (!found) throw new Error(`spec/vectors.json has no vector ${id}`);
  return found;
}

export const MEDIA_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
};

/** Fails with instructions when dist/ has not been built. */
export function requireDist() {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) {
    throw new Error('dist/ is missing: build it first with `trunk build --release --offline` (from the repository root)');
  }
}

/** Serves dist/ on a free port of 127.0.0.1. Resolves to { url, close() }. */
export async function serveDist() {
  requireDist();
  const server = http.createServer((request, response) => {
    let file = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    if (file === '/') file = '/index.html';
    const full = path.join(DIST, file);
    if (!full.startsWith(DIST + path.sep) || !fs.existsSync(full) || fs.statSync(full).isDirectory()) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found\n');
      return;
    }
    response.writeHead(200, { 'content-type': MEDIA_TYPES[path.extname(full)] || 'application/octet-stream' });
    fs.createReadStream(full).pipe(response);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Headless Chromium. Every test opens its own context: fresh storage, like a new profile. */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * Opens `#/<route>` in a fresh context and waits for the app. Returns { page, context, console }
 * where `console` collects every console message and page error as text.
 */
export async function openApp(browser, base, route, { viewport = { width: 1280, height: 900 }, locale = 'en-US' } = {}) {
  const context = await browser.newContext({ viewport, locale });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  const page = await context.newPage();
  const messages = [];
  page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));
  await page.goto(`${base}/#/${route}`);
  await page.waitForSelector('[data-testid="send"]', { timeout: 30_000 });
  // The in-browser sandbox module (and the DEMO values) loads right after the first render.
  await page.waitForSelector('main[data-sandbox="ready"]', { timeout: 30_000 });
  return { page, context, console: messages };
}

/** Navigates within the app (hash route) and waits for the page. */
export async function goTo(page, route) {
  await page.evaluate((r) => { location.hash = `#/${r}`; }, route);
  await page.waitForSelector(`.page[data-api="${route}"]`);
}

/** Saves a full-page screenshot as artifacts/<name>.png. */
export async function screenshot(page, name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Clicks Send and waits for the reply of this send (the history grows by one). */
export async function send(page, { timeout = 30_000 } = {}) {
  const before = await page.locator('[data-testid="history"] details').count();
  await page.click('[data-testid="send"]');
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="history"] details').length > n,
    before,
    { timeout },
  );
  return (await page.textContent('[data-testid="reply-code"]')).trim();
}

/** The `data-status` of a parameter's field (`ok`, `warn`, `error`, `unsent`). */
export async function fieldStatus(page, name) {
  return page.getAttribute(`[data-field="${name}"]`, 'data-status');
}

/** Every localStorage and sessionStorage entry as text. */
export async function storageDump(page) {
  return page.evaluate(() => {
    const dump = (storage) => Object.fromEntries(Array.from({ length: storage.length }, (_, i) => {
      const key = storage.key(i);
      return [key, storage.getItem(key)];
    }));
    return { local: dump(localStorage), session: dump(sessionStorage) };
  });
}

/** A free TCP port on 127.0.0.1. */
export async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Whether something already listens on 127.0.0.1:`port`. */
export function portInUse(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

/** Polls `url` until it answers (any status) or `timeoutMs` passes. */
export async function waitForHttp(url, timeoutMs, isAlive = () => true) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      return response.status;
    } catch {
      if (!isAlive()) throw new Error(`the process serving ${url} exited`);
      if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/**
 * Starts a child process (its own process group, so it can be stopped with everything it
 * spawned). Returns { child, log(), alive(), stop() }.
 */
export function startProcess(command, args, { cwd = ROOT, env = {} } = {}) {
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let exited = false;
  child.stdout.on('data', (chunk) => { output += chunk; });
  child.stderr.on('data', (chunk) => { output += chunk; });
  child.on('exit', () => { exited = true; });
  return {
    child,
    log: () => output,
    alive: () => !exited,
    stop: async () => {
      if (exited) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
      const timer = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
      await gone;
      clearTimeout(timer);
    },
  };
}

/** The signkit-sandbox binary: $SIGNKIT_SANDBOX_BIN, or the newest one under target/. */
export function sandboxBinary() {
  if (process.env.SIGNKIT_SANDBOX_BIN) return process.env.SIGNKIT_SANDBOX_BIN;
  const candidates = ['native', 'release', 'debug']
    .map((profile) => path.join(ROOT, 'target', profile, 'signkit-sandbox'))
    .filter((file) => fs.existsSync(file))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  if (candidates.length === 0) {
    throw new Error('signkit-sandbox is not built: run `cargo build -p signkit-sandbox` (or set SIGNKIT_SANDBOX_BIN)');
  }
  return candidates[0];
}

/** A temporary directory removed by the caller. */
export function tempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

const AXE_SOURCE = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/**
 * Runs axe-core (WCAG 2.x A and AA, and best practices) on the whole page and fails on any
 * violation — and on anything axe leaves undecided ("incomplete"), so nothing passes unseen.
 */
export async function axeAudit(page, where) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ path: AXE_SOURCE });
  }
  const { violations, incomplete } = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations', 'incomplete'],
    });
    const brief = (items) => items.map((item) => ({
      id: item.id,
      help: item.help,
      nodes: item.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary || node.any.map((c) => c.message).join('; ')}`),
    }));
    return { violations: brief(result.violations), incomplete: brief(result.incomplete) };
  });
  assert.deepEqual(violations, [], `${where}: axe violations`);
  assert.deepEqual(incomplete, [], `${where}: axe left these undecided`);
}
