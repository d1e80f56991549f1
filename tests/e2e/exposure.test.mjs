// What the two local servers expose while their developer browses (spec §10.9; README "Safety"),
// with a real `trunk serve`, the real sandbox binary on 127.0.0.1:8787 (Trunk.toml) and Chromium:
//
// - the app sends each endpoint to each target with DEMO credentials; every request the page
//   makes is recorded, and no secret or token is in any URL or header (the YTX Authorization is
//   Base64(accountSID|timestamp), not the token), nor any app secret or authToken in a body;
// - a page of another origin (evil.test, resolved to 127.0.0.1 by Chromium's host rules, so the
//   browser itself lets it reach loopback and only the sandbox can say no) cannot read the state
//   and its "simple" POSTs, direct or through Trunk's proxy, change nothing;
// - a DNS-rebinding page (rebind.test → 127.0.0.1) gets 403 from the sandbox, directly and
//   through `trunk serve`'s /proxy/sandbox/ (Trunk rewrites Host, the sandbox checks
//   X-Forwarded-Host).

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import {
  APIS, CHROMIUM, ROOT, freePort, openApp, portInUse, sandboxBinary, screenshot, send, startProcess,
  tempDir, waitForHttp,
} from './support.mjs';

const SANDBOX_PORT = 8787; // Trunk.toml proxies /proxy/sandbox/ to this port.
const SANDBOX = `http://127.0.0.1:${SANDBOX_PORT}`;
const BUILD_TIMEOUT_MS = 15 * 60_000;

// The DEMO credentials "Use DEMO credentials" fills (spec §10.3): public values, but exactly
// what a real secret would be in their place.
const NEVER_SENT = {
  'DaoKe app secret': 'DEMO-SECRET-not-for-production',
  'YTX authToken': '0123456789abcdef0123456789abcdef',
};
// applyMicroChannel's accessToken belongs in that request's body, and nowhere else.
const ACCESS_TOKEN = 'cc7df2350a7755214dc93df48e15d682';
const DEMO_ACCOUNT_SID = 'abcdefghijklmnopqrstuvwxyz012345';

let sandbox;
let trunk;
let browser;
let appBase;
let stateFile;
let stateDir;

/** Chromium as launchBrowser() starts it, with two names that resolve to 127.0.0.1. */
async function launchWithHostRules() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run',
      '--host-resolver-rules=MAP evil.test 127.0.0.1, MAP rebind.test 127.0.0.1',
    ],
  });
}

/** The whole state (secrets included), as a program on this machine reads it. */
async function sandboxState() {
  const response = await fetch(`${SANDBOX}/_sandbox/state?secrets=1`);
  assert.equal(response.status, 200);
  return response.json();
}

async function resetSandbox() {
  const response = await fetch(`${SANDBOX}/_sandbox/reset`, { method: 'POST' });
  assert.equal(response.status, 200, await response.text());
}

before(async () => {
  if (await portInUse(SANDBOX_PORT)) {
    throw new Error(`127.0.0.1:${SANDBOX_PORT} is busy: stop whatever listens there (Trunk.toml proxies the HTTP sandbox to it)`);
  }
  stateDir = tempDir('signkit-exposure-');
  stateFile = path.join(stateDir, 'state.json');
  sandbox = startProcess(sandboxBinary(), ['--port', String(SANDBOX_PORT), '--state', stateFile]);
  await waitForHttp(`${SANDBOX}/_sandbox/health`, 30_000, sandbox.alive);

  const port = await freePort();
  const bin = path.join(ROOT, 'node_modules', '.bin');
  trunk = startProcess('trunk', ['serve', '--offline', '--release', '--port', String(port), '--no-autoreload'], {
    cwd: ROOT,
    env: { PATH: `${bin}:${process.env.PATH}`, TRUNK_SKIP_VERSION_CHECK: 'true' },
  });
  appBase = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${appBase}/`, BUILD_TIMEOUT_MS, trunk.alive);
  } catch (error) {
    throw new Error(`${error.message}\n--- trunk output ---\n${trunk.log().slice(-4000)}`);
  }
  browser = await launchWithHostRules();
});

after(async () => {
  await browser?.close();
  await trunk?.stop();
  await sandbox?.stop();
  if (stateDir) fs.rmSync(stateDir, { recursive: true, force: true });
});

/** Every way a value could show up in a URL or header: as is, URL-encoded, Base64. */
function spellings(value) {
  return [value, encodeURIComponent(value), Buffer.from(value).toString('base64')];
}

/** The problems of one recorded request: secrets where they do not belong. */
function leaks({ url, headers, body }) {
  const problems = [];
  const inUrlOrHeaders = { ...NEVER_SENT, 'applyMicroChannel accessToken': ACCESS_TOKEN };
  for (const [what, secret] of Object.entries(inUrlOrHeaders)) {
    for (const spelled of spellings(secret)) {
      if (url.includes(spelled)) problems.push(`${what} in the URL ${url}`);
      for (const [name, value] of Object.entries(headers)) {
        if (value.includes(spelled)) problems.push(`${what} in the header ${name} of ${url}`);
      }
    }
  }
  for (const [what, secret] of Object.entries(NEVER_SENT)) {
    if (body.includes(secret)) problems.push(`${what} in the body of ${url}`);
  }
  // The one signed header: YTX's Authorization is Base64(accountSID|timestamp).
  if (headers.authorization !== undefined) {
    const plain = Buffer.from(headers.authorization, 'base64').toString('utf8');
    if (!new RegExp(`^${DEMO_ACCOUNT_SID}\\|\\d{14}$`).test(plain)) {
      problems.push(`Authorization of ${url} is ${plain}, not accountSID|timestamp`);
    }
  }
  return problems;
}

/** Where each endpoint is sent: every target of the selector, both YTX environments. */
function targetsOf(api) {
  const targets = [
    { name: 'in-browser sandbox', target: 'browser', expectZero: true },
    { name: 'HTTP sandbox via /proxy/sandbox/', target: 'http-sandbox', expectZero: true },
    { name: 'HTTP sandbox directly (custom base URL)', target: 'custom', base: SANDBOX, expectZero: true },
  ];
  if (api === 'inviteMeeting') {
    targets.push({ name: 'YTX sandbox via /proxy/ytx-sandbox/', target: 'vendor', env: 'sandbox' });
    targets.push({ name: 'YTX production via /proxy/ytx/', target: 'vendor', env: 'production' });
  } else {
    targets.push({ name: 'DaoKe via /proxy/daoke/', target: 'vendor' });
  }
  return targets;
}

describe('the app puts no secret in a URL or a header, whatever the target', () => {
  for (const api of APIS) {
    test(api, async () => {
      const { page, context } = await openApp(browser, appBase, api);
      const pending = [];
      context.on('request', (request) => {
        pending.push((async () => ({
          url: request.url(),
          headers: await request.allHeaders(),
          body: request.postDataBuffer()?.toString('latin1') ?? '',
        }))());
      });
      await page.click('[data-testid="use-demo"]');
      await page.click('[data-testid="load-example"]');
      for (const { name, target, base, env, expectZero } of targetsOf(api)) {
        await page.selectOption('[data-testid="target"]', target);
        if (base) await page.fill('[data-testid="custom-base"]', base);
        if (env) await page.check(`[data-testid="cred-env-${env}"]`);
        if (expectZero && target !== 'browser') await resetSandbox();
        const code = await send(page);
        if (expectZero) {
          assert.equal(code, '0', `${api} → ${name}: ${await page.textContent('[data-testid="reply"]')}`);
        }
      }
      await screenshot(page, `${api}-exposure`);
      const requests = await Promise.all(pending);
      const sentTo = (prefix) => requests.some(({ url }) => url.startsWith(prefix));
      assert.ok(sentTo(`${appBase}/proxy/sandbox/`), 'sent through the sandbox proxy');
      assert.ok(sentTo(`${SANDBOX}/`), 'sent to the sandbox directly');
      const vendorProxies = api === 'inviteMeeting' ? ['ytx-sandbox', 'ytx'] : ['daoke'];
      for (const proxy of vendorProxies) assert.ok(sentTo(`${appBase}/proxy/${proxy}/`), `sent through /proxy/${proxy}/`);
      assert.deepEqual(requests.flatMap(leaks), []);
      await context.close();
    });
  }
});

/** daoke sign (spec §4.1): upper-case SHA-1 of the byte-sorted key+value pairs, secret included. */
function daokeSign(params, secret) {
  const pairs = Object.entries({ ...params, secret }).sort(([a], [b]) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  return createHash('sha1').update(pairs.map(([key, value]) => key + value).join('')).digest('hex').toUpperCase();
}

/** A createGroup body the sandbox accepts: what a page elsewhere would try to sneak in. */
function signedCreateGroup() {
  const params = { appKey: '1111111111', accountID: 'O40cml0y5p', groupName: 'csrf' };
  return new URLSearchParams({ ...params, sign: daokeSign(params, NEVER_SENT['DaoKe app secret']) }).toString();
}

/** A page server for the other origins: an empty page under any host name. */
async function serveBlankPage() {
  const server = http.createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><title>elsewhere</title><iframe name="sink"></iframe>');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: server.address().port, close: () => new Promise((resolve) => server.close(resolve)) };
}

function refusalsIn(log, header, value) {
  const needle = `${header}: ${JSON.stringify(value)}`;
  return log.split('\n').filter((line) => line.startsWith('signkit sandbox: refused ') && line.includes(needle));
}

describe('pages elsewhere cannot read or change the sandbox', () => {
  test('another origin: no read, and its simple POSTs (direct, via Trunk, a form) change nothing', async () => {
    await resetSandbox();
    const before = await sandboxState();
    const fileBefore = fs.readFileSync(stateFile);
    const evil = await serveBlankPage();
    const origin = `http://evil.test:${evil.port}`;
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    const outcome = await page.evaluate(async ({ sandbox, app, body }) => {
      const attempt = async (label, promise) => {
        try {
          const response = await promise;
          return `${label}: ${response.type} ${response.status}`;
        } catch (error) {
          return `${label}: ${error.name}`;
        }
      };
      const simple = (url, type, data) => fetch(url, { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': type }, body: data });
      const results = [
        await attempt('read state', fetch(`${sandbox}/_sandbox/state?secrets=1`)),
        await attempt('reset', simple(`${sandbox}/_sandbox/reset`, 'text/plain', '')),
        await attempt('createGroup', simple(`${sandbox}/weiboapi/v2/createGroup`, 'application/x-www-form-urlencoded', body)),
        await attempt('createGroup via trunk', simple(`${app}/proxy/sandbox/weiboapi/v2/createGroup`, 'application/x-www-form-urlencoded', body)),
        await attempt('read via trunk', fetch(`${app}/proxy/sandbox/_sandbox/state?secrets=1`)),
        await attempt('set clock', fetch(`${sandbox}/_sandbox/clock`, { method: 'PUT', body: '20300101000000' })),
      ];
      // The classic cross-site form: a POST navigation with a text/plain body.
      const form = document.createElement('form');
      Object.assign(form, { method: 'POST', action: `${sandbox}/_sandbox/reset`, enctype: 'text/plain', target: 'sink' });
      document.body.append(form);
      const loaded = new Promise((resolve) => { document.querySelector('iframe').onload = resolve; });
      form.submit();
      await loaded;
      return results;
    }, { sandbox: SANDBOX, app: appBase, body: signedCreateGroup() });
    await context.close();
    await evil.close();

    assert.deepEqual(outcome, [
      'read state: TypeError', // 403 without Access-Control-Allow-Origin: the page learns nothing
      'reset: opaque 0',
      'createGroup: opaque 0',
      'createGroup via trunk: opaque 0',
      'read via trunk: TypeError',
      'set clock: TypeError', // its preflight got 403
    ]);
    // Each reached the sandbox (Trunk passes Origin on) and was refused there.
    const refused = refusalsIn(sandbox.log(), 'Origin', origin).length
      + refusalsIn(sandbox.log(), 'origin', origin).length;
    assert.ok(refused >= 7, `7 refusals logged, got ${refused}:\n${sandbox.log().slice(-3000)}`);
    assert.deepEqual(await sandboxState(), before, 'the state is unchanged');
    assert.ok(fs.readFileSync(stateFile).equals(fileBefore), 'the --state file is unchanged');
    // The same createGroup from a program on this machine (no Origin) would have worked.
    const fromCurl = await fetch(`${SANDBOX}/weiboapi/v2/createGroup`, {
      method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: signedCreateGroup(),
    });
    assert.equal((await fromCurl.json()).ERRORCODE, '0');
    await resetSandbox();
  });

  test('DNS rebinding: a page whose name resolves to 127.0.0.1 gets 403, directly and through trunk serve', async () => {
    await resetSandbox();
    const before = await sandboxState();
    const context = await browser.newContext();
    const page = await context.newPage();
    // Straight at the sandbox: same-origin for the browser, so no Origin check applies.
    const direct = await page.goto(`http://rebind.test:${SANDBOX_PORT}/_sandbox/state?secrets=1`);
    assert.equal(direct.status(), 403);
    assert.equal(await direct.text(), 'sandbox: host not allowed\n');
    // trunk serve answers any host name (it has no Host check: README "Safety"), and its proxy
    // rewrites Host to 127.0.0.1 — the sandbox reads the name in X-Forwarded-Host.
    const appPort = new URL(appBase).port;
    await page.goto(`http://rebind.test:${appPort}/`);
    const throughTrunk = await page.evaluate(async () => {
      const read = await fetch('/proxy/sandbox/_sandbox/state?secrets=1');
      const reset = await fetch('/proxy/sandbox/_sandbox/reset', { method: 'POST' });
      return [read.status, await read.text(), reset.status];
    });
    assert.deepEqual(throughTrunk, [403, 'sandbox: host not allowed\n', 403]);
    await context.close();
    assert.ok(refusalsIn(sandbox.log(), 'x-forwarded-host', `rebind.test:${appPort}`).length >= 2, sandbox.log().slice(-3000));
    assert.deepEqual(await sandboxState(), before);
  });

  test('the app opened at http://localhost works through the proxy', async () => {
    await resetSandbox();
    const localhost = appBase.replace('127.0.0.1', 'localhost');
    const { page, context } = await openApp(browser, localhost, 'createGroup');
    await page.click('[data-testid="use-demo"]');
    await page.click('[data-testid="load-example"]');
    await page.selectOption('[data-testid="target"]', 'http-sandbox');
    assert.equal(await send(page), '0', await page.textContent('[data-testid="reply"]'));
    await context.close();
  });
});
