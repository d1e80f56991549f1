// End-to-end tests of the built app (dist/) in headless Chromium, against the in-browser
// sandbox: no server besides a static one. Run: node --test tests/e2e/ (or tests/e2e/run.mjs).

import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';
import {
  APIS, fieldStatus, goTo, launchBrowser, openApp, screenshot, send, serveDist, storageDump, vector,
} from './support.mjs';

let server;
let browser;

before(async () => {
  server = await serveDist();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** What a successful reply of each endpoint shows besides code 0. */
const SUCCESS_CHECKS = {
  createGroup: async (page) => {
    assert.match(await page.textContent('[data-testid="result-group-id"]'), /^[pt][0-9A-Za-z]{15}$/);
  },
  verifyApplyJoiningMember: async (page) => {
    assert.match(await page.textContent('[data-testid="result-applicants"]'), /kxl1QuHKCD/);
  },
  applyMicroChannel: async () => {},
  inviteUserJoin: async (page) => {
    assert.equal(await page.textContent('[data-testid="result-count"]'), '1');
    // The fan-out the real server would have made is shown under the reply (spec §10.5).
    const records = page.locator('[data-testid="outbound"] [data-kind="weiboSend"]');
    assert.ok((await records.count()) >= 1, 'inviteUserJoin shows its weibo sends');
  },
  inviteMeeting: async (page) => {
    assert.match(await page.textContent('[data-testid="result-request-id"]'), /^\d{16}$/);
  },
};

describe('every endpoint: DEMO credentials + seed example succeed in the in-browser sandbox', () => {
  for (const api of APIS) {
    test(api, async () => {
      const { page, context, console: messages } = await openApp(browser, server.url, api);
      await page.click('[data-testid="use-demo"]');
      await page.click('[data-testid="load-example"]');
      assert.equal(await page.isDisabled('[data-testid="send"]'), false, 'Send is enabled for the seed example');
      const code = await send(page);
      assert.equal(code, '0', `${api}: ${await page.textContent('[data-testid="reply"]')}`);
      assert.equal(await page.getAttribute('[data-testid="reply"]', 'data-ok'), 'true');
      await SUCCESS_CHECKS[api](page);
      // The sandbox keeps its state in localStorage.
      const { local } = await storageDump(page);
      assert.ok(local['signkit.sandbox.state'], 'sandbox state persisted');
      await screenshot(page, `${api}-desktop`);
      assert.deepEqual(messages.filter((m) => m.startsWith('pageerror') || m.startsWith('error')), []);
      await context.close();
    });
  }
});

describe('live validation', () => {
  test('a bad accountID is an ERROR with ME01023 and disables Send, saying why', async () => {
    const { page, context } = await openApp(browser, server.url, 'createGroup');
    await page.click('[data-testid="use-demo"]');
    await page.click('[data-testid="load-example"]');
    await page.fill('[data-param="accountID"]', 'abc');
    assert.equal(await fieldStatus(page, 'accountID'), 'error');
    const status = await page.textContent('[data-field="accountID"] .status');
    assert.match(status, /10 ASCII letters or digits/);
    assert.match(status, /ME01023/);
    assert.equal(await page.isDisabled('[data-testid="send"]'), true);
    assert.match(await page.textContent('[data-testid="send-reason"]'), /accountID/);
    await screenshot(page, 'createGroup-errors');
    // Fixing it enables Send again.
    await page.fill('[data-param="accountID"]', 'O40cml0y5p');
    assert.equal(await fieldStatus(page, 'accountID'), 'ok');
    assert.equal(await page.isDisabled('[data-testid="send"]'), false);
    await context.close();
  });

  test('a flag other than 0/1 is an ERROR; a non-canonical spelling only a WARN', async () => {
    const { page, context } = await openApp(browser, server.url, 'createGroup');
    await page.click('[data-testid="use-demo"]');
    await page.click('[data-testid="load-example"]');
    await page.fill('[data-param="isCarFleet"]', '2');
    assert.equal(await fieldStatus(page, 'isCarFleet'), 'error');
    assert.equal(await page.isDisabled('[data-testid="send"]'), true);
    await page.fill('[data-param="isCarFleet"]', '01');
    assert.equal(await fieldStatus(page, 'isCarFleet'), 'warn');
    assert.equal(await page.isDisabled('[data-testid="send"]'), false, 'a WARN does not block');
    // The switch writes canonical values ("01" shows as off; switching it on writes 1).
    await page.click('[data-field="isCarFleet"] .switch');
    assert.equal(await page.inputValue('[data-param="isCarFleet"]'), '1');
    assert.equal(await fieldStatus(page, 'isCarFleet'), 'ok');
    await context.close();
  });

  test('channelKeyWords: six tags is an ERROR; the tag editor follows the raw text', async () => {
    const { page, context } = await openApp(browser, server.url, 'applyMicroChannel');
    await page.click('[data-testid="use-demo"]');
    await page.click('[data-testid="load-example"]');
    await page.fill('[data-param="channelKeyWords"]', 'a,b,c,d,e,f');
    assert.equal(await page.locator('[data-field="channelKeyWords"] .chip').count(), 6);
    assert.equal(await fieldStatus(page, 'channelKeyWords'), 'error');
    assert.equal(await page.isDisabled('[data-testid="send"]'), true);
    // Removing a chip rewrites the raw value.
    await page.click('[data-field="channelKeyWords"] .chip-remove >> nth=5');
    assert.equal(await page.inputValue('[data-param="channelKeyWords"]'), 'a,b,c,d,e');
    assert.notEqual(await fieldStatus(page, 'channelKeyWords'), 'error');
    // Adding through the editor.
    await page.fill('[data-param="channelKeyWords"]', '');
    await page.fill('[data-field="channelKeyWords"] .chip-add input', '路况');
    await page.press('[data-field="channelKeyWords"] .chip-add input', 'Enter');
    assert.equal(await page.inputValue('[data-param="channelKeyWords"]'), '路况');
    await context.close();
  });

  test('a body over the server\'s 8 KB buffer is warned about next to Send (ME01024)', async () => {
    const { page, context } = await openApp(browser, server.url, 'createGroup');
    await page.click('[data-testid="use-demo"]');
    await page.click('[data-testid="load-example"]');
    assert.equal(await page.locator('[data-testid="body-warning"]').count(), 0);
    // 1,000 Chinese characters are 9,000 bytes percent-encoded.
    await page.fill('[data-param="groupName"]', '语'.repeat(1000));
    const warning = await page.textContent('[data-testid="body-warning"]');
    assert.match(warning, /body is \d+ bytes, more than the 8192/);
    assert.match(warning, /ME01024/);
    await page.fill('[data-param="groupName"]', '语镜车队');
    assert.equal(await page.locator('[data-testid="body-warning"]').count(), 0);
    await context.close();
  });

  test('YTX parties: invalid JSON is an ERROR; the table edits the JSON', async () => {
    const { page, context } = await openApp(browser, server.url, 'inviteMeeting');
    await page.click('[data-testid="use-demo"]');
    await page.click('[data-testid="load-example"]');
    await page.fill('[data-param="parties"]', '[{"name":"张三"');
    assert.equal(await fieldStatus(page, 'parties'), 'error');
    assert.equal(await page.isDisabled('[data-testid="send"]'), true);
    await page.fill('[data-param="parties"]', '[{"name":"张三","phone":"01053889900,1234"}]');
    assert.equal(await fieldStatus(page, 'parties'), 'ok');
    await page.fill('[data-field="parties"] table input >> nth=1', '13800000000');
    assert.equal(await page.inputValue('[data-param="parties"]'), '[{"name":"张三","phone":"13800000000"}]');
    await context.close();
  });
});

describe('signatures equal the spec vectors', () => {
  test('D02: createGroup with every optional field', async () => {
    const v = vector('D02');
    const { page, context } = await openApp(browser, server.url, 'createGroup');
    await page.fill('[data-testid="cred-secret"]', v.inputs.secret);
    for (const [name, value] of v.inputs.params) {
      if (name === 'appKey') await page.fill('[data-testid="cred-appKey"]', value);
      else await page.fill(`[data-param="${name}"]`, value);
    }
    assert.equal(await page.textContent('[data-testid="sign"]'), v.expected_sign);
    assert.equal(await page.textContent('[data-testid="body"]'), v.expected_body);
    const redacted = v.string_to_sign.replace(`secret${v.inputs.secret}`, 'secret<secret>');
    assert.equal(await page.textContent('[data-testid="string-to-sign"]'), redacted);
    const raw = await page.textContent('[data-testid="raw-request"]');
    assert.ok(raw.startsWith('POST /weiboapi/v2/createGroup HTTP/1.1\r\nHost: api.daoke.io\r\n'), raw);
    assert.ok(raw.endsWith(`Content-Length: ${v.expected_content_length}\r\n\r\n${v.expected_body}`), raw);
    assert.ok(!raw.includes(v.inputs.secret));
    await context.close();
  });

  test('Y01: YTX inviteMeeting with a fixed timestamp', async () => {
    const v = vector('Y01');
    const { page, context } = await openApp(browser, server.url, 'inviteMeeting');
    await page.fill('[data-testid="cred-accountSID"]', v.inputs.accountSID);
    await page.fill('[data-testid="cred-authToken"]', v.inputs.authToken);
    await page.fill('[data-testid="cred-appid"]', v.inputs.appid);
    await page.fill('[data-testid="cred-version"]', v.inputs.version);
    await page.fill('[data-param="timestamp"]', v.inputs.timestamp);
    await page.fill('[data-param="confid"]', v.inputs.confid);
    await page.fill('[data-param="parties"]', JSON.stringify(v.inputs.parties));
    assert.equal(await page.textContent('[data-testid="sign"]'), v.expected_sign);
    assert.equal(await page.textContent('[data-testid="authorization"]'), v.expected_authorization);
    assert.equal(await page.textContent('[data-testid="body"]'), v.expected_body);
    const raw = await page.textContent('[data-testid="raw-request"]');
    assert.ok(raw.startsWith(`POST ${v.expected_path} HTTP/1.1\r\n`), raw);
    // A fixed timestamp two days away from "now" is only a WARN (spec §3.1 exception 1).
    assert.equal(await fieldStatus(page, 'timestamp'), 'warn');
    await context.close();
  });
});

describe('secrets', () => {
  const SECRET = 'Secret-MUST-not-leak-7f3a9c';
  const TOKEN = 'TOKENmustNOTleak0123456789abcdef';

  /** Fails if a secret is anywhere but its own input. */
  async function assertNoLeak(page, messages, where) {
    const html = await page.content();
    const text = await page.evaluate(() => document.body.innerText);
    for (const secret of [SECRET, TOKEN]) {
      assert.ok(!html.includes(secret), `${where}: secret in the HTML`);
      assert.ok(!text.includes(secret), `${where}: secret in the page text`);
      assert.ok(!messages.some((m) => m.includes(secret)), `${where}: secret in the console`);
    }
    const { local } = await storageDump(page);
    for (const [key, value] of Object.entries(local)) {
      for (const secret of [SECRET, TOKEN]) {
        assert.ok(!value.includes(secret) && !key.includes(secret), `${where}: secret in localStorage ${key}`);
      }
    }
  }

  test('typed secrets stay in their masked inputs: not in the DOM, previews, console or localStorage', async () => {
    const { page, context, console: messages } = await openApp(browser, server.url, 'createGroup');
    await page.click('[data-testid="use-demo"]');
    await page.click('[data-testid="load-example"]');
    await page.fill('[data-testid="cred-secret"]', SECRET);
    assert.equal(await page.getAttribute('[data-testid="cred-secret"]', 'type'), 'password');
    assert.match(await page.textContent('[data-testid="string-to-sign"]'), /secret<secret>$/);
    assert.equal(await send(page), 'ME01019', 'a wrong secret: the sandbox says the sign does not match');
    await assertNoLeak(page, messages, 'daoke');
    // Reveal shows it in its own input only.
    await page.click('[data-testid="reveal-secret"]');
    assert.equal(await page.getAttribute('[data-testid="cred-secret"]', 'type'), 'text');
    await assertNoLeak(page, messages, 'daoke revealed');

    await goTo(page, 'inviteMeeting');
    await page.click('[data-testid="load-example"]');
    await page.fill('[data-testid="cred-authToken"]', TOKEN);
    assert.equal(await page.getAttribute('[data-testid="cred-authToken"]', 'type'), 'password');
    assert.match(await page.textContent('[data-testid="string-to-sign"]'), /<authToken>/);
    await send(page);
    await page.click('[data-testid="copy-curl"]');
    await assertNoLeak(page, messages, 'ytx');
    const { session } = await storageDump(page);
    assert.deepEqual(Object.keys(session), [], 'nothing in sessionStorage without "remember"');
    await context.close();
  });

  test('"remember in this tab" uses sessionStorage only, and survives a reload', async () => {
    const { page, context, console: messages } = await openApp(browser, server.url, 'createGroup');
    await page.fill('[data-testid="cred-secret"]', SECRET);
    await page.check('[data-testid="remember"]');
    let { session } = await storageDump(page);
    assert.ok(Object.values(session).some((v) => v.includes(SECRET)), 'remembered in sessionStorage');
    await page.reload();
    await page.waitForSelector('[data-testid="send"]');
    assert.equal(await page.inputValue('[data-testid="cred-secret"]'), SECRET);
    await assertNoLeak(page, messages, 'after reload');
    await page.uncheck('[data-testid="remember"]');
    ({ session } = await storageDump(page));
    assert.ok(!Object.values(session).some((v) => v.includes(SECRET)), 'forgotten');
    await context.close();
  });
});

describe('sandbox insight', () => {
  test('verify with a callbackURL shows the callback the server would make; reset restores the fixtures', async () => {
    const { page, context } = await openApp(browser, server.url, 'verifyApplyJoiningMember');
    await page.click('[data-testid="use-demo"]');
    await page.click('[data-testid="load-example"]');
    await page.fill('[data-param="callbackURL"]', 'http://10.0.0.5:80/verifyCallback?id=7');
    assert.equal(await send(page), '0');
    const callback = page.locator('[data-testid="outbound"] [data-kind="verifyCallback"]');
    assert.equal(await callback.count(), 1);
    assert.match(await callback.textContent(), /GET \/verifyCallback\?id=7 HTTP\/1\.0/);
    // The application is processed now: a second decision finds nothing pending.
    assert.equal(await send(page), '0');
    assert.match(await page.textContent('[data-testid="result-applicants"]'), /-1/);
    await page.click('[data-testid="reset-sandbox"]');
    assert.equal(await send(page), '0');
    assert.doesNotMatch(await page.textContent('[data-testid="result-applicants"]'), /-1/);
    await context.close();
  });

  test('a failure is explained with its meaning and remedy', async () => {
    const { page, context } = await openApp(browser, server.url, 'createGroup');
    await page.click('[data-testid="use-demo"]');
    await page.click('[data-testid="load-example"]');
    assert.equal(await send(page), '0');
    const code = await send(page);
    assert.notEqual(code, '0', 'the account already owns a group');
    assert.equal(await page.getAttribute('[data-testid="reply"]', 'data-ok'), 'false');
    assert.ok((await page.textContent('[data-testid="reply-meaning"]')).length > 10);
    assert.ok((await page.textContent('[data-testid="reply-remedy"]')).length > 10);
    assert.equal(await page.locator('[data-testid="history"] details').count(), 2);
    await context.close();
  });

  test('a slow target shows a spinner and can be cancelled', async () => {
    // A server that accepts the request and never answers.
    const sockets = new Set();
    const hanging = net.createServer((socket) => { sockets.add(socket); socket.on('error', () => {}); });
    await new Promise((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    try {
      const { page, context } = await openApp(browser, server.url, 'createGroup');
      await page.click('[data-testid="use-demo"]');
      await page.click('[data-testid="load-example"]');
      await page.selectOption('[data-testid="target"]', 'custom');
      await page.fill('[data-testid="custom-base"]', `http://127.0.0.1:${hanging.address().port}`);
      await page.click('[data-testid="send"]');
      await page.waitForSelector('[data-testid="cancel"]');
      assert.equal(await page.isDisabled('[data-testid="send"]'), true, 'no second send while one is in flight');
      assert.equal(await page.locator('[data-testid="send"] .spinner').count(), 1);
      await page.click('[data-testid="cancel"]');
      await page.waitForSelector('[data-testid="send-failure"]');
      assert.match(await page.textContent('[data-testid="send-failure"]'), /Cancelled/);
      assert.equal(await page.locator('[data-testid="cancel"]').count(), 0);
      await context.close();
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => hanging.close(resolve));
    }
  });

  test('a target that never answers is abandoned after 20 s, with the fix', async () => {
    const sockets = new Set();
    const hanging = net.createServer((socket) => { sockets.add(socket); socket.on('error', () => {}); });
    await new Promise((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    try {
      const { page, context } = await openApp(browser, server.url, 'createGroup');
      // A fake clock from here on: the app's 20 s timer runs when the test says so.
      await page.clock.install();
      await page.click('[data-testid="use-demo"]');
      await page.click('[data-testid="load-example"]');
      await page.selectOption('[data-testid="target"]', 'custom');
      const base = `http://127.0.0.1:${hanging.address().port}`;
      await page.fill('[data-testid="custom-base"]', base);
      await page.click('[data-testid="send"]');
      await page.waitForSelector('[data-testid="cancel"]');
      await page.clock.runFor(19_000);
      assert.equal(await page.locator('[data-testid="send-failure"]').count(), 0, 'still waiting at 19 s');
      await page.clock.runFor(1_500);
      await page.waitForSelector('[data-testid="send-failure"]');
      const failure = await page.textContent('[data-testid="send-failure"]');
      assert.match(failure, /No answer from .* within 20 s/);
      assert.ok(failure.includes(base), failure);
      assert.match(failure, /copy the request as curl/);
      assert.equal(await page.locator('[data-testid="cancel"]').count(), 0);
      assert.equal(await page.isDisabled('[data-testid="send"]'), false, 'Send is usable again');
      await context.close();
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => hanging.close(resolve));
    }
  });

  test('a network failure is explained in plain words with the fix', async () => {
    const { page, context } = await openApp(browser, server.url, 'createGroup');
    await page.click('[data-testid="use-demo"]');
    await page.click('[data-testid="load-example"]');
    await page.selectOption('[data-testid="target"]', 'custom');
    assert.equal(await page.isDisabled('[data-testid="send"]'), true, 'no base URL yet');
    await page.fill('[data-testid="custom-base"]', 'http://127.0.0.1:9');
    await send(page);
    const text = await page.textContent('[data-testid="send-failure"]');
    assert.match(text, /CORS/);
    assert.match(text, /curl/);
    await context.close();
  });
});

describe('storage blocked', () => {
  // Chromium with site data blocked (or an opaque origin) throws a SecurityError on any access
  // to localStorage / sessionStorage. The app's own storage functions (browser.rs) degrade
  // quietly; gloo-storage's LocalStorage::raw()/get/set throw there instead (expect_throw), which
  // is why the app keeps its three functions over web_sys::Storage.
  test('the app loads, signs and sends with storage throwing, and says the state was not saved', async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      for (const name of ['localStorage', 'sessionStorage']) {
        Object.defineProperty(window, name, {
          get() { throw new DOMException(`${name} is disabled`, 'SecurityError'); },
        });
      }
    });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}/#/createGroup`);
    await page.waitForSelector('main[data-sandbox="ready"]', { timeout: 30_000 });
    await page.click('[data-testid="use-demo"]');
    await page.click('[data-testid="load-example"]');
    await page.click('[data-testid="lang-zh"]');
    await page.click('[data-testid="lang-en"]');
    assert.equal(await send(page), '0');
    assert.match(await page.textContent('[data-testid="reply"]'), /could not save its state/);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('language, accessibility, phone width', () => {
  test('switching to Chinese translates the chrome and the core messages', async () => {
    const { page, context } = await openApp(browser, server.url, 'createGroup');
    await page.click('[data-testid="lang-zh"]');
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    assert.equal((await page.textContent('[data-testid="send"]')).trim(), '发送');
    assert.match(await page.textContent('h1'), /[\u4e00-\u9fff]/);
    await page.fill('[data-param="accountID"]', 'abc');
    assert.match(await page.textContent('[data-field="accountID"] .status'), /必须恰好是 10 个/);
    await screenshot(page, 'createGroup-zh');
    // The choice is remembered.
    await page.reload();
    await page.waitForSelector('[data-testid="send"]');
    assert.equal((await page.textContent('[data-testid="send"]')).trim(), '发送');
    await context.close();
  });

  test('a Chinese browser starts in Chinese', async () => {
    const { page, context } = await openApp(browser, server.url, 'inviteMeeting', { locale: 'zh-CN' });
    assert.equal((await page.textContent('[data-testid="send"]')).trim(), '发送');
    await context.close();
  });

  test('every control has an accessible name and is reachable by keyboard', async () => {
    const { page, context } = await openApp(browser, server.url, 'inviteMeeting');
    await page.click('[data-testid="use-demo"]');
    await page.click('[data-testid="load-example"]');
    for (const api of APIS) {
      await goTo(page, api);
      const unnamed = await page.evaluate(() => {
        const controls = [...document.querySelectorAll('input, select, textarea, button')];
        return controls
          .filter((el) => {
            const labelled = (el.labels && el.labels.length > 0) || el.getAttribute('aria-label');
            const text = el.tagName === 'BUTTON' && el.textContent.trim().length > 0;
            return !labelled && !text;
          })
          .map((el) => el.outerHTML.slice(0, 120));
      });
      assert.deepEqual(unnamed, [], `${api}: controls without a name`);
    }
    // From the top of a freshly loaded page, Tab reaches the language switch, then the tabs.
    await page.reload();
    await page.waitForSelector('[data-testid="send"]');
    const focused = [];
    for (let i = 0; i < 4; i += 1) {
      await page.keyboard.press('Tab');
      focused.push(await page.evaluate(() => document.activeElement?.className || document.activeElement?.tagName));
    }
    assert.ok(focused.some((c) => /\bseg\b/.test(c)), `language switch by keyboard: ${focused}`);
    assert.ok(focused.some((c) => /\btab\b/.test(c)), `endpoint tabs by keyboard: ${focused}`);
    await context.close();
  });

  for (const api of APIS) {
    test(`phone width: ${api} has no horizontal scroll`, async () => {
      const { page, context } = await openApp(browser, server.url, api, { viewport: { width: 390, height: 844 } });
      await page.click('[data-testid="use-demo"]');
      await page.click('[data-testid="load-example"]');
      await send(page);
      const { scroll, client } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      assert.ok(scroll <= client, `${api}: page is ${scroll}px wide in a ${client}px viewport`);
      await screenshot(page, `${api}-phone`);
      await context.close();
    });
  }
});
