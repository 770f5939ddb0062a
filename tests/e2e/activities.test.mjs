// The team's activities besides door-to-door support (issue 15): the team's leader opens
// "Hoạt động của Tổ" from the home page and records a training session (after a refusal of its own
// and one of the server's, each keeping what was typed) and a propaganda event at phone width, and
// a second session at desktop width; the commune officer, who manages the team, opens the view from
// the team's page and voids one entry of each kind, a support record logged through the API among
// them; voiding an entry that was voided meanwhile shows the server's refusal in its row.
// Run alone: node --test tests/e2e/activities.test.mjs
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { e2eSkip, startServer, adminApi, launchBrowser, expectCount, newPage, signIn, screenshot, PHONE, DESKTOP } from './harness.mjs';

const OFFICER = { username: 'vhxh.nhonmy', password: 'mat-khau-can-bo' };
// Today in Vietnam (UTC+7): the server refuses dates after it.
const todayVN = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

async function noSideScroll(page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no horizontal scroll at 360 px (scrollWidth ${width})`);
}

describe("the team's activities: record trainings and events, void wrong entries", { skip: e2eSkip, timeout: 240_000 }, () => {
  let server, api, browser, tree, team, leader, binh, cuong, leaderLogin, supportId;

  before(async () => {
    server = await startServer();
    api = await adminApi(server.baseUrl);
    tree = await api.makeTree({ province: 'Tỉnh Sóc Trăng', commune: 'Xã Nhơn Mỹ', village: 'Ấp Mỹ Phước' });
    team = await api.makeTeam(tree.village.id);
    leader = await api.addMember(team.id, { full_name: 'Nguyễn Văn An', role: 'leader' });
    binh = await api.addMember(team.id, { full_name: 'Trần Thị Bình', role: 'deputy' });
    cuong = await api.addMember(team.id, { full_name: 'Lê Văn Cường', role: 'member' });
    await api.addMember(team.id, { full_name: 'Phạm Thị Dung', role: 'member' });
    const made = await api.post(`/teams/${team.id}/members/${leader.membership_id}/account`);
    leaderLogin = { username: made.account.username, password: made.password };
    await api.makeAccount(OFFICER.username, OFFICER.password, [{ role: 'commune_officer', unit_id: tree.commune.id }], { full_name: 'Lê Thị Hoa' });
    // A support record logged in the field (through the API here): the one the officer voids.
    supportId = randomUUID();
    const batch = await api.post('/support-records', {
      records: [{
        id: supportId, team_id: team.id, member_id: binh.person.id, village_id: tree.village.id, service: 'vneid',
        date: todayVN(), age: 34, sex: 'female', citizen: { phone: '0912345678' },
      }],
    });
    assert.equal(batch.results[0].status, 'created', JSON.stringify(batch.results[0]));
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the leader records a training session (after two refusals) and a propaganda event at phone width', async () => {
    const page = await newPage(browser, PHONE);
    await signIn(page, server.baseUrl, leaderLogin.username, leaderLogin.password);
    await page.getByTestId('home-activities').click();
    await page.waitForURL((u) => u.pathname === `/teams/${team.id}/activities`);
    await page.getByRole('heading', { level: 1, name: 'Hoạt động của Tổ' }).waitFor();
    // The month's support record is listed; a team role has no void action (the server refuses it).
    await expectCount(page.getByTestId('support-item'), 1);
    await page.getByTestId('support-item').filter({ hasText: 'Trần Thị Bình' }).waitFor();
    await page.getByTestId('activities-void-note').waitFor();
    await expectCount(page.getByTestId('support-void'), 0);

    await page.getByTestId('training-section').locator('summary').click();
    // The signed-in leader is ticked already.
    assert.ok(await page.getByTestId(`training-member-${leader.person.id}`).isChecked());
    const title = 'Hướng dẫn cài đặt VNeID mức 2 cho người dân ấp';
    await page.getByTestId('training-topic').selectOption('vneid');
    await page.getByTestId('training-title').fill(title);
    await page.getByTestId('training-attendance').fill('0');
    await page.getByTestId('training-submit').click();
    // The form's own check: the message at the field, what was typed kept.
    const attendance = page.getByTestId('training-attendance');
    await page.getByText('Số người tham dự phải là số nguyên từ 1 đến 10.000.').waitFor();
    assert.equal(await attendance.getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByTestId('training-title').inputValue(), title);
    await page.getByTestId('training-error').filter({ hasText: 'Kiểm tra lại' }).waitFor();

    // The server's refusal: Cường left the team after the page was loaded.
    await api.del(`/teams/${team.id}/members/${cuong.membership_id}`);
    await attendance.fill('25');
    await page.getByTestId('training-households').fill('6');
    await page.getByTestId(`training-member-${cuong.person.id}`).check();
    await page.getByTestId('training-submit').click();
    const members = page.getByTestId('training-members');
    await members.getByText('Lê Văn Cường: Người này không phải thành viên hiện tại').waitFor();
    assert.equal(await page.getByTestId(`training-member-${cuong.person.id}`).getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByTestId(`training-member-${leader.person.id}`).getAttribute('aria-invalid'), null);
    assert.equal(await page.getByTestId('training-title').inputValue(), title);
    assert.equal(await attendance.inputValue(), '25');
    assert.equal(await page.getByTestId('training-households').inputValue(), '6');
    await screenshot(page, 'activities-refused-phone');

    await page.getByTestId(`training-member-${cuong.person.id}`).uncheck();
    await page.getByTestId('training-submit').click();
    await page.getByTestId('training-notice').filter({ hasText: title }).waitFor();
    const trainings = page.getByTestId('training-item');
    await expectCount(trainings, 1);
    await trainings.filter({ hasText: title }).filter({ hasText: '25 người dự' }).filter({ hasText: '6 hộ' }).waitFor();
    // The form is ready for the next one.
    assert.equal(await page.getByTestId('training-title').inputValue(), '');

    await page.getByTestId('event-section').locator('summary').click();
    await page.getByTestId('event-kind').selectOption('loudspeaker');
    await page.getByTestId('event-note').fill('Phát loa về cài đặt VNeID mức 2, sáng thứ Bảy');
    await page.getByTestId(`event-member-${binh.person.id}`).check();
    await page.getByTestId('event-submit').click();
    await page.getByTestId('event-notice').filter({ hasText: 'Loa truyền thanh' }).waitFor();
    await expectCount(page.getByTestId('event-item'), 1);
    await page.getByTestId('event-item').filter({ hasText: 'Trần Thị Bình' }).filter({ hasText: 'Phát loa' }).waitFor();

    await noSideScroll(page);
    await screenshot(page, 'activities-leader-phone');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('the leader records a members’ training session at desktop width', async () => {
    const page = await newPage(browser, DESKTOP);
    await signIn(page, server.baseUrl, leaderLogin.username, leaderLogin.password);
    await page.goto(`${server.baseUrl}/teams/${team.id}/activities`);
    await expectCount(page.getByTestId('training-item'), 1);
    await page.getByTestId('training-section').locator('summary').click();
    await page.getByTestId('training-audience-members').check();
    await expectCount(page.getByTestId('training-households'), 0);
    await page.getByTestId('training-topic').selectOption('digital_skills');
    await page.getByTestId('training-title').fill('Tập huấn kỹ năng số cho thành viên Tổ');
    await page.getByTestId('training-attendance').fill('3');
    await page.getByTestId(`training-member-${binh.person.id}`).check();
    await page.getByTestId('training-submit').click();
    await page.getByTestId('training-notice').filter({ hasText: 'Tập huấn kỹ năng số' }).waitFor();
    await expectCount(page.getByTestId('training-item'), 2);
    await screenshot(page, 'activities-leader-desktop');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('the commune officer voids a support record, a training session and an event', async () => {
    const page = await newPage(browser, PHONE);
    await signIn(page, server.baseUrl, OFFICER.username, OFFICER.password);
    await page.goto(`${server.baseUrl}/teams/${team.id}`);
    await page.getByTestId('team-activities-link').click();
    await page.waitForURL((u) => u.pathname === `/teams/${team.id}/activities`);
    await expectCount(page.getByTestId('training-item'), 2);
    await expectCount(page.getByTestId('event-item'), 1);
    await expectCount(page.getByTestId('support-item'), 1);

    const voidOne = async (kind, row) => {
      await row.getByTestId(`${kind}-void`).click();
      await row.getByTestId(`${kind}-void-yes`).click();
      await page.getByTestId(`${kind}-list-notice`).filter({ hasText: 'Đã hủy' }).waitFor();
      await row.getByTestId(`${kind}-voided`).waitFor();
      assert.equal(await row.getAttribute('data-voided'), 'true');
      await expectCount(row.getByTestId(`${kind}-void`), 0);
    };
    // Voiding asks first; "Giữ lại" keeps the entry.
    const support = page.getByTestId('support-item').first();
    await support.getByTestId('support-void').click();
    await support.getByTestId('support-void-no').click();
    await support.getByTestId('support-void').waitFor();
    await voidOne('support', support);
    await voidOne('training', page.getByTestId('training-item').filter({ hasText: 'VNeID mức 2' }));
    await voidOne('event', page.getByTestId('event-item').first());

    // The other session is voided meanwhile (another officer): the server's refusal shows in its row.
    const other = page.getByTestId('training-item').filter({ hasText: 'kỹ năng số' });
    const otherId = await other.getAttribute('data-id');
    await api.post('/trainings/void', { id: otherId });
    await other.getByTestId('training-void').click();
    await other.getByTestId('training-void-yes').click();
    await other.getByTestId('training-void-error').filter({ hasText: 'đã bị hủy' }).waitFor();
    await other.getByTestId('training-voided').waitFor();
    await expectCount(other.getByTestId('training-void'), 0);

    // The server holds the voids.
    const list = async (p) => (await api.get(`${p}`)).items;
    assert.ok((await list(`/support-records?team=${team.id}`)).find((r) => r.id === supportId).voided_at);
    assert.ok((await list(`/trainings?team_id=${team.id}`)).every((s) => s.voided_at));
    assert.ok((await list(`/propaganda-events?team_id=${team.id}`)).every((e) => e.voided_at));

    await noSideScroll(page);
    await screenshot(page, 'activities-officer-phone');
    assert.deepEqual(page.errors, []);
    await page.context().close();

    const desk = await newPage(browser, DESKTOP);
    await signIn(desk, server.baseUrl, OFFICER.username, OFFICER.password);
    await desk.goto(`${server.baseUrl}/teams/${team.id}/activities`);
    await expectCount(desk.getByTestId('training-voided'), 2);
    await screenshot(desk, 'activities-officer-desktop');
    assert.deepEqual(desk.errors, []);
    await desk.context().close();
  });
});
