// Two officer's jobs no other journey does in the browser (issue 15, write coverage): the commune
// officer returns a team's submitted report with a reason (POST /reports/ID/return) at desktop
// width, and a report approved meanwhile shows the server's refusal with the reason kept; then
// imports members from a Form 2 sheet (POST /units/ID/imports) at 360 px: a sheet with a wrong
// phone is checked row by row and cannot be applied, the corrected one is checked and applied.
// Each screen ends with checkScreen (axe-core, no sideways scroll).
// Run alone: node --test tests/e2e/forms-reports-import.test.mjs
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { e2eSkip, startServer, adminApi, launchBrowser, expectCount, newPage, signIn, screenshot, HttpError, PHONE, DESKTOP } from './harness.mjs';
import { checkScreen } from './a11y.mjs';

const OFFICER = { username: 'vhxh.nhonmy', password: 'mat-khau-can-bo' };
const COMMUNE = 'Xã Nhơn Mỹ';
const REASON = 'Thiếu số liệu hỗ trợ VNeID của tuần cuối tháng; đề nghị bổ sung.';

// Last month in Vietnam (UTC+7), as the server counts periods.
function lastMonth() {
  const d = new Date(Date.now() + 7 * 3600_000);
  const y = d.getUTCMonth() === 0 ? d.getUTCFullYear() - 1 : d.getUTCFullYear();
  const m = d.getUTCMonth() === 0 ? 12 : d.getUTCMonth();
  return `${y}-${String(m).padStart(2, '0')}`;
}


// Form 2 as a commune keeps it (CSV): the header row, then one member a row.
const form2 = (team, rows) =>
  [
    ['TT', 'Tên xã/phường/thị trấn', 'Tên Tổ công nghệ số cộng đồng', 'Họ tên', 'Chức vụ', 'Điện thoại di động (đã đăng ký Zalo)'],
    ...rows.map(([name, phone], i) => [i === 0 ? '1' : '', i === 0 ? COMMUNE : '', i === 0 ? team : '', name, 'Tổ viên', phone]),
  ]
    .map((cells) => cells.map((c) => `"${c}"`).join(','))
    .join('\r\n');

describe('a report returned with a reason; members imported from Form 2', { skip: e2eSkip, timeout: 240_000 }, () => {
  let server, api, browser, tree, teamA, teamB;

  before(async () => {
    server = await startServer();
    api = await adminApi(server.baseUrl);
    tree = await api.makeTree({ province: 'Tỉnh Sóc Trăng', commune: COMMUNE, village: 'Ấp Mỹ Phước' });
    const second = await api.makeUnit({ name: 'Ấp Mỹ Hưng', kind: 'village', parent_id: tree.commune.id, code: 'MH1' });
    teamA = await api.makeTeam(tree.village.id);
    teamB = await api.makeTeam(second.id);
    await api.addMember(teamA.id, { full_name: 'Nguyễn Văn An', role: 'leader' });
    await api.addMember(teamB.id, { full_name: 'Đặng Thị Hạnh', role: 'leader' });
    await api.makeAccount(OFFICER.username, OFFICER.password, [{ role: 'commune_officer', unit_id: tree.commune.id }]);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('at desktop width the officer returns a report with a reason; one approved meanwhile is refused', async () => {
    // Both teams' reports of last month, written and sent (through the API here).
    const sent = [];
    for (const team of [teamA, teamB]) {
      const draft = await api.post('/reports', { kind: 'team_monthly', team_id: team.id, period: lastMonth() });
      await api.patch(`/reports/${draft.id}`, { results: 'Hỗ trợ 40 người dân cài đặt VNeID.' });
      sent.push(await api.post(`/reports/${draft.id}/submit`));
    }

    const page = await newPage(browser, DESKTOP);
    await signIn(page, server.baseUrl, OFFICER.username, OFFICER.password);
    await page.goto(`${server.baseUrl}/reports/${sent[0].id}`);
    await page.getByTestId('report-reason').fill(REASON);
    await page.getByTestId('report-return').click();
    await page.locator('[data-testid="report-status"][data-status="returned"]').waitFor();
    assert.equal((await page.getByTestId('return-reason').innerText()).includes(REASON), true);
    const returned = await api.get(`/reports/${sent[0].id}`);
    assert.equal(returned.status, 'returned');
    assert.equal(returned.return_reason, REASON);

    // The second report is approved by another officer while this page shows it.
    await page.goto(`${server.baseUrl}/reports/${sent[1].id}`);
    await page.getByTestId('report-reason').fill(REASON);
    await api.post(`/reports/${sent[1].id}/approve`);
    await page.getByTestId('report-return').click();
    const shown = await page.getByTestId('report-error').innerText();
    const refusal = await api.post(`/reports/${sent[1].id}/return`, { reason: REASON }).catch((e) => e);
    assert.ok(refusal instanceof HttpError, 'the server refuses to return an approved report');
    assert.equal(shown.trim(), refusal.error.message);
    assert.equal(await page.getByTestId('report-reason').inputValue(), REASON);
    await checkScreen(page, 'forms-report-return-desktop');
    await screenshot(page, 'forms-report-return-desktop');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('at 360 px the officer imports members: a wrong phone is refused row by row, the corrected sheet applied', async () => {
    const page = await newPage(browser, PHONE);
    await signIn(page, server.baseUrl, OFFICER.username, OFFICER.password);
    await page.goto(`${server.baseUrl}/units/${tree.commune.id}/documents`);
    const sheet = (rows) => ({ name: 'Mau2-Nhon-My.csv', mimeType: 'text/csv', buffer: Buffer.from(form2(teamA.name, rows), 'utf8') });

    await page.getByTestId('import-file').setInputFiles(sheet([['Đỗ Thị Hằng', '0912777001'], ['Bùi Văn Khoa', '12345']]));
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-summary').filter({ hasText: '2 dòng' }).waitFor();
    await expectCount(page.locator('[data-testid="import-row"][data-status="refuse"]'), 1);
    assert.ok(await page.getByTestId('import-apply').isDisabled(), 'a sheet with a refused row cannot be applied');

    await page.getByTestId('import-file').setInputFiles(sheet([['Đỗ Thị Hằng', '0912777001'], ['Bùi Văn Khoa', '0912777002']]));
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-summary').filter({ hasText: '2 thêm mới' }).waitFor();
    await expectCount(page.locator('[data-testid="import-row"][data-status="create"]'), 2);
    await page.getByTestId('import-apply').click();
    await page.getByTestId('import-summary').filter({ hasText: 'Đã nhập: 2 thành viên thêm mới' }).waitFor();
    const names = (await api.get(`/teams/${teamA.id}`)).members.map((m) => m.person.full_name).sort();
    assert.deepEqual(names, ['Bùi Văn Khoa', 'Nguyễn Văn An', 'Đỗ Thị Hằng'].sort());
    await checkScreen(page, 'forms-import-phone');
    await screenshot(page, 'forms-import-phone');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});
