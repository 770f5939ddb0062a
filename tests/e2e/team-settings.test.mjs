// A team's settings on its page, and one's own account (issue 15): the commune chairman records
// the decision that establishes a team (Form 1; POST /decisions) and the page shows it established
// with its documents; an officer corrects a member's phone and occupation (PATCH
// /teams/ID/members/MID); the team's leader records the team's Zalo group (PUT
// /teams/ID/chat-group); the leader changes their own password on "Tài khoản của tôi" (/me; POST
// /auth/password) and signs in with it. Each at 360 px (the decision also at desktop width), with
// a refusal each (the message next to the field, what was typed kept) and no horizontal scroll.
// Run alone: node --test tests/e2e/team-settings.test.mjs
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { e2eSkip, startServer, adminApi, launchBrowser, expectCount, newPage, signIn, screenshot, PHONE, DESKTOP } from './harness.mjs';

const CHAIR = { username: 'chutich.nhonthu', password: 'mat-khau-chu-tich' };
const OFFICER = { username: 'vhxh.nhonthu', password: 'mat-khau-can-bo' };
const LEADER = { username: '0912000111', password: 'mat-khau-to-truong' };
const NEW_PASSWORD = 'mật-khẩu-mới-2026';

async function noSideScroll(page) {
  const w = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(w <= 360, `the page is ${w} px wide at 360 px`);
}

describe('team settings: establishment decision, member contacts, Zalo group, own password', { skip: e2eSkip, timeout: 240_000 }, () => {
  let server, api, browser, tree, teamA, teamB, teamC;

  before(async () => {
    server = await startServer();
    api = await adminApi(server.baseUrl);
    tree = await api.makeTree({ province: 'Tỉnh Sóc Trăng', commune: 'Xã Nhơn Thử', village: 'Ấp Mỹ Phước' });
    const v2 = await api.makeUnit({ name: 'Ấp Phú Hữu', kind: 'village', parent_id: tree.commune.id, code: 'PH1' });
    const v3 = await api.makeUnit({ name: 'Ấp Tân Lập', kind: 'village', parent_id: tree.commune.id, code: 'TL1' });
    teamA = await api.makeTeam(tree.village.id);
    teamB = await api.makeTeam(v2.id);
    teamC = await api.makeTeam(v3.id);
    await api.addMember(teamA.id, { full_name: 'Nguyễn Văn An', phone: '0912000111', occupation: 'Trưởng ấp', role: 'leader' });
    await api.addMember(teamA.id, { full_name: 'Trương Kim Ngân', phone: '0912000222', role: 'deputy' });
    await api.addMember(teamA.id, { full_name: 'Lê Quốc Bảo', phone: '0912000333', occupation: 'Giáo viên', role: 'member' });
    await api.addMember(teamB.id, { full_name: 'Đặng Thị Hạnh', phone: '0912000444', role: 'leader' });
    // An earlier decision of the commune (kiện toàn, so it establishes nothing): the chairman's
    // duplicate number below is refused by the server.
    await api.post('/decisions', {
      commune_id: tree.commune.id, number: '1/QĐ-UBND', date: '2025-07-01', signer: 'Trần Văn Minh', kind: 'amend', team_ids: [teamB.id],
    });
    await api.makeAccount(CHAIR.username, CHAIR.password, [{ role: 'commune_chair', unit_id: tree.commune.id }], { full_name: 'Trần Văn Minh' });
    await api.makeAccount(OFFICER.username, OFFICER.password, [{ role: 'commune_officer', unit_id: tree.commune.id }], { full_name: 'Lê Thị Hoa' });
    await api.makeAccount(LEADER.username, LEADER.password, [{ role: 'team_leader', team_id: teamA.id }], { full_name: 'Nguyễn Văn An' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the chairman records the establishment decision at phone width; refusals keep what was typed', async () => {
    const page = await newPage(browser, { ...PHONE, locale: 'vi-VN' });
    await signIn(page, server.baseUrl, CHAIR.username, CHAIR.password);
    await page.goto(`${server.baseUrl}/teams/${teamA.id}`);
    await page.getByText('Chưa có Quyết định thành lập').first().waitFor();
    await page.getByTestId('decision-form').waitFor();
    // The signer is the chairman, as signed in; the date defaults to today.
    assert.equal(await page.getByTestId('decision-signer').inputValue(), 'Trần Văn Minh');

    // Checked in the browser: no number, a date in the future.
    await page.getByTestId('decision-date').fill('2099-01-01');
    await page.getByTestId('decision-submit').click();
    await page.locator('#decision-number-err').filter({ hasText: 'Vui lòng nhập số, ký hiệu Quyết định.' }).waitFor();
    await page.locator('#decision-date-err').filter({ hasText: 'Ngày ký không được sau ngày hôm nay.' }).waitFor();
    assert.equal(await page.getByTestId('decision-number').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByTestId('decision-date').inputValue(), '2099-01-01');

    // Refused by the server: the commune already has decision 1/QĐ-UBND of that day.
    await page.getByTestId('decision-number').fill('1/QĐ-UBND');
    await page.getByTestId('decision-date').fill('2025-07-01');
    await page.getByTestId('decision-submit').click();
    await page.locator('#decision-number-err').filter({ hasText: 'đã được ghi nhận' }).waitFor();
    assert.equal(await page.getByTestId('decision-number').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByTestId('decision-number').inputValue(), '1/QĐ-UBND');
    assert.equal(await page.getByTestId('decision-date').inputValue(), '2025-07-01');
    await noSideScroll(page);
    await screenshot(page, 'team-settings-decision-refused-phone');

    await page.getByTestId('decision-number').fill('15/QĐ-UBND');
    await page.getByTestId('decision-submit').click();
    await page.getByTestId('decision-done').filter({ hasText: 'Đã ghi nhận Quyết định số 15/QĐ-UBND ngày 01/07/2025' }).waitFor();
    // The team is established; its decision and its documents show.
    await page.getByText('Đã có Quyết định thành lập').first().waitFor();
    await page.getByTestId('decision-current').filter({ hasText: 'Quyết định số 15/QĐ-UBND ngày 01/07/2025' }).waitFor();
    await expectCount(page.getByTestId('decision-form'), 0);
    await page.getByRole('link', { name: 'Quyết định thành lập' }).waitFor();
    const docx = await page.getByTestId('decision-docx').getAttribute('href');
    const res = await page.request.get(`${server.baseUrl}${docx}`);
    assert.equal(res.status(), 200);
    assert.match(res.headers()['content-disposition'] ?? '', /attachment/);
    await noSideScroll(page);
    await screenshot(page, 'team-settings-decision-phone');
    // Only this team was named.
    assert.ok((await api.get(`/teams/${teamA.id}`)).established_by);
    assert.equal((await api.get(`/teams/${teamB.id}`)).established_by, null);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('at desktop width one decision establishes this team and another of the commune', async () => {
    const page = await newPage(browser, { ...DESKTOP, locale: 'vi-VN' });
    await signIn(page, server.baseUrl, CHAIR.username, CHAIR.password);
    await page.goto(`${server.baseUrl}/teams/${teamB.id}`);
    await page.getByTestId('decision-form').waitFor();
    // Team A is established already: only team C is offered beside this one.
    await page.getByTestId(`decision-team-${teamC.id}`).check();
    await expectCount(page.getByTestId(`decision-team-${teamA.id}`), 0);
    await page.getByTestId('decision-number').fill('16/QĐ-UBND');
    await screenshot(page, 'team-settings-decision-desktop');
    await page.getByTestId('decision-submit').click();
    await page.getByTestId('decision-done').filter({ hasText: 'Đã thành lập 2 Tổ' }).waitFor();
    await page.getByTestId('decision-current').filter({ hasText: '16/QĐ-UBND' }).waitFor();
    const b = await api.get(`/teams/${teamB.id}`);
    const c = await api.get(`/teams/${teamC.id}`);
    assert.ok(b.established_by);
    assert.equal(c.established_by, b.established_by);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('an officer corrects a member’s phone and occupation at phone width', async () => {
    const page = await newPage(browser, { ...PHONE, locale: 'vi-VN' });
    await signIn(page, server.baseUrl, OFFICER.username, OFFICER.password);
    await page.goto(`${server.baseUrl}/teams/${teamA.id}`);
    // An officer reads the decision but does not sign.
    await page.getByTestId('decision-current').waitFor();
    await expectCount(page.getByTestId('decision-form'), 0);

    const row = page.getByTestId('team-member').filter({ hasText: 'Lê Quốc Bảo' });
    await row.getByTestId('member-edit').click();
    const dialog = page.getByTestId('contacts-dialog').filter({ hasText: 'Lê Quốc Bảo' });
    await dialog.waitFor();
    assert.equal(await dialog.getByTestId('contacts-phone').inputValue(), '0912000333');

    // Checked in the browser: not a mobile number.
    await dialog.getByTestId('contacts-phone').fill('12345');
    await dialog.getByTestId('contacts-submit').click();
    const phoneErr = dialog.locator('p.error[id$="-phone-err"]');
    await phoneErr.filter({ hasText: 'Số điện thoại di động không hợp lệ' }).waitFor();
    assert.equal(await dialog.getByTestId('contacts-phone').getAttribute('aria-invalid'), 'true');

    // Refused by the server: the number is another person's.
    await dialog.getByTestId('contacts-phone').fill('0912 000 444');
    await dialog.getByTestId('contacts-occupation').fill('Giáo viên tiểu học');
    await dialog.getByTestId('contacts-submit').click();
    await phoneErr.filter({ hasText: 'Số điện thoại này đã được đăng ký cho Đặng Thị Hạnh' }).waitFor();
    assert.equal(await dialog.getByTestId('contacts-phone').getAttribute('aria-invalid'), 'true');
    assert.equal(await dialog.getByTestId('contacts-phone').inputValue(), '0912 000 444');
    assert.equal(await dialog.getByTestId('contacts-occupation').inputValue(), 'Giáo viên tiểu học');
    await noSideScroll(page);
    await screenshot(page, 'team-settings-contacts-phone');

    await dialog.getByTestId('contacts-phone').fill('+84 987 654 321');
    await dialog.getByTestId('contacts-submit').click();
    await page.getByTestId('team-notice').filter({ hasText: 'Đã cập nhật liên hệ của Lê Quốc Bảo.' }).waitFor();
    await expectCount(page.locator('dialog[open]'), 0);
    await row.filter({ hasText: '0987654321' }).filter({ hasText: 'Giáo viên tiểu học' }).waitFor();
    await noSideScroll(page);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('the leader records the team’s Zalo group at phone width', async () => {
    const page = await newPage(browser, { ...PHONE, locale: 'vi-VN' });
    await signIn(page, server.baseUrl, LEADER.username, LEADER.password);
    await page.getByTestId('menu-button').click();
    await page.getByTestId('nav-team').click();
    await page.waitForURL((u) => u.pathname === `/teams/${teamA.id}`);
    // The leader corrects contacts too; the decision is the commune's (not readable by a team role).
    await expectCount(page.getByTestId('member-edit'), 3);
    await expectCount(page.getByTestId('decision-form'), 0);

    await page.getByTestId('team-chat-edit-toggle').click();
    await page.getByTestId('team-chat-edit-link').fill('http://example.com/nhom');
    await page.getByTestId('team-chat-edit-submit').click();
    await page.locator('#team-chat-edit-link-err').filter({ hasText: 'https://zalo.me/g/' }).waitFor();
    assert.equal(await page.getByTestId('team-chat-edit-link').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByTestId('team-chat-edit-link').inputValue(), 'http://example.com/nhom');

    await page.getByTestId('team-chat-edit-link').fill('https://zalo.me/g/myphuoc2026');
    const flags = page.getByTestId('team-chat').locator('input[type="checkbox"]');
    const n = await flags.count();
    for (let i = 0; i < n; i++) await flags.nth(i).check();
    await page.getByTestId('team-chat-edit-submit').click();
    await page.getByTestId('team-chat-edit-done').filter({ hasText: 'Đã lưu nhóm Zalo.' }).waitFor();
    await page.getByTestId('team-chat').getByRole('link', { name: /Mở nhóm/ }).waitFor();
    assert.equal((await api.get(`/teams/${teamA.id}/chat-group`)).link, 'https://zalo.me/g/myphuoc2026');
    await noSideScroll(page);
    await screenshot(page, 'team-settings-chat-phone');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('the leader changes their own password on “Tài khoản của tôi” and signs in with it', async () => {
    const page = await newPage(browser, { ...PHONE, locale: 'vi-VN' });
    await signIn(page, server.baseUrl, LEADER.username, LEADER.password);
    await page.getByTestId('menu-button').click();
    await page.getByTestId('nav-me').click();
    await page.waitForURL((u) => u.pathname === '/me');
    await page.getByTestId('me-username').filter({ hasText: LEADER.username }).waitFor();
    await page.getByTestId('me-role').filter({ hasText: 'Tổ trưởng' }).filter({ hasText: 'Ấp Mỹ Phước' }).waitFor();

    // Checked in the browser: too short, then the repeat differs.
    await page.getByTestId('pw-current').fill('sai-mat-khau');
    await page.getByTestId('pw-new').fill('ngan');
    await page.getByTestId('pw-repeat').fill('ngan');
    await page.getByTestId('pw-submit').click();
    await page.locator('#pw-new-err').filter({ hasText: 'ít nhất 8 ký tự' }).waitFor();
    await page.getByTestId('pw-new').fill(NEW_PASSWORD);
    await page.getByTestId('pw-repeat').fill(NEW_PASSWORD + 'x');
    await page.getByTestId('pw-submit').click();
    await page.locator('#pw-repeat-err').filter({ hasText: 'không khớp' }).waitFor();

    // Refused by the server: the current password is wrong; what was typed stays.
    await page.getByTestId('pw-repeat').fill(NEW_PASSWORD);
    await page.getByTestId('pw-submit').click();
    await page.locator('#pw-current-err').filter({ hasText: 'Mật khẩu hiện tại không đúng.' }).waitFor();
    assert.equal(await page.getByTestId('pw-current').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByTestId('pw-new').inputValue(), NEW_PASSWORD);
    await noSideScroll(page);
    await screenshot(page, 'team-settings-me-refused-phone');

    await page.getByTestId('pw-current').fill(LEADER.password);
    await page.getByTestId('pw-submit').click();
    await page.getByTestId('pw-done').filter({ hasText: 'Đã đổi mật khẩu.' }).waitFor();
    assert.equal(await page.getByTestId('pw-current').inputValue(), '');
    await noSideScroll(page);
    await screenshot(page, 'team-settings-me-phone');
    assert.deepEqual(page.errors, []);
    await page.context().close();

    // The new password signs in (the old one no longer does).
    await assert.rejects(api.login(LEADER.username, LEADER.password), (e) => e.status === 401);
    const again = await newPage(browser, { ...DESKTOP, locale: 'vi-VN' });
    await signIn(again, server.baseUrl, LEADER.username, NEW_PASSWORD);
    await again.getByTestId('nav-me').click();
    await again.getByTestId('me-username').filter({ hasText: LEADER.username }).waitFor();
    await again.waitForLoadState('networkidle');
    await screenshot(again, 'team-settings-me-desktop');
    assert.deepEqual(again.errors, []);
    await again.context().close();
  });
});
