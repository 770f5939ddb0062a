// The membership actions no other journey takes, in the browser (issue 15, write coverage): the
// commune chairman rejects a join request with a reason (POST /membership-requests/ID/reject) at
// desktop width, after the server refused it without one; the team's leader withdraws a request
// a member filed (POST /membership-requests/ID/withdraw) at 360 px, and one withdrawn meanwhile
// shows the server's refusal in its card, and introduces another to the chairman (POST
// /membership-requests/ID/nominate); the commune officer ends a membership (DELETE
// /teams/ID/members/MID) at 360 px, and one ended meanwhile shows the server's refusal. Each
// screen ends with checkScreen (axe-core, no sideways scroll).
// Run alone: node --test tests/e2e/forms-requests.test.mjs
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { e2eSkip, startServer, adminApi, launchBrowser, expectCount, newPage, signIn, screenshot, PHONE, DESKTOP } from './harness.mjs';
import { checkScreen } from './a11y.mjs';

const CHAIR = { username: 'chutich.nhonmy', password: 'mat-khau-chu-tich' };
const OFFICER = { username: 'vhxh.nhonmy', password: 'mat-khau-can-bo' };
const LEADER = { username: 'totruong.myphuoc', password: 'mat-khau-to-truong' };
const MEMBER = { username: 'thanhvien.myphuoc', password: 'mat-khau-thanh-vien' };
const REASON = 'Ấp đã đủ số thành viên theo quy định của xã.';


const person = (full_name, phone) => ({ full_name, phone, gender: 'female', birth_year: 1990 });

describe('membership requests rejected and withdrawn, a membership ended', { skip: e2eSkip, timeout: 240_000 }, () => {
  let server, api, browser, team, members;

  before(async () => {
    server = await startServer();
    api = await adminApi(server.baseUrl);
    const tree = await api.makeTree({ province: 'Tỉnh Sóc Trăng', commune: 'Xã Nhơn Mỹ', village: 'Ấp Mỹ Phước' });
    team = await api.makeTeam(tree.village.id);
    await api.addMember(team.id, { full_name: 'Nguyễn Văn An', role: 'leader' });
    members = [
      await api.addMember(team.id, { full_name: 'Trần Thị Bình', role: 'member' }),
      await api.addMember(team.id, { full_name: 'Lê Văn Cường', role: 'member' }),
    ];
    await api.makeAccount(CHAIR.username, CHAIR.password, [{ role: 'commune_chair', unit_id: tree.commune.id }]);
    await api.makeAccount(OFFICER.username, OFFICER.password, [{ role: 'commune_officer', unit_id: tree.commune.id }]);
    await api.makeAccount(LEADER.username, LEADER.password, [{ role: 'team_leader', team_id: team.id }]);
    await api.makeAccount(MEMBER.username, MEMBER.password, [{ role: 'member', team_id: team.id }]);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('at desktop width the chairman rejects a request, first refused without a reason', async () => {
    // The leader files it: his own request goes straight to the chairman.
    const leader = await api.login(LEADER.username, LEADER.password);
    const request = await leader.post('/membership-requests', { kind: 'join', team_id: team.id, role: 'member', person: person('Võ Thị Giang', '0912555001') });
    assert.equal(request.state, 'nominated');

    const page = await newPage(browser, DESKTOP);
    await signIn(page, server.baseUrl, CHAIR.username, CHAIR.password);
    await page.goto(`${server.baseUrl}/inbox`);
    const card = page.locator(`[data-testid="inbox-item"][data-request-id="${request.id}"]`);
    await card.getByTestId('inbox-reject').click();
    await card.getByTestId('inbox-reject-confirm').click();
    await card.getByTestId('inbox-error').filter({ hasText: 'Cần ghi lý do từ chối.' }).waitFor();
    // The reason box stays open for the reason.
    await card.getByTestId('inbox-reject-reason').fill(REASON);
    await card.getByTestId('inbox-reject-confirm').click();
    await page.getByTestId('inbox-notice').filter({ hasText: 'Đã từ chối yêu cầu của Võ Thị Giang.' }).waitFor();
    await expectCount(card, 0);
    const decided = await api.get(`/membership-requests/${request.id}`);
    assert.equal(decided.state, 'rejected');
    assert.equal(decided.reason, REASON);
    await checkScreen(page, 'forms-reject-desktop');
    await screenshot(page, 'forms-reject-desktop');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('at 360 px the leader withdraws a member’s request; one withdrawn meanwhile is refused', async () => {
    const member = await api.login(MEMBER.username, MEMBER.password);
    const first = await member.post('/membership-requests', { kind: 'join', team_id: team.id, role: 'member', person: person('Phạm Thị Dung', '0912555002') });
    const second = await member.post('/membership-requests', { kind: 'join', team_id: team.id, role: 'collaborator', person: person('Hoàng Văn Em', '0912555003') });

    const page = await newPage(browser, PHONE);
    page.on('dialog', (d) => d.accept()); // withdrawing asks first
    await signIn(page, server.baseUrl, LEADER.username, LEADER.password);
    await page.getByTestId('menu-button').click();
    await page.getByTestId('nav-inbox').click();
    await page.waitForURL((u) => u.pathname === '/inbox');
    const card = (r) => page.locator(`[data-testid="inbox-item"][data-request-id="${r.id}"]`);
    await card(first).getByTestId('inbox-withdraw').click();
    await page.getByTestId('inbox-notice').filter({ hasText: 'Đã rút yêu cầu của Phạm Thị Dung.' }).waitFor();
    assert.equal((await api.get(`/membership-requests/${first.id}`)).state, 'withdrawn');

    // The member takes the other back while the leader's page still shows it.
    await member.post(`/membership-requests/${second.id}/withdraw`);
    await card(second).getByTestId('inbox-withdraw').click();
    await card(second).getByTestId('inbox-error').filter({ hasText: 'Không thể' }).waitFor();
    // A member's request waits on the leader, who introduces it to the chairman.
    const third = await member.post('/membership-requests', { kind: 'join', team_id: team.id, role: 'member', person: person('Đặng Văn Phúc', '0912555004') });
    assert.equal(third.state, 'submitted');
    await page.reload();
    await card(third).getByTestId('inbox-nominate').click();
    await expectCount(card(third).getByTestId('inbox-nominate'), 0);
    assert.equal((await api.get(`/membership-requests/${third.id}`)).state, 'nominated');
    await checkScreen(page, 'forms-withdraw-phone');
    await screenshot(page, 'forms-withdraw-phone');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('at 360 px the commune officer ends a membership; one ended meanwhile is refused', async () => {
    const page = await newPage(browser, PHONE);
    page.on('dialog', (d) => d.accept()); // ending asks first
    await signIn(page, server.baseUrl, OFFICER.username, OFFICER.password);
    await page.goto(`${server.baseUrl}/teams/${team.id}`);
    const row = (name) => page.getByTestId('team-member').filter({ hasText: name });
    await row('Trần Thị Bình').getByTestId('member-end').click();
    await page.getByTestId('team-notice').filter({ hasText: 'Trần Thị Bình đã rời Tổ.' }).waitFor();
    await expectCount(row('Trần Thị Bình'), 0);
    const ended = (await api.get(`/teams/${team.id}`)).members.map((m) => m.membership_id);
    assert.ok(!ended.includes(members[0].membership_id));

    // Another officer ended the other membership meanwhile: the server's refusal shows.
    await api.del(`/teams/${team.id}/members/${members[1].membership_id}`);
    await row('Lê Văn Cường').getByTestId('member-end').click();
    await page.getByTestId('team-action-error').filter({ hasText: 'Thành viên này đã rời tổ' }).waitFor();
    await checkScreen(page, 'forms-end-membership-phone');
    await screenshot(page, 'forms-end-membership-phone');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});
