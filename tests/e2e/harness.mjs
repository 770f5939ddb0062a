// The browser-test harness: a real `cnscd serve` on a fresh database, Debian's chromium driven by
// playwright-core, and a small API client for setting up data. Every journey test imports it.
//
// Run all journeys:  tests/e2e/run.sh          (what `make test` does; builds nothing)
// Run one:           node --test tests/e2e/smoke.test.mjs
// Skip them all:     CNSCD_E2E=0 (the only way to skip; a missing chromium or web/dist is a failure)
//
// Environment (defaults are relative to the repository root):
//   CNSCD_BINARY          the server binary            (build/cnscd)
//   CNSCD_WEB_DIST        the built web app             (web/dist; `make build` or `npm run build` in web/)
//   CNSCD_CHROMIUM        the browser                   (/usr/bin/chromium; `make deps` installs it)
//   CNSCD_ADMIN_PASSWORD  the administrator's password  (admin-e2e-pw); the username is always "admin"
//   CNSCD_E2E_HEADED=1    show the browser (needs a display)
//   CNSCD_E2E_LOG=1       echo the server's output
//   CNSCD_E2E_REQUEST_LOGS  a folder (run.sh sets it): servers log their API requests there
//
// A journey, in the style every test file follows (node:test, one server and one browser per file):
//
//   import { test, before, after } from 'node:test';
//   import assert from 'node:assert/strict';
//   import { e2eSkip, startServer, adminApi, launchBrowser, newPage, signIn, screenshot,
//            PHONE, DESKTOP } from './harness.mjs';
//
//   test('a commune officer creates a team', { skip: e2eSkip }, async (t) => {
//     const server = await startServer();          // fresh temp dir, `cnscd init`, `cnscd serve`
//     t.after(() => server.stop());
//     const api = await adminApi(server.baseUrl);  // signed in as admin with a bearer token
//     const { commune, village } = await api.makeTree();
//     await api.makeAccount('canbo.xa', 'mat-khau-e2e', [{ role: 'commune_officer', unit_id: commune.id }]);
//     const browser = await launchBrowser();
//     t.after(() => browser.close());
//     const page = await newPage(browser, PHONE);  // or DESKTOP
//     await signIn(page, server.baseUrl, 'canbo.xa', 'mat-khau-e2e');
//     await page.goto(`${server.baseUrl}/units/${village.id}`);
//     await page.getByTestId('...').click();
//     await screenshot(page, 'team-phone');         // docs/screens/team-phone.png
//   });
//
// Cut the network in a page with `await page.context().setOffline(true)` (and false to restore).
// `page.errors` collects uncaught page errors (an array of strings): assert it stays empty.
// The login form's elements: data-testid "login-username", "login-password", "login-submit".
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync, mkdirSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fromRoot = (p) => (path.isAbsolute(p) ? p : path.join(ROOT, p));

export const BINARY = fromRoot(process.env.CNSCD_BINARY || 'build/cnscd');
export const WEB_DIST = fromRoot(process.env.CNSCD_WEB_DIST || 'web/dist');
export const CHROMIUM = process.env.CNSCD_CHROMIUM || '/usr/bin/chromium';
export const ADMIN_USER = 'admin';
export const ADMIN_PASSWORD = process.env.CNSCD_ADMIN_PASSWORD || 'admin-e2e-pw';
// The demo accounts' password (startServer({ demo: true })), kDemoPassword in src/app/demo.hpp.
export const DEMO_PASSWORD = 'cnscd-demo';
// Screenshots go to docs/screens only when asked (`make screens`); a plain test run writes them
// under the system's temp folder, so that `make test` leaves the source tree as it found it.
export const SCREENS_DIR = process.env.CNSCD_SCREENS_DIR
  ? path.resolve(ROOT, process.env.CNSCD_SCREENS_DIR)
  : path.join(tmpdir(), 'cnscd-e2e-screens');
// run.sh names a folder for the run: every server of this test file logs its API requests to a
// file there (`cnscd serve --request-log`), and write-coverage.mjs reads them after the run.
const REQUEST_LOG = process.env.CNSCD_E2E_REQUEST_LOGS
  ? path.join(process.env.CNSCD_E2E_REQUEST_LOGS, `requests-${process.pid}.log`)
  : '';

/** Pass as `{ skip: e2eSkip }` to test()/describe(): a reason string when CNSCD_E2E=0, else false. */
export const e2eSkip = process.env.CNSCD_E2E === '0' ? 'browser tests skipped (CNSCD_E2E=0)' : false;

/** Viewports for newPage(). */
export const PHONE = { width: 360, height: 740, mobile: true };
export const DESKTOP = { width: 1280, height: 800 };

// The flags Debian's chromium needs as root on a machine without internet (issue 6).
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function run(cmd, args, env) {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (out += d));
    p.on('error', reject);
    p.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}:\n${out}`)),
    );
  });
}

/**
 * A fresh database (`cnscd init --admin admin`, password ADMIN_PASSWORD) served with the built web
 * app on 127.0.0.1 and a free port. Resolves once GET /api/v1/health answers.
 * With `{ demo: true }`, `cnscd demo` fills it with the demo set instead (admin/admin, and one
 * account per role with the password DEMO_PASSWORD: src/app/demo.cpp).
 * Returns { baseUrl, port, dir, db, log(), stop() }; stop() ends the server and removes the temp dir.
 */
export async function startServer({ demo = false } = {}) {
  if (!existsSync(BINARY)) throw new Error(`no cnscd binary at ${BINARY}: run \`make build\` (or set CNSCD_BINARY)`);
  if (!existsSync(path.join(WEB_DIST, 'index.html')))
    throw new Error(`no web app at ${WEB_DIST}: run \`make build\` (or set CNSCD_WEB_DIST)`);
  const dir = mkdtempSync(path.join(tmpdir(), 'cnscd-e2e-'));
  const db = path.join(dir, 't.db');
  if (!demo) await run(BINARY, ['init', '--db', db, '--admin', ADMIN_USER], { CNSCD_ADMIN_PASSWORD: ADMIN_PASSWORD });

  let lastError;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const proc = spawn(BINARY, [demo ? 'demo' : 'serve', '--db', db, '--port', String(port), '--host', '127.0.0.1', '--web', WEB_DIST], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...(REQUEST_LOG ? { CNSCD_REQUEST_LOG: REQUEST_LOG } : {}) },
    });
    let output = '';
    const onData = (d) => {
      output += d;
      if (output.length > 200_000) output = output.slice(-100_000);
      if (process.env.CNSCD_E2E_LOG === '1') process.stderr.write(d);
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    let exited = false;
    proc.on('exit', () => (exited = true));
    const baseUrl = `http://127.0.0.1:${port}`;
    // The demo seeds a year and a half of field work before it listens.
    const deadline = Date.now() + (demo ? 90_000 : 15_000);
    let up = false;
    while (!exited && Date.now() < deadline) {
      try {
        const r = await fetch(`${baseUrl}/api/v1/health`);
        if (r.ok) {
          up = true;
          break;
        }
      } catch {
        /* not yet listening */
      }
      await sleep(50);
    }
    if (up) {
      const stop = async () => {
        if (!exited) {
          const gone = new Promise((r) => proc.once('exit', r));
          proc.kill('SIGTERM');
          await Promise.race([gone, sleep(3000)]);
          if (!exited) proc.kill('SIGKILL');
        }
        rmSync(dir, { recursive: true, force: true });
      };
      return { baseUrl, port, dir, db, log: () => output, stop };
    }
    if (!exited) proc.kill('SIGKILL');
    lastError = new Error(`cnscd serve did not answer on ${baseUrl}:\n${output}`);
  }
  rmSync(dir, { recursive: true, force: true });
  throw lastError;
}

/** An error from adminApi: `.status`, `.body` (the JSON answer) and `.error` ({code, message, message_en, field}). */
export class HttpError extends Error {
  constructor(method, url, status, body) {
    super(`${method} ${url} → ${status} ${JSON.stringify(body)}`);
    this.status = status;
    this.body = body;
    this.error = body?.error;
  }
}

/**
 * A fetch client signed in with a bearer token (no CSRF needed), for setting up data.
 * get/post/put/patch/del(path, body) take paths under /api/v1 (e.g. '/units') and resolve to the
 * JSON answer, or throw HttpError (`.status`, `.error.code`). `raw(method, path, body)` resolves to the Response itself.
 * Helpers (each returns what the API returned):
 *   makeUnit({name, kind, parent_id, code})
 *   makeTree({province, commune, village}) → {province, commune, village}: a province, a commune
 *     directly under it (two-level shape) and a village; names are optional; codes are unique.
 *   makeTeam(unitId, {level, name})           level defaults to 'village' ('commune' for a commune)
 *   addMember(teamId, {full_name, phone, role, gender, birth_year, ...}) → the membership
 *   addMembers(teamId, n, {role}) → n members with made-up names and unique phone numbers
 *   makeAccount(username, password, grants, {full_name}) → the account; grants like
 *     {role: 'commune_officer', unit_id} or {role: 'team_leader', team_id}
 *   login(username, password) → another client signed in as that account
 */
export async function adminApi(baseUrl, username = ADMIN_USER, password = ADMIN_PASSWORD) {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new HttpError('POST', '/auth/login', res.status, body);
  const token = body.token;

  const raw = (method, p, data) =>
    fetch(`${baseUrl}/api/v1${p}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(data !== undefined ? { 'Content-Type': 'application/json' } : {}),
      },
      body: data !== undefined ? JSON.stringify(data) : undefined,
    });
  const call = async (method, p, data) => {
    const r = await raw(method, p, data);
    const text = await r.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    if (!r.ok) throw new HttpError(method, p, r.status, json);
    return json;
  };

  let seq = 0;
  const next = () => ++seq;
  let phoneSeq = Math.floor(Math.random() * 1_000_000);

  const api = {
    baseUrl,
    token,
    account: body.account,
    raw,
    get: (p) => call('GET', p),
    post: (p, data = {}) => call('POST', p, data),
    put: (p, data = {}) => call('PUT', p, data),
    patch: (p, data = {}) => call('PATCH', p, data),
    del: (p) => call('DELETE', p),

    makeUnit: (unit) => api.post('/units', unit),

    async makeTree({ province = 'Tỉnh Thử Nghiệm', commune = 'Xã Nhơn Thử', village = 'Thôn Một' } = {}) {
      const n = next();
      const p = await api.makeUnit({ name: province, kind: 'province', code: String(90 + (n % 10)).padStart(2, '0') });
      const c = await api.makeUnit({
        name: commune,
        kind: 'commune',
        parent_id: p.id,
        code: String(90000 + n).padStart(5, '0'),
      });
      const v = await api.makeUnit({ name: village, kind: 'village', parent_id: c.id, code: `T${n}` });
      return { province: p, commune: c, village: v };
    },

    makeTeam: (unitId, { level = 'village', name } = {}) =>
      api.post('/teams', { unit_id: unitId, level, ...(name ? { name } : {}) }),

    addMember: (teamId, { role = 'member', ...person }) => {
      if (!person.phone) person.phone = `09${String(++phoneSeq % 100_000_000).padStart(8, '0')}`;
      return api.post(`/teams/${teamId}/members`, { role, person });
    },

    async addMembers(teamId, count, { role = 'member' } = {}) {
      const names = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em', 'Võ Thị Giang'];
      const out = [];
      for (let i = 0; i < count; i++) {
        const n = next();
        out.push(await api.addMember(teamId, { role, full_name: `${names[n % names.length]} ${n}` }));
      }
      return out;
    },

    async makeAccount(user, pw, grants = [], { full_name } = {}) {
      const acc = await api.post('/accounts', { username: user, password: pw, ...(full_name ? { full_name } : {}) });
      for (const g of grants) await api.post(`/accounts/${acc.id}/grants`, g);
      return api.get(`/accounts/${acc.id}`);
    },

    login: (user, pw) => adminApi(baseUrl, user, pw),
  };
  return api;
}

/**
 * Debian's chromium through playwright-core, headless, with CHROMIUM_FLAGS. Playwright gives every
 * launch a fresh temporary --user-data-dir (removed on close). Close it with `browser.close()`.
 */
export async function launchBrowser() {
  if (!existsSync(CHROMIUM)) throw new Error(`no chromium at ${CHROMIUM}: run \`make deps\` (apt-get install chromium)`);
  const require = createRequire(path.join(ROOT, 'web/package.json'));
  const { chromium } = require('playwright-core');
  const headed = process.env.CNSCD_E2E_HEADED === '1';
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: !headed,
    args: headed ? CHROMIUM_FLAGS.filter((f) => f !== '--headless') : CHROMIUM_FLAGS,
    timeout: 30_000,
  });
  const close = browser.close.bind(browser);
  browser.close = async () => {
    await describeOpenPages(browser).catch(() => {});
    return close();
  };
  return browser;
}

/**
 * A page in its own browser context (own cookies, own IndexedDB), at PHONE (360×740, isMobile,
 * hasTouch) or DESKTOP (1280×800) or any {width, height, mobile}. Extra context options (e.g.
 * `locale`) pass through. `page.errors` collects uncaught errors of the page.
 */
export async function newPage(browser, { width, height, mobile = false, ...options } = DESKTOP) {
  const context = await browser.newContext({
    viewport: { width, height },
    isMobile: mobile,
    hasTouch: mobile,
    deviceScaleFactor: 1,
    // A Vietnamese device (Intl, Accept-Language). Headless Chromium still draws a date picker
    // as mm/dd/yyyy whatever the locale; the forms' hints say ngày/tháng/năm.
    locale: 'vi-VN',
    ...options,
  });
  // 30 s: a CI machine running two journeys beside each other is slower than a desk.
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  // What a failure report needs: the API answers that went wrong and the console's errors.
  page.trail = [];
  const remember = (line) => {
    page.trail.push(`${new Date().toISOString().slice(11, 23)} ${line}`);
    if (page.trail.length > 40) page.trail.shift();
  };
  page.on('response', (r) => {
    if (r.status() >= 400) remember(`${r.request().method()} ${r.url()} → ${r.status()}`);
  });
  page.on('requestfailed', (r) => remember(`${r.method()} ${r.url()} failed: ${r.failure()?.errorText}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') remember(`console.${m.type()}: ${m.text()}`);
  });
  return page;
}

/**
 * Writes what every page still open in `browser` shows (its address, its text, its trail of
 * failed requests and console errors) to $CNSCD_E2E_DIAG, else to stderr. A journey closes its
 * pages when it passes, so the pages left open at the end are those of a failed step; run.sh
 * prints the file with the failure report. launchBrowser() calls it before closing.
 */
export async function describeOpenPages(browser, label = '') {
  const out = [];
  for (const context of browser.contexts()) {
    for (const page of context.pages()) {
      let text = '';
      try {
        text = (await page.locator('body').innerText({ timeout: 2000 })).replace(/\n{2,}/g, '\n').slice(0, 3000);
      } catch (e) {
        text = `(no text: ${e.message.split('\n')[0]})`;
      }
      out.push(
        `--- page left open${label ? ` (${label})` : ''}: ${page.url()}`,
        `errors: ${JSON.stringify(page.errors ?? [])}`,
        'trail:',
        ...(page.trail ?? []).map((l) => `  ${l}`),
        'text:',
        text,
      );
    }
  }
  if (!out.length) return;
  const report = `${out.join('\n')}\n`;
  if (process.env.CNSCD_E2E_DIAG) appendFileSync(process.env.CNSCD_E2E_DIAG, report);
  else process.stderr.write(report);
}

/**
 * Waits until `locator` matches exactly `n` elements (a list that fills in as its answers come
 * back is checked when it has settled, not at the first element), else fails with the count seen.
 */
export async function expectCount(locator, n, { timeout = 30_000 } = {}) {
  const deadline = Date.now() + timeout;
  let seen = await locator.count();
  while (seen !== n && Date.now() < deadline) {
    await sleep(100);
    seen = await locator.count();
  }
  if (seen !== n) throw new Error(`expected ${n} element(s) matching ${locator}, found ${seen} after ${timeout} ms`);
}

/**
 * Signs in through the login form and waits until the app has left /login.
 * Fills data-testid "login-username" and "login-password", presses "login-submit".
 */
export async function signIn(page, baseUrl, username, password) {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 30_000 });
}

/** Saves a full-page screenshot as <SCREENS_DIR>/<name>.png and returns its path. */
export async function screenshot(page, name) {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const file = path.join(SCREENS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
