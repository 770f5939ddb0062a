// The accessibility gate (issue 15, step 7): every screen of the app (each route of
// web/src/router.ts, as the role that uses it, with its forms and dialogs open) passes axe-core with
// no serious or critical violation and does not scroll sideways, at 360×740 and at 1280×800.
// On the demo database (`cnscd demo`), whose accounts are one per role (src/app/demo.cpp).
// Run alone: node --test tests/e2e/a11y.test.mjs
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { e2eSkip, startServer, adminApi, launchBrowser, newPage, signIn, ROOT, PHONE, DESKTOP, DEMO_PASSWORD } from './harness.mjs';
import { checkScreen } from './a11y.mjs';

// The app's routes, read from the router: a screen added there and not here fails the run.
const ROUTES = [...readFileSync(path.join(ROOT, 'web/src/router.ts'), 'utf8').matchAll(/path: '([^']+)'/g)].map((m) => m[1]);
const routeMatcher = (route) =>
  new RegExp(`^${route.replace(/:\w+\(\.\*\)\*/g, '.*').replace(/:\w+\([^)]*\)/g, '\\d+')}$`);
const visited = new Set();

// One screen state as a subtest of `t`: fails on what checkScreen refuses, notes the lesser findings.
const check = (t, page, name) =>
  t.test(name, async (st) => {
    visited.add(new URL(page.url()).pathname);
    for (const line of await checkScreen(page, name)) st.diagnostic(line);
  });

// Settled: the requests a screen makes when it opens have come back.
const settle = (page) => page.waitForLoadState('networkidle');

// Opens what a screen keeps folded: each form behind a toggle (ToggledForm's "<prefix>-toggle"; not
// the unit tree's branches) and each <details>.
async function openForms(page) {
  const toggles = page.locator('button[data-testid$="-toggle"]:not([data-testid^="unit-toggle-"]):visible');
  for (let i = 0; i < 20 && (await toggles.count()); i++) await toggles.first().click();
  const closed = page.locator('details:not([open]) > summary:visible');
  for (let i = 0; i < 20 && (await closed.count()); i++) await closed.first().click();
  await settle(page);
}

// What is checked, by role: [name, path, then (optional) what to do before the second check].
// Paths are functions of the demo's ids (found in before()).
const SCREENS = {
  officer: [
    ['home', () => '/'],
    ['units', () => '/units'],
    ['unit (commune)', (d) => `/units/${d.commune}`, openForms],
    ['unit (village)', (d) => `/units/${d.village}`, openForms],
    ['team', (d) => `/teams/${d.team}`, openForms],
    ['team: contacts dialog', (d) => `/teams/${d.team}`, (page) => page.getByTestId('member-edit').first().click()],
    ['team activities', (d) => `/teams/${d.team}/activities`, openForms],
    ['inbox', () => '/inbox'],
    ['indicators', (d) => `/units/${d.commune}/indicators`],
    ['reporting', (d) => `/units/${d.commune}/reporting`],
    ['report', (d) => `/units/${d.commune}/reporting`, (page) => openReport(page, page.getByTestId('open-report'))],
    ['documents (allowance sheet)', (d) => `/units/${d.commune}/documents`],
    ['unit settings (commune)', (d) => `/units/${d.commune}/settings`, openForms],
    ['accounts', () => '/accounts', openForms],
    ['accounts: one managed', () => '/accounts', (page) => page.getByTestId('account-manage').first().click()],
    ['my account', () => '/me'],
    ['my account: password refused', () => '/me', (page) => page.getByTestId('pw-submit').click()],
  ],
  chair: [
    ['home', () => '/'],
    ['inbox', () => '/inbox'],
    ['inbox: rejecting', () => '/inbox', (page) => page.getByTestId('inbox-reject').first().click()],
    ['team (decision)', (d) => `/teams/${d.team}`, openForms],
  ],
  leader: [
    ['home', () => '/'],
    ['team', (d) => `/teams/${d.team}`, openForms],
    ['team activities', (d) => `/teams/${d.team}/activities`, openForms],
    ['field', () => '/field'],
    ['field: refused', () => '/field', (page) => page.getByTestId('field-save').click()],
    ['inbox', () => '/inbox'],
    ['report (draft)', () => '/', (page) => openReport(page, page.getByTestId('home-report-due').getByRole('link'))],
  ],
  province: [
    ['home', () => '/'],
    ['unit (province)', (d) => `/units/${d.province}`],
    ['indicators', (d) => `/units/${d.province}/indicators`],
    ['indicator setup', (d) => `/units/${d.province}/indicator-setup`, openForms],
    ['unit settings', (d) => `/units/${d.province}/settings`, openForms],
    ['unit settings: event refused', (d) => `/units/${d.province}/settings`, (page) => page.getByTestId('ev-preview-button').click()],
    ['unit settings: event preview', (d) => `/units/${d.province}/settings`, previewRename],
  ],
  viewer: [
    ['home', () => '/'],
    ['indicators', (d) => `/units/${d.province}/indicators`],
  ],
  admin: [
    ['home', () => '/'],
    ['accounts', () => '/accounts'],
  ],
};
const ACCOUNTS = {
  officer: ['vhxh.nhonmy', DEMO_PASSWORD],
  chair: ['chutich.nhonmy', DEMO_PASSWORD],
  leader: ['totruong.myphuoc', DEMO_PASSWORD],
  province: ['so.soctrang', DEMO_PASSWORD],
  viewer: ['doanthanhnien', DEMO_PASSWORD],
  admin: ['admin', 'admin'],
};

// The first report `links` lead to, once it shows.
async function openReport(page, links) {
  await links.first().click();
  await page.waitForURL((u) => u.pathname.startsWith('/reports/'));
  await page.locator('h1').waitFor();
}

// A rename of the first unit offered, previewed (nothing is written).
async function previewRename(page) {
  await page.getByTestId('ev-kind').selectOption('rename');
  await page.getByTestId('ev-subject').selectOption({ index: 1 });
  await page.getByTestId('ev-effective').fill('2026-01-01');
  await page.getByTestId('ev-basis').fill('Nghị quyết số 1/NQ-HĐND');
  await page.getByTestId('ev-name').fill('Tên mới');
  await page.getByTestId('ev-preview-button').click();
  await page.getByTestId('ev-preview').waitFor();
}

// Two pages at a time (nothing here writes): the checks wait on the network more than on the CPU.
// About 2 minutes on the 2-core machine; the timeout leaves room for a machine busy with builds.
describe('accessibility: axe-core and no sideways scroll on every screen', { skip: e2eSkip, timeout: 300_000, concurrency: 2 }, () => {
  let server, browser;
  const ids = {};

  before(async () => {
    server = await startServer({ demo: true });
    const api = await adminApi(server.baseUrl, 'admin', 'admin');
    const unit = async (q, kind) => (await api.get(`/units?q=${encodeURIComponent(q)}&kind=${kind}`)).items[0].id;
    ids.province = await unit('soc trang', 'province');
    ids.commune = await unit('nhon my', 'commune');
    ids.village = await unit('my phuoc', 'village');
    ids.team = (await api.get(`/teams?unit=${ids.village}`)).items[0].id;
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    if (!e2eSkip) {
      const missed = ROUTES.filter((r) => ![...visited].some((p) => routeMatcher(r).test(p)));
      assert.deepEqual(missed, [], 'every route of web/src/router.ts has its screen checked');
    }
  });

  test('phone: the allowance sheet is a short card per line, not a column of wrapped cells', async (t) => {
    const page = await newPage(browser, PHONE);
    await signIn(page, server.baseUrl, ...ACCOUNTS.officer);
    await page.goto(`${server.baseUrl}/units/${ids.commune}/documents`);
    const table = page.getByTestId('allowance-table');
    await table.waitFor();
    const { height, lines } = await table.evaluate((el) => ({ height: el.getBoundingClientRect().height, lines: el.tBodies[0].rows.length }));
    t.diagnostic(`allowance sheet at 360 px: ${lines} lines, ${Math.round(height)} px`);
    // Seven columns squeezed into 310 px made each line 227 px tall (7,040 px for 31 lines).
    assert.ok(height / lines < 100, `${Math.round(height / lines)} px a line`);
    await page.context().close();
  });

  for (const [width, viewport] of [['phone', PHONE], ['desktop', DESKTOP]]) {
    test(`${width}: a stranger's screens`, async (t) => {
      const page = await newPage(browser, viewport);
      await page.goto(`${server.baseUrl}/login`);
      await page.getByTestId('login-username').waitFor();
      await check(t, page, 'sign-in');
      await page.getByTestId('login-username').fill('nobody');
      await page.getByTestId('login-password').fill('wrong');
      await page.getByTestId('login-submit').click();
      await page.getByTestId('login-error').waitFor();
      await check(t, page, 'sign-in refused');
      await page.goto(`${server.baseUrl}/no/such/page`);
      await settle(page);
      await check(t, page, 'not found');
      assert.deepEqual(page.errors, []);
      await page.context().close();
    });

    for (const [role, screens] of Object.entries(SCREENS)) {
      test(`${width}: the ${role}'s screens`, async (t) => {
        const page = await newPage(browser, viewport);
        await signIn(page, server.baseUrl, ...ACCOUNTS[role]);
        const seen = new Set();
        for (const [name, path, then] of screens) {
          await page.goto(server.baseUrl + path(ids));
          await settle(page);
          // Each screen as it opens (once), then in the state `then` leaves it in.
          if (!seen.has(path(ids))) await check(t, page, `${role}: ${name}`);
          seen.add(path(ids));
          if (!then) continue;
          await then(page);
          await settle(page);
          const state = then === openForms ? `${name}, forms open` : name;
          await check(t, page, `${role}: ${state}`);
        }
        assert.deepEqual(page.errors, []);
        await page.context().close();
      });
    }
  }
});
