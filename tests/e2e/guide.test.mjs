// The user guides (docs/guide/) and the help menu (issue 15): each role walks through its screens on
// the demo at 360 px; the help menu opens the guide of the signed-in role at the section of the
// screen (a commune officer on a unit's page, a volunteer on the field page), served by the app
// (web/scripts/guide.mjs). With CNSCD_GUIDE_SHOTS=DIR (`make screens` sets docs/guide/img), each
// step saves the picture the guide shows, named as the guide names it: the screen as a phone
// shows it (360 × 740, no full page: small files).
// Run alone: node --test tests/e2e/guide.test.mjs
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { e2eSkip, startServer, adminApi, launchBrowser, newPage, signIn, ROOT, DEMO_PASSWORD, PHONE } from './harness.mjs';

const SHOTS = process.env.CNSCD_GUIDE_SHOTS ? path.resolve(ROOT, process.env.CNSCD_GUIDE_SHOTS) : '';
const VOLUNTEER = 'tovien.myphuoc';

// The guide's picture `name`, with `at` (a locator) at the top (or `block`) of the screen when given.
async function shot(page, name, at, block = 'start') {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  if (at) await at.evaluate((el, b) => el.scrollIntoView({ block: b }), block);
  else await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

async function noSideScroll(page) {
  const w = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(w <= 360, `${page.url()} is ${w} px wide at 360 px`);
}

// Opens the help menu's link from the header (behind the menu button at phone width): the guide
// opens in a new tab. Returns that tab. `picture`: the guide's picture of the open menu.
async function openHelp(page, picture) {
  await page.getByTestId('menu-button').click();
  const help = page.getByTestId('nav-help');
  await help.waitFor();
  if (picture) await shot(page, picture);
  const [guide] = await Promise.all([page.context().waitForEvent('page'), help.click()]);
  await guide.waitForLoadState();
  return guide;
}

describe('user guides and the help menu, on the demo', { skip: e2eSkip, timeout: 300_000 }, () => {
  let server, browser, ids;

  before(async () => {
    server = await startServer({ demo: true });
    const api = await adminApi(server.baseUrl, 'admin', 'admin');
    const units = async (q) => (await api.get(`/units?${q}&limit=1000`)).items;
    const find = (items, name) => {
      const u = items.find((x) => x.name === name);
      assert.ok(u, `the demo has ${name}`);
      return u;
    };
    const socTrang = find(await units('kind=province'), 'Tỉnh Sóc Trăng');
    const nhonMy = find(await units('kind=commune'), 'Xã Nhơn Mỹ');
    const myPhuoc = find(await units(`parent=${nhonMy.id}`), 'Ấp Mỹ Phước');
    const team = (await api.get(`/teams?unit=${myPhuoc.id}&limit=10`)).items[0];
    assert.ok(team, 'Ấp Mỹ Phước has a team');
    // The demo has no volunteer's account: one for a member of Mỹ Phước's team.
    await api.makeAccount(VOLUNTEER, DEMO_PASSWORD, [{ role: 'member', team_id: team.id }], { full_name: 'Tổ viên ấp Mỹ Phước' });
    ids = { socTrang: socTrang.id, nhonMy: nhonMy.id, team: team.id };
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function as(username) {
    const page = await newPage(browser, { ...PHONE, locale: 'vi-VN' });
    await signIn(page, server.baseUrl, username, DEMO_PASSWORD);
    return page;
  }
  const go = (page, p) => page.goto(`${server.baseUrl}${p}`);

  test('a commune officer: home, the commune, a new village, a team, reporting; help opens at the unit page section', async () => {
    const page = await as('vhxh.nhonmy');
    await page.getByTestId('home-coverage').waitFor();
    await page.getByTestId('home-issues').or(page.getByText('Mọi thôn, ấp đều có Tổ')).waitFor();
    // Only what is the officer's to act on: no team's report listed as his to write.
    for (const li of await page.getByTestId('home-report-due').all()) {
      assert.doesNotMatch(await li.innerText(), /Báo cáo tháng của Tổ/, 'a team report is its leader\'s to write');
    }
    await shot(page, 'xa-trang-chu');

    await go(page, `/units/${ids.nhonMy}`);
    await page.getByTestId('unit-name').waitFor();
    await page.getByTestId('unit-children').waitFor();
    await noSideScroll(page);
    await shot(page, 'xa-trang-don-vi');
    await page.getByTestId('add-village-toggle').click();
    await page.getByTestId('add-village-name').fill('Ấp Phú Lợi');
    await shot(page, 'xa-them-thon', page.getByTestId('add-village-name'), 'center');

    // Help, from the unit page: the commune officer's guide, at the unit page's section.
    await page.getByTestId('add-village-cancel').click();
    const guide = await openHelp(page, 'tro-giup');
    const url = new URL(guide.url());
    assert.equal(url.pathname, '/guide/commune-officer.html');
    assert.equal(url.hash, '#trang-cua-xa-thon-ap');
    assert.equal(await guide.locator('#trang-cua-xa-thon-ap').innerText(), 'Trang của xã, thôn, ấp');
    assert.equal(await guide.locator('html').getAttribute('lang'), 'vi');
    assert.ok(await guide.locator('img[src="img/xa-trang-don-vi.png"]').count(), 'the section shows its picture');
    await guide.close();

    await go(page, `/teams/${ids.team}`);
    await page.getByTestId('team-members').waitFor();
    await noSideScroll(page);
    await shot(page, 'xa-trang-to');

    await go(page, `/units/${ids.nhonMy}/reporting`);
    await page.getByTestId('reporting-row').first().waitFor();
    await shot(page, 'xa-bao-cao');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('the chairman: home, requests, the establishing decision', async () => {
    const page = await as('chutich.nhonmy');
    await page.getByTestId('home-inbox').waitFor();
    await shot(page, 'chutich-trang-chu');
    await go(page, '/inbox');
    await page.getByTestId('inbox-count').waitFor();
    await noSideScroll(page);
    await shot(page, 'chutich-yeu-cau');
    await go(page, `/teams/${ids.team}`);
    const card = page.getByTestId('decision-card');
    await card.waitFor();
    await shot(page, 'chutich-quyet-dinh', card);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('the team leader: home, the team, the team\'s activities', async () => {
    const page = await as('totruong.myphuoc');
    await page.getByTestId('home-team').waitFor();
    await page.getByTestId('home-reports').waitFor();
    await shot(page, 'totruong-trang-chu');
    await go(page, `/teams/${ids.team}`);
    await page.getByTestId('team-members').waitFor();
    await noSideScroll(page);
    await shot(page, 'totruong-trang-to');
    await go(page, `/teams/${ids.team}/activities`);
    await page.getByTestId('training-section').waitFor();
    await noSideScroll(page);
    await shot(page, 'totruong-hoat-dong');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('a volunteer: home, the field form; help opens at the field section', async () => {
    const page = await as(VOLUNTEER);
    await page.getByTestId('home-log-support').waitFor();
    await page.getByTestId('home-month-count').waitFor();
    await shot(page, 'tovien-trang-chu');
    await go(page, '/field');
    await page.getByTestId('field-save').waitFor();
    await page.waitForLoadState('networkidle');
    await noSideScroll(page);
    await shot(page, 'tovien-ghi-nhan');
    const guide = await openHelp(page);
    const url = new URL(guide.url());
    assert.equal(url.pathname, '/guide/volunteer.html');
    assert.equal(url.hash, '#ghi-nhan-mot-luot-ho-tro');
    assert.equal(await guide.locator('#ghi-nhan-mot-luot-ho-tro').innerText(), 'Ghi nhận một lượt hỗ trợ');
    const w = await guide.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(w <= 360, `the guide is ${w} px wide at 360 px`);
    await guide.close();
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('the province officer: home, indicators, targets, settings', async () => {
    const page = await as('so.soctrang');
    await page.getByTestId('home-coverage').waitFor();
    await shot(page, 'so-trang-chu');
    await go(page, `/units/${ids.socTrang}/indicators`);
    await page.getByTestId('indicators-summary').waitFor();
    await noSideScroll(page);
    await shot(page, 'so-chi-so');
    await go(page, `/units/${ids.socTrang}/indicator-setup`);
    await page.getByTestId('own-grid').waitFor();
    await shot(page, 'so-giao-chi-tieu');
    await go(page, `/units/${ids.socTrang}/settings`);
    await page.getByTestId('ua-title').waitFor();
    await noSideScroll(page);
    await shot(page, 'so-thiet-lap');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});
