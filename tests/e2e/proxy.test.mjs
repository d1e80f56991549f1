// The proxy path: `trunk serve` (Trunk.toml's same-origin proxies) in front of the HTTP
// sandbox binary on 127.0.0.1:8787. Starts both, sends through /proxy/sandbox/, stops both.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fs from 'node:fs';
import path from 'node:path';
import {
  ROOT, freePort, launchBrowser, openApp, portInUse, sandboxBinary, screenshot, send, startProcess,
  tempDir, waitForHttp,
} from './support.mjs';

const SANDBOX_PORT = 8787; // Trunk.toml proxies /proxy/sandbox/ to this port.
const BUILD_TIMEOUT_MS = 15 * 60_000;

let sandbox;
let trunk;
let browser;
let base;
let stateDir;

before(async () => {
  if (await portInUse(SANDBOX_PORT)) {
    throw new Error(`127.0.0.1:${SANDBOX_PORT} is busy: stop whatever listens there (Trunk.toml proxies the HTTP sandbox to it)`);
  }
  stateDir = tempDir('signkit-e2e-');
  sandbox = startProcess(sandboxBinary(), ['--port', String(SANDBOX_PORT), '--state', path.join(stateDir, 'state.json')]);
  await waitForHttp(`http://127.0.0.1:${SANDBOX_PORT}/_sandbox/health`, 30_000, sandbox.alive);

  const port = await freePort();
  const bin = path.join(ROOT, 'node_modules', '.bin');
  // Started directly (not through a shell), so the recorded PID is Trunk's own.
  trunk = startProcess('trunk', ['serve', '--offline', '--release', '--port', String(port), '--no-autoreload'], {
    cwd: ROOT,
    env: { PATH: `${bin}:${process.env.PATH}`, TRUNK_SKIP_VERSION_CHECK: 'true' },
  });
  base = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${base}/`, BUILD_TIMEOUT_MS, trunk.alive);
  } catch (error) {
    throw new Error(`${error.message}\n--- trunk output ---\n${trunk.log().slice(-4000)}`);
  }
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await trunk?.stop();
  await sandbox?.stop();
  if (stateDir) fs.rmSync(stateDir, { recursive: true, force: true });
});

describe('through trunk serve and the HTTP sandbox', () => {
  for (const api of ['createGroup', 'inviteUserJoin', 'inviteMeeting']) {
    test(`${api}: the seed example succeeds via /proxy/sandbox/`, async () => {
      const { page, context } = await openApp(browser, base, api);
      await page.click('[data-testid="use-demo"]');
      await page.click('[data-testid="load-example"]');
      await page.selectOption('[data-testid="target"]', 'http-sandbox');
      const code = await send(page);
      assert.equal(code, '0', `${api}: ${await page.textContent('[data-testid="reply"]')}\n${sandbox.log().slice(-2000)}`);
      if (api === 'inviteUserJoin') {
        const records = page.locator('[data-testid="outbound"] [data-kind="weiboSend"]');
        assert.ok((await records.count()) >= 1, 'outbound records read from /_sandbox/outbound');
      }
      await screenshot(page, `${api}-http-sandbox`);
      await context.close();
    });
  }

  test('reset sandbox resets the HTTP sandbox', async () => {
    const { page, context } = await openApp(browser, base, 'createGroup');
    await page.click('[data-testid="use-demo"]');
    await page.click('[data-testid="load-example"]');
    await page.selectOption('[data-testid="target"]', 'http-sandbox');
    assert.notEqual(await send(page), '0', 'the demo account already owns the group created above');
    await page.click('[data-testid="reset-sandbox"]');
    await page.waitForSelector('.notice[role="status"]');
    assert.equal(await send(page), '0');
    await context.close();
  });

  // Last: it stops the sandbox.
  test('a stopped HTTP sandbox is explained, with the command that starts it', async () => {
    await sandbox.stop();
    const { page, context } = await openApp(browser, base, 'createGroup');
    await page.click('[data-testid="use-demo"]');
    await page.click('[data-testid="load-example"]');
    await page.selectOption('[data-testid="target"]', 'http-sandbox');
    await send(page);
    const notice = await page.textContent('[data-testid="proxy-backend-down"]');
    assert.match(notice, /could not reach the HTTP sandbox/);
    assert.match(notice, /\.\/dev sandbox/);
    await screenshot(page, 'createGroup-http-sandbox-down');
    await context.close();
  });
});
