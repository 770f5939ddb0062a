// The commune officer's journey (issue 6 item 3): sign in, find the village, establish its team,
// add members until the province's policy is met (the violations disappear), make the leader's
// account; the leader files a join request (introduced by filing it), the chairman approves it, and the
// new member shows on the team's page. Screenshots of Home, Units, Unit, Team and Login at 360 px
// and 1280 px go to docs/screens/.
// Run alone: node --test tests/e2e/officer.test.mjs
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { e2eSkip, startServer, adminApi, launchBrowser, expectCount, newPage, signIn, screenshot, PHONE, DESKTOP } from './harness.mjs';

const OFFICER = { username: 'vhxh.nhonthu', password: 'mat-khau-can-bo' };
const CHAIR = { username: 'chutich.nhonthu', password: 'mat-khau-chu-tich' };

describe('a commune officer establishes a team; a join request is filed, introduced and approved', { skip: e2eSkip, timeout: 240_000 }, () => {
  let server, api, browser, tree, secondVillage;
  let teamId, leader;

  before(async () => {
    server = await startServer();
    api = await adminApi(server.baseUrl);
    tree = await api.makeTree({ province: 'Tỉnh Sóc Trăng', commune: 'Xã Nhơn Thử', village: 'Ấp Mỹ Phước' });
    secondVillage = await api.makeUnit({ name: 'Ấp Phú Hữu', kind: 'village', parent_id: tree.commune.id, code: 'PH1' });
    // Seed 000 §1.1 as a policy: at most ten, with a leader and a deputy; here at least three.
    await api.put(`/units/${tree.province.id}/policy`, {
      village: { min: 3, max: 10, require_leader: true, require_deputy: true },
    });
    await api.put(`/units/${tree.commune.id}/population`, { year: new Date().getFullYear(), age14plus: 4200, age15plus: 4100, age18plus: 3900, households: 1200 });
    await api.makeAccount(OFFICER.username, OFFICER.password, [{ role: 'commune_officer', unit_id: tree.commune.id }], { full_name: 'Lê Thị Hoa' });
    await api.makeAccount(CHAIR.username, CHAIR.password, [{ role: 'commune_chair', unit_id: tree.commune.id }], { full_name: 'Trần Văn Minh' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the sign-in page at phone and desktop width', async () => {
    for (const [vp, name] of [[PHONE, 'login-phone'], [DESKTOP, 'login-desktop']]) {
      const page = await newPage(browser, vp);
      await page.goto(`${server.baseUrl}/login`);
      await page.getByTestId('login-username').waitFor();
      await screenshot(page, name);
      assert.deepEqual(page.errors, []);
      await page.context().close();
    }
  });

  test('the officer sees the village without a team, establishes it and fills it until the policy is met', async () => {
    const page = await newPage(browser, PHONE);
    await signIn(page, server.baseUrl, OFFICER.username, OFFICER.password);

    // Home: both villages lack a team; each is a link to its page.
    const missing = page.getByTestId('issue-no-team');
    await missing.first().waitFor();
    await expectCount(missing, 2);
    // The header greets the officer by the account's full name.
    await page.getByTestId('signed-in-user').filter({ hasText: 'Lê Thị Hoa' }).waitFor({ state: 'attached' });

    // The unit tree's search ignores diacritics: "my phuoc" finds "Ấp Mỹ Phước".
    await page.getByTestId('menu-button').click();
    await page.getByTestId('nav-units').click();
    await page.getByTestId('unit-search').fill('my phuoc');
    const hit = page.getByTestId('unit-search-result').filter({ hasText: 'Ấp Mỹ Phước' });
    await hit.waitFor();
    await hit.getByRole('link').click();
    await page.waitForURL((u) => u.pathname === `/units/${tree.village.id}`);
    await page.getByTestId('unit-no-team').waitFor();

    // Establish the team: the app opens its page, which shows what the policy misses.
    await page.getByTestId('create-team').click();
    await page.waitForURL((u) => /^\/teams\/\d+$/.test(u.pathname));
    teamId = Number(new URL(page.url()).pathname.split('/').pop());
    await page.getByTestId('team-name').filter({ hasText: 'Tổ công nghệ số cộng đồng Ấp Mỹ Phước' }).waitFor();
    await page.getByTestId('violation-too_few_members').waitFor();
    await page.getByTestId('violation-no_leader').waitFor();
    await page.getByTestId('violation-no_deputy').waitFor();

    const people = [
      { name: 'Nguyễn Văn An', phone: '0912 000 111', occupation: 'Trưởng ấp', role: 'leader' },
      { name: 'Trương Kim Ngân', phone: '+84 912 000 222', occupation: 'Bí thư Chi đoàn', role: 'deputy' },
      { name: 'Lê Quốc Bảo', phone: '0912000333', occupation: 'Giáo viên', role: 'member' },
    ];
    for (const [i, p] of people.entries()) {
      await page.getByTestId('member-name').fill(p.name);
      await page.getByTestId('member-phone').fill(p.phone);
      await page.getByTestId('member-occupation').fill(p.occupation);
      await page.getByTestId('member-role').selectOption(p.role);
      await page.getByTestId('member-submit').click();
      await page.getByTestId('team-notice').filter({ hasText: p.name }).waitFor();
      await expectCount(page.getByTestId('team-member'), i + 1);
    }
    // Three members with a leader and a deputy: the violations are gone.
    await page.getByTestId('team-ok').waitFor();
    await expectCount(page.getByTestId('team-violations'), 0);
    // The phone is shown as the API stored it (ten digits).
    await page.getByText('0912000222').first().waitFor();

    // The leader's account: the one-time password is shown once.
    const leaderRow = page.getByTestId('team-member').filter({ hasText: 'Nguyễn Văn An' });
    await leaderRow.getByTestId('member-account').click();
    const notice = page.getByTestId('team-notice').filter({ hasText: '0912000111' });
    await notice.waitFor();
    const m = (await notice.textContent()).match(/mật khẩu dùng một lần ([a-z0-9]{12})/);
    assert.ok(m, 'the one-time password is shown');
    leader = { username: '0912000111', password: m[1] };
    await page.getByTestId('team-add').locator('summary').click(); // fold the form for the picture
    await screenshot(page, 'team-phone');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('the leader files a join request, which goes straight to the chairman, who approves it', async () => {
    assert.ok(leader, 'the previous test made the leader');
    const lp = await newPage(browser, PHONE);
    await signIn(lp, server.baseUrl, leader.username, leader.password);
    // A team role's home: the big button to log support, and the team.
    await lp.getByTestId('home-log-support').waitFor();
    await lp.getByTestId('home-team').filter({ hasText: 'Ấp Mỹ Phước' }).waitFor();
    await lp.getByTestId('menu-button').click();
    await lp.getByTestId('nav-inbox').click();
    await lp.waitForURL((u) => u.pathname === '/inbox');
    await lp.getByTestId('inbox-empty').waitFor();
    await lp.getByTestId('join-name').fill('Huỳnh Thị Bích');
    await lp.getByTestId('join-phone').fill('0987 111 222');
    await lp.getByTestId('join-occupation').fill('Giáo viên');
    await lp.getByTestId('join-gender').selectOption('female');
    await lp.getByTestId('join-birth-year').fill('1996');
    await lp.getByTestId('join-note').fill('Giáo viên trường tiểu học ấp Mỹ Phước');
    await lp.getByTestId('join-submit').click();
    // Filed by the leader, it is introduced already: it goes straight to the chairman.
    await lp.getByTestId('inbox-notice').filter({ hasText: 'Huỳnh Thị Bích' }).filter({ hasText: 'Chủ tịch' }).waitFor();
    await lp.getByTestId('inbox-empty').waitFor();
    assert.deepEqual(lp.errors, []);
    await lp.context().close();

    const cp = await newPage(browser, DESKTOP);
    await signIn(cp, server.baseUrl, CHAIR.username, CHAIR.password);
    await cp.getByTestId('home-inbox-count').filter({ hasText: '1' }).waitFor();
    await cp.getByTestId('nav-inbox').click();
    const waiting = cp.getByTestId('inbox-item').filter({ hasText: 'Huỳnh Thị Bích' });
    await waiting.waitFor();
    await waiting.getByTestId('inbox-approve').click();
    await cp.getByTestId('inbox-notice').filter({ hasText: 'Huỳnh Thị Bích' }).waitFor();
    await cp.getByTestId('inbox-empty').waitFor();

    // The team now has four members; the approval is in its history.
    await cp.goto(`${server.baseUrl}/teams/${teamId}`);
    await cp.getByTestId('team-member').filter({ hasText: 'Huỳnh Thị Bích' }).waitFor();
    await expectCount(cp.getByTestId('team-member'), 4);
    await cp.getByTestId('team-history').filter({ hasText: 'Huỳnh Thị Bích' }).waitFor();
    await cp.getByTestId('team-ok').waitFor();
    await screenshot(cp, 'team-desktop');
    assert.deepEqual(cp.errors, []);
    await cp.context().close();
  });

  test('pictures of Home, Units and Unit at phone and desktop width', async () => {
    for (const [vp, suffix] of [[PHONE, 'phone'], [DESKTOP, 'desktop']]) {
      const page = await newPage(browser, vp);
      await signIn(page, server.baseUrl, OFFICER.username, OFFICER.password);
      // One village still lacks a team.
      await page.getByTestId('issue-no-team').filter({ hasText: 'Ấp Phú Hữu' }).waitFor();
      await page.waitForLoadState('networkidle');
      await screenshot(page, `home-${suffix}`);

      await page.goto(`${server.baseUrl}/units`);
      await page.getByTestId(`unit-toggle-${tree.commune.id}`).click();
      await page.getByTestId(`unit-link-${secondVillage.id}`).waitFor();
      await screenshot(page, `units-${suffix}`);

      await page.goto(`${server.baseUrl}/units/${tree.commune.id}`);
      await page.getByTestId('unit-child').filter({ hasText: 'Ấp Phú Hữu' }).getByTestId('child-no-team').waitFor();
      await page.getByTestId('unit-indicators').locator('table').waitFor();
      await page.waitForLoadState('networkidle');
      await screenshot(page, `unit-${suffix}`);
      assert.deepEqual(page.errors, []);
      await page.context().close();
    }
  });
});
