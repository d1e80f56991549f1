// The sign doctor page (#/doctor, issue #12 item 3), in Chromium against dist/ and the real
// sandbox binary: a pasted broken curl gets its mistake named (the doctor runs in its own wasm
// module, in a Web Worker loaded when the page opens), an example loads from the menu, the page
// follows the language switch, and an ME01019 reply from a custom target (the HTTP sandbox by
// its own URL) links to the doctor prefilled with the request as sent.
// Run: node tests/e2e/run.mjs (needs dist/ and `cargo build -p signkit-sandbox`).

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  ROOT, freePort, launchBrowser, openApp, sandboxBinary, screenshot, send, serveDist, startProcess, storageDump,
  tempDir, waitForHttp,
} from './support.mjs';

// examples/doctor/: a curl command whose code appended "secret" + secret after sorting.
const BROKEN_CURL = fs.readFileSync(path.join(ROOT, 'examples', 'doctor', 'secret-appended.curl'), 'utf8');
const MY_STRING = fs.readFileSync(path.join(ROOT, 'examples', 'doctor', 'secret-appended.mine.txt'), 'utf8').trim();
const EXAMPLE_SECRET = 'TESTSECRET0123456789';

let server;
let browser;
let sandbox;
let sandboxUrl;
let stateDir;

before(async () => {
  server = await serveDist();
  browser = await launchBrowser();
  stateDir = tempDir('signkit-doctor-');
  const port = await freePort();
  sandboxUrl = `http://127.0.0.1:${port}`;
  sandbox = startProcess(sandboxBinary(), ['--port', String(port), '--state', path.join(stateDir, 'state.json')]);
  await waitForHttp(`${sandboxUrl}/_sandbox/health`, 30_000, sandbox.alive);
});

after(async () => {
  await browser?.close();
  await server?.close();
  await sandbox?.stop();
  if (stateDir) fs.rmSync(stateDir, { recursive: true, force: true });
});

/** Opens the app, then the doctor page from the navigation. */
async function openDoctor() {
  const opened = await openApp(browser, server.url, 'createGroup');
  await opened.page.click('[data-testid="nav-doctor"]');
  await opened.page.waitForSelector('[data-testid="doctor-input"]');
  return opened;
}

/** Waits until the verdict banner carries `verdict` (the worker answers asynchronously). */
async function verdict(page, expected) {
  try {
    await page.waitForSelector(`[data-testid="doctor-verdict"][data-verdict="${expected}"]`, { timeout: 30_000 });
  } catch (error) {
    throw new Error(`the verdict is not ${expected}: ${await page.textContent('[data-testid="doctor-verdict"]')}`);
  }
  return (await page.textContent('[data-testid="doctor-verdict"]')).trim();
}

/** [{id, confirmed}] of the listed mistakes, in order. */
async function mistakes(page) {
  return page.$$eval('[data-testid="doctor-mistake"]', (items) => items.map((item) => ({
    id: item.dataset.id, confirmed: item.dataset.confirmed === 'true',
  })));
}

describe('sign doctor page', () => {
  test('a pasted broken curl: mismatch, the mistake confirmed, the first difference marked', async () => {
    const { page, context, console } = await openDoctor();
    assert.equal(await page.getAttribute('[data-testid="doctor-verdict"]', 'aria-live'), 'polite');
    await page.fill('[data-testid="doctor-input"]', BROKEN_CURL);
    // Without the secret nothing visible is wrong.
    assert.match(await verdict(page, 'unverified'), /Unverified/);
    await page.fill('[data-testid="cred-secret"]', EXAMPLE_SECRET);
    assert.match(await verdict(page, 'mismatch'), /Mismatch/);
    const listed = await mistakes(page);
    assert.deepEqual(listed[0], { id: 'secret-appended', confirmed: true }, JSON.stringify(listed));
    const message = await page.textContent('[data-testid="doctor-mistake"][data-id="secret-appended"]');
    assert.match(message, /sort/i, message);
    assert.match((await page.textContent('[data-testid="doctor-expected-sign"]')).trim(), /^[0-9A-F]{40}$/);
    const serverString = await page.textContent('[data-testid="doctor-string-to-sign"]');
    assert.ok(serverString.startsWith('accountID2222222222appKey1111111111'), serverString);
    assert.ok(serverString.includes('<secret>'), serverString);
    assert.equal(await page.locator('[data-testid="doctor-server-sees"] tbody tr').count(), 6);
    await page.fill('[data-testid="doctor-mine"]', MY_STRING);
    await page.waitForSelector('[data-testid="doctor-first-difference"] mark');
    const offset = Number(await page.getAttribute('[data-testid="doctor-first-difference"]', 'data-offset'));
    // Where the server sorted the secret in and the caller's code did not (a byte offset).
    assert.equal(offset, Buffer.from(MY_STRING).indexOf('tempChannelID'));
    // The secret is in the credentials panel only: not in the results, the URL or storage.
    const results = await page.textContent('main');
    assert.ok(!results.includes(EXAMPLE_SECRET), 'the secret is not shown');
    assert.equal(await page.evaluate(() => location.hash), '#/doctor');
    assert.ok(!JSON.stringify(await storageDump(page)).includes(EXAMPLE_SECRET), 'nothing stored');
    await screenshot(page, 'doctor-secret-appended');
    assert.deepEqual(console.filter((line) => /error/i.test(line)), []);
    await context.close();
  });

  test('an example from the menu, then the language switch', async () => {
    const { page, context } = await openDoctor();
    // The menu comes from the doctor module once its worker has started.
    await page.waitForSelector('[data-testid="doctor-example"] option[value="DC-009"]', { state: 'attached' });
    const options = await page.$$eval('[data-testid="doctor-example"] option', (list) => list.map((o) => o.value));
    assert.ok(options.length >= 6, `examples listed: ${options}`);
    await page.selectOption('[data-testid="doctor-example"]', 'DC-009');
    assert.match(await page.inputValue('[data-testid="doctor-input"]'), /^POST \/clientcustom\/v2\/inviteUserJoin/);
    await verdict(page, 'mismatch');
    assert.deepEqual((await mistakes(page))[0], { id: 'unsorted', confirmed: true });
    const english = await page.textContent('[data-testid="doctor-mistake"][data-id="unsorted"]');
    await page.click('[data-testid="lang-zh"]');
    await page.waitForFunction(() => /不匹配/.test(document.querySelector('[data-testid="doctor-verdict"]').textContent));
    const chinese = await page.textContent('[data-testid="doctor-mistake"][data-id="unsorted"]');
    assert.notEqual(chinese, english);
    assert.match(chinese, /[\u4e00-\u9fff]/, chinese);
    assert.match(await page.textContent('[data-testid="nav-doctor"]'), /签名诊断/);
    await context.close();
  });

  test('ME01019 from a custom target links to the doctor, prefilled with the request', async () => {
    const { page, context } = await openApp(browser, server.url, 'createGroup');
    await page.click('[data-testid="use-demo"]');
    await page.click('[data-testid="load-example"]');
    await page.fill('[data-testid="cred-secret"]', 'not-the-secret-the-server-has');
    await page.selectOption('[data-testid="target"]', 'custom');
    await page.fill('[data-testid="custom-base"]', sandboxUrl);
    assert.equal(await send(page), 'ME01019');
    await page.click('[data-testid="diagnose-request"]');
    await page.waitForSelector('[data-testid="doctor-input"]');
    assert.equal(await page.evaluate(() => location.hash), '#/doctor', 'the request is not in the URL');
    const capture = await page.inputValue('[data-testid="doctor-input"]');
    assert.match(capture, /^POST \/weiboapi\/v2\/createGroup HTTP\/1\.1\r?\n/, capture);
    assert.match(capture, /appKey=1111111111/, capture);
    // With the secret the request was signed with (still in the panel) the sign is right: the
    // server holds another secret. With the server's secret, no known mistake reproduces it.
    assert.equal(await page.inputValue('[data-testid="cred-secret"]'), 'not-the-secret-the-server-has');
    await verdict(page, 'match');
    await page.fill('[data-testid="cred-secret"]', 'DEMO-SECRET-not-for-production');
    await verdict(page, 'mismatch');
    assert.deepEqual(await mistakes(page), [{ id: 'unknown-mistake', confirmed: false }]);
    await screenshot(page, 'doctor-from-reply');
    await context.close();
  });

  test('a doctor module that cannot be loaded is said so in the verdict banner, and retried', async () => {
    const { page, context } = await openApp(browser, server.url, 'createGroup');
    let refuse = true;
    await context.route('**/signkit-web-doctor.js', (route) => (refuse ? route.fulfill({ status: 404, body: 'gone' }) : route.continue()));
    await page.click('[data-testid="nav-doctor"]');
    await page.fill('[data-testid="doctor-input"]', BROKEN_CURL);
    await page.waitForFunction(() => /could not be loaded/.test(document.querySelector('[data-testid="doctor-verdict"]').textContent));
    // The next question spawns the worker again.
    refuse = false;
    await page.fill('[data-testid="cred-secret"]', EXAMPLE_SECRET);
    await verdict(page, 'mismatch');
    await context.close();
  });

  test('the sandboxes explain their own rejections: no link from the in-browser sandbox', async () => {
    const { page, context } = await openApp(browser, server.url, 'createGroup');
    await page.click('[data-testid="use-demo"]');
    await page.click('[data-testid="load-example"]');
    await page.fill('[data-testid="cred-secret"]', 'not-the-secret-the-server-has');
    assert.equal(await send(page), 'ME01019');
    assert.equal(await page.locator('[data-testid="diagnose-request"]').count(), 0);
    await context.close();
  });
});
