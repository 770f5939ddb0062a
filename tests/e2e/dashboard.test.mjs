// The dashboard journeys (issue 6 item 2): a commune officer sees an indicator against the target
// set over the API; the reporting page of this month (the teams were made today: an earlier month
// does not expect them) shows a team's report not yet sent, then sent on time once its leader has
// opened and sent it in the app; Form 2 downloads as an XLSX.
// Screenshots: docs/screens/{indicators,reporting,report,documents,accounts}-{desktop,phone}.png.
// Run alone: node --test tests/e2e/dashboard.test.mjs
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { e2eSkip, startServer, adminApi, launchBrowser, expectCount, newPage, signIn, screenshot, PHONE, DESKTOP } from './harness.mjs';

const OFFICER = ['canbo.xa', 'mat-khau-e2e'];
const LEADER = ['totruong.thon', 'mat-khau-e2e'];
const PROVINCE = ['so.tinh', 'mat-khau-e2e'];

// Months and years as the server counts them: Vietnam time (UTC+7).
const vnNow = () => new Date(Date.now() + 7 * 3600 * 1000);
const thisYear = () => vnNow().getUTCFullYear();
const thisMonth = () => vnNow().toISOString().slice(0, 7);

describe('dashboard: indicators, the reporting cycle, documents', { skip: e2eSkip, timeout: 180_000 }, () => {
  let server, api, browser, tree, team;
  const period = thisMonth();
  const year = thisYear();

  before(async () => {
    server = await startServer();
    api = await adminApi(server.baseUrl);
    tree = await api.makeTree({ province: 'Tỉnh Sóc Trăng', commune: 'Xã Nhơn Mỹ', village: 'Ấp Mỹ Phước' });
    const second = await api.makeUnit({ name: 'Ấp Mỹ Hưng', kind: 'village', parent_id: tree.commune.id, code: 'MH1' });
    team = await api.makeTeam(tree.village.id);
    await api.makeTeam(second.id);
    const [leader] = await api.addMembers(team.id, 1, { role: 'leader' });
    assert.ok(leader.membership_id);
    await api.addMembers(team.id, 4);
    await api.makeAccount(OFFICER[0], OFFICER[1], [{ role: 'commune_officer', unit_id: tree.commune.id }], {
      full_name: 'Phòng Văn hóa – Xã hội',
    });
    await api.makeAccount(PROVINCE[0], PROVINCE[1], [{ role: 'province_officer', unit_id: tree.province.id }], { full_name: 'Sở KH&CN' });
    await api.makeAccount(LEADER[0], LEADER[1], [{ role: 'team_leader', team_id: team.id }], { full_name: 'Tổ trưởng Ấp Mỹ Phước' });
    await api.put(`/units/${tree.village.id}/population`, { year, age14plus: 1200, age15plus: 1150, age18plus: 1000, working_age: 900, households: 400, businesses: 40 });
    await api.put(`/units/${second.id}/population`, { year, age14plus: 800, age15plus: 760, age18plus: 700, working_age: 600, households: 300, businesses: 25 });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the indicators page shows an indicator with the target set over the API', async () => {
    // Targets as seed 004 writes them: "đạt 90%" and "từ 80-90%", set on the commune.
    await api.put(`/units/${tree.commune.id}/targets`, { year, indicator: 'vneid', min: 90 });
    await api.put(`/units/${tree.commune.id}/targets`, { year, indicator: 'health_record', min: 80, max: 90 });

    for (const [size, name] of [[DESKTOP, 'desktop'], [PHONE, 'phone']]) {
      const page = await newPage(browser, size);
      await signIn(page, server.baseUrl, ...OFFICER);
      await page.goto(`${server.baseUrl}/units/${tree.commune.id}/indicators?year=${year}`);
      const row = page.getByTestId('indicator-vneid');
      await row.waitFor();
      assert.match(await row.getByTestId('indicator-target').innerText(), /≥\s*90\s*%/);
      const status = await row.getByTestId('indicator-status').innerText();
      assert.doesNotMatch(status, /Chưa giao chỉ tiêu/, 'a target is set, so the status judges it');
      assert.match(await page.getByTestId('indicator-health_record').getByTestId('indicator-target').innerText(), /80\s*[–-]\s*90\s*%/);
      // The social network indicator has no target.
      assert.match(await page.getByTestId('indicator-social_network').getByTestId('indicator-status').innerText(), /Chưa giao chỉ tiêu/);
      await page.getByTestId('indicator-chart').waitFor();
      // The children, ranked: both villages, each a link to its own indicators.
      await page.getByTestId('child-row').nth(1).waitFor();
      await expectCount(page.getByTestId('child-row'), 2);
      await page.waitForTimeout(300); // the chart draws on the next frame
      await screenshot(page, `indicators-${name}`);
      assert.deepEqual(page.errors, []);
      await page.context().close();
    }
  });

  test("a province's ranking reaches its communes, or the level below", async () => {
    const page = await newPage(browser, DESKTOP);
    await signIn(page, server.baseUrl, ...PROVINCE);
    await page.goto(`${server.baseUrl}/units/${tree.province.id}/indicators?year=${year}`);
    await page.getByTestId('rank-communes').waitFor();
    assert.ok(await page.getByTestId('rank-communes').isChecked(), 'a province starts on its communes');
    await page.getByTestId('child-parent').filter({ hasText: 'Tỉnh Sóc Trăng' }).waitFor();
    await page.getByTestId('rank-children').check();
    await page.waitForURL((u) => u.searchParams.get('rank') === 'children');
    await expectCount(page.getByTestId('child-parent'), 0);
    await expectCount(page.getByTestId('child-row'), 1);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test("the reporting page shows a team's report not yet sent, then submitted once its leader sends it", async () => {
    const officer = await newPage(browser, DESKTOP);
    await signIn(officer, server.baseUrl, ...OFFICER);
    const reportingUrl = `${server.baseUrl}/units/${tree.commune.id}/reporting?period=${period}`;
    await officer.goto(reportingUrl);
    const row = officer.locator(`[data-testid="reporting-row"][data-reporter="${team.name}"]`);
    await row.waitFor();
    assert.equal(await row.getAttribute('data-timeliness'), 'pending');
    assert.equal(await row.getAttribute('data-status'), 'none');
    assert.equal((await officer.getByTestId('count-expected').innerText()).trim(), '2');
    assert.equal((await officer.getByTestId('count-pending').innerText()).trim(), '2');
    assert.equal((await officer.getByTestId('count-submitted').innerText()).trim(), '0');

    // The leader, on a phone, opens the team's report from the village's reporting page and sends it.
    const leader = await newPage(browser, PHONE);
    leader.on('dialog', (d) => d.accept());
    await signIn(leader, server.baseUrl, ...LEADER);
    await leader.goto(`${server.baseUrl}/units/${tree.village.id}/reporting?period=${period}`);
    await leader.getByTestId('create-report').click();
    await leader.waitForURL(/\/reports\/\d+$/);
    await leader.getByTestId('report-results').fill('Tổ đã hỗ trợ người dân cài đặt VNeID mức 2 tại nhà.');
    await leader.getByTestId('report-difficulties').fill('Sóng điện thoại yếu ở cuối ấp.');
    await leader.getByTestId('report-proposals').fill('Đề nghị nhà mạng hỗ trợ điện thoại cho hộ nghèo.');
    await leader.getByTestId('report-save').click();
    await leader.getByTestId('report-notice').waitFor();
    await screenshot(leader, 'report-phone');
    await leader.getByTestId('report-submit').click();
    await leader.locator('[data-testid="report-status"][data-status="submitted"]').waitFor();
    assert.deepEqual(leader.errors, []);

    await officer.reload();
    await row.waitFor();
    assert.equal(await row.getAttribute('data-status'), 'submitted');
    assert.equal(await row.getAttribute('data-timeliness'), 'on_time'); // sent before the month's end
    assert.equal((await officer.getByTestId('count-submitted').innerText()).trim(), '1');
    assert.equal((await officer.getByTestId('count-pending').innerText()).trim(), '1');
    await screenshot(officer, 'reporting-desktop');

    // The commune officer (the level above) reads it and may approve it.
    await row.getByTestId('open-report').click();
    await officer.waitForURL(/\/reports\/\d+$/);
    assert.match(await officer.getByTestId('report-difficulties-text').innerText(), /Sóng điện thoại yếu/);
    await officer.getByTestId('report-approve').waitFor();
    await screenshot(officer, 'report-desktop');
    await officer.getByTestId('report-approve').click();
    await officer.locator('[data-testid="report-status"][data-status="approved"]').waitFor();
    assert.deepEqual(officer.errors, []);

    const phone = await newPage(browser, PHONE);
    await signIn(phone, server.baseUrl, ...OFFICER);
    await phone.goto(reportingUrl);
    await phone.getByTestId('reporting-row').first().waitFor();
    await screenshot(phone, 'reporting-phone');
    for (const p of [officer, leader, phone]) await p.context().close();
  });

  test('Form 2 downloads as an XLSX workbook', async () => {
    const page = await newPage(browser, DESKTOP);
    await signIn(page, server.baseUrl, ...OFFICER);
    await page.goto(`${server.baseUrl}/units/${tree.commune.id}/documents`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('form2-xlsx').click()]);
    assert.match(download.suggestedFilename(), /\.xlsx$/);
    const bytes = readFileSync(await download.path());
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'an XLSX is a ZIP');
    assert.ok(bytes.length > 1000);
    await screenshot(page, 'documents-desktop');
    assert.deepEqual(page.errors, []);

    const phone = await newPage(browser, PHONE);
    await signIn(phone, server.baseUrl, ...OFFICER);
    await phone.goto(`${server.baseUrl}/accounts`);
    await phone.getByTestId('account-row').first().waitFor();
    await screenshot(phone, 'accounts-phone');
    await page.context().close();
    await phone.context().close();
  });
});
