// The first journey: the app loads, speaks Vietnamese then English, shows the API's message on a
// wrong password, lets the administrator in, and cnscd serves deep links to the app (SPA fallback).
// Run alone: node --test tests/e2e/smoke.test.mjs
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  e2eSkip,
  startServer,
  adminApi,
  launchBrowser,
  newPage,
  signIn,
  screenshot,
  PHONE,
  DESKTOP,
  ADMIN_USER,
  ADMIN_PASSWORD,
} from './harness.mjs';

// The language switch in the header: its data-testid if it has one, else the button by its name.
const languageSwitch = (page, name) =>
  page.getByTestId('locale-switch').or(page.getByRole('button', { name, exact: true }));

// The text of the <label> of the input with this data-testid.
const labelOf = (page, testid) =>
  page.getByTestId(testid).evaluate((el) => Array.from(el.labels ?? [], (l) => l.textContent.trim()).join(' '));

describe('smoke: load, languages, sign in, deep links', { skip: e2eSkip, timeout: 120_000 }, () => {
  let server, api, browser, tree;

  before(async () => {
    server = await startServer();
    api = await adminApi(server.baseUrl);
    tree = await api.makeTree({ province: 'Tỉnh Sóc Trăng', commune: 'Xã Nhơn Mỹ', village: 'Ấp Mỹ Phước' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('"/" redirects a stranger to the sign-in page, in Vietnamese; English changes the labels', async () => {
    const page = await newPage(browser, PHONE);
    const res = await page.goto(`${server.baseUrl}/`);
    assert.equal(res.status(), 200);
    await page.waitForURL((u) => u.pathname === '/login');
    await page.getByTestId('login-username').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'vi');
    await page.getByText('Tổ công nghệ số cộng đồng', { exact: true }).first().waitFor();

    const viUser = await labelOf(page, 'login-username');
    const viPassword = await labelOf(page, 'login-password');
    const viSubmit = (await page.getByTestId('login-submit').textContent()).trim();
    assert.ok(viUser && viPassword, 'both inputs have a <label>');
    assert.ok(viSubmit, 'the submit button has a text');
    await screenshot(page, 'smoke-login-vi-phone');

    await languageSwitch(page, 'English').click();
    await page.getByText('Community Digital Technology Teams', { exact: true }).first().waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    const enUser = await labelOf(page, 'login-username');
    const enSubmit = (await page.getByTestId('login-submit').textContent()).trim();
    assert.notEqual(enUser, viUser, 'the username label changes with the language');
    assert.notEqual(await labelOf(page, 'login-password'), viPassword, 'the password label changes');
    assert.notEqual(enSubmit, viSubmit, 'the submit button changes');
    assert.match(enUser + enSubmit, /[A-Za-z]/);
    await screenshot(page, 'smoke-login-en-phone');

    // The choice is remembered on the device.
    await page.reload();
    await page.getByText('Community Digital Technology Teams', { exact: true }).first().waitFor();
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('a wrong password shows the API message, in the current language', async () => {
    // What the API says to a wrong password (the app must show it, not its own guess).
    const res = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'nobody', password: 'wrong-password' }),
    });
    assert.equal(res.status, 401);
    const body = (await res.json()).error;
    assert.ok(body.message && body.message_en);

    const page = await newPage(browser, DESKTOP);
    await page.goto(`${server.baseUrl}/login`);
    await page.getByTestId('login-username').fill(ADMIN_USER);
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    await page.getByText(body.message).first().waitFor();
    assert.equal(new URL(page.url()).pathname, '/login');
    await screenshot(page, 'smoke-login-error-desktop');

    await languageSwitch(page, 'English').click();
    await page.getByTestId('login-password').fill('still-not-the-password');
    await page.getByTestId('login-submit').click();
    await page.getByText(body.message_en).first().waitFor();
    assert.equal(await page.getByText(body.message).count(), 0, 'no Vietnamese message left in English');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('the administrator signs in and sees the home page', async () => {
    const page = await newPage(browser, DESKTOP);
    await signIn(page, server.baseUrl, ADMIN_USER, ADMIN_PASSWORD);
    assert.equal(new URL(page.url()).pathname, '/');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'smoke-home-desktop');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('cnscd serves the app on a deep link; after sign-in the app returns there', async () => {
    const deep = `/units/${tree.commune.id}`;
    // The server answers any app path with index.html, and API paths with JSON.
    const html = await fetch(`${server.baseUrl}${deep}`);
    assert.equal(html.status, 200);
    assert.match(html.headers.get('content-type') ?? '', /text\/html/);
    assert.match(await html.text(), /<div id="app">/);
    const api404 = await fetch(`${server.baseUrl}/api/v1/no-such-route`);
    assert.equal(api404.status, 404);
    assert.match(api404.headers.get('content-type') ?? '', /json/);

    const page = await newPage(browser, PHONE);
    await page.goto(`${server.baseUrl}${deep}`);
    await page.waitForURL((u) => u.pathname === '/login' && u.searchParams.get('next') === deep);
    await page.getByTestId('login-username').fill(ADMIN_USER);
    await page.getByTestId('login-password').fill(ADMIN_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((u) => u.pathname === deep);

    // Signed in, a fresh load of the deep link stays there and the screen renders.
    await page.goto(`${server.baseUrl}${deep}`);
    assert.equal(new URL(page.url()).pathname, deep);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    assert.ok((await page.locator('#app').innerHTML()).length > 0);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});
