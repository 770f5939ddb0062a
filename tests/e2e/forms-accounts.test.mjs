// The accounts screen's forms, done by the administrator in the browser (issue 15, write coverage):
// create an account (POST /accounts) and grant it a role (POST /accounts/ID/grants) at 360 px,
// each after a refusal of the server's that keeps what was typed; at desktop width reset its
// password (POST /accounts/ID/password, then its holder signs in with it), disable and enable it
// (POST /accounts/ID/disable, /enable), revoke the role (DELETE /accounts/ID/grants/GID), and
// sign out (POST /auth/logout). Each screen ends with checkScreen (axe-core, no sideways scroll).
// Run alone: node --test tests/e2e/forms-accounts.test.mjs
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { e2eSkip, startServer, adminApi, launchBrowser, expectCount, newPage, signIn, screenshot, ADMIN_USER, ADMIN_PASSWORD, PHONE, DESKTOP } from './harness.mjs';
import { checkScreen } from './a11y.mjs';

const TAKEN = 'canbo.xa';
const NEW = { username: 'totruong.myphuoc', full_name: 'Nguyễn Văn An', password: 'mat-khau-dau-tien' };
const RESET = 'mat-khau-dat-lai-2026';


describe('accounts: create, grant, reset, disable, enable, revoke, sign out', { skip: e2eSkip, timeout: 240_000 }, () => {
  let server, api, browser, team;
  const accountOf = async (username) => (await api.get('/accounts?limit=1000')).items.find((a) => a.username === username);

  before(async () => {
    server = await startServer();
    api = await adminApi(server.baseUrl);
    const tree = await api.makeTree({ province: 'Tỉnh Sóc Trăng', commune: 'Xã Nhơn Mỹ', village: 'Ấp Mỹ Phước' });
    team = await api.makeTeam(tree.village.id);
    await api.makeAccount(TAKEN, 'mat-khau-can-bo', [{ role: 'commune_officer', unit_id: tree.commune.id }]);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('at 360 px the administrator creates an account and grants it a team role, after a refusal each', async () => {
    const page = await newPage(browser, PHONE);
    await signIn(page, server.baseUrl, ADMIN_USER, ADMIN_PASSWORD);
    await page.getByTestId('menu-button').click();
    await page.getByTestId('nav-accounts').click();
    await page.waitForURL((u) => u.pathname === '/accounts');
    await page.locator('details.create summary').click();

    // A username that exists: the server's message, and every field keeps what was typed.
    await page.getByTestId('account-username').fill(TAKEN);
    await page.getByTestId('account-fullname').fill(NEW.full_name);
    await page.getByTestId('account-password').fill(NEW.password);
    await page.getByTestId('account-create').click();
    await page.getByRole('alert').filter({ hasText: `Tên đăng nhập ${TAKEN} đã tồn tại.` }).waitFor();
    assert.equal(await page.getByTestId('account-username').inputValue(), TAKEN);
    assert.equal(await page.getByTestId('account-fullname').inputValue(), NEW.full_name);
    assert.equal(await page.getByTestId('account-password').inputValue(), NEW.password);

    await page.getByTestId('account-username').fill(NEW.username);
    await page.getByTestId('account-create').click();
    await page.getByRole('status').filter({ hasText: `Đã tạo tài khoản ${NEW.username}` }).waitFor();
    const made = await accountOf(NEW.username);
    assert.equal(made.full_name, NEW.full_name);
    assert.deepEqual(made.grants, []);

    // The new account opens with its forms. A team role without a team: the server refuses it.
    const row = page.locator(`[data-testid="account-row"][data-username="${NEW.username}"]`);
    await row.getByTestId('grant-role').selectOption('team_leader');
    await row.getByTestId('grant-submit').click();
    await row.getByTestId('account-err').filter({ hasText: 'Vai trò này được giao trên một tổ' }).waitFor();
    assert.equal(await row.getByTestId('grant-role').inputValue(), 'team_leader');
    await row.getByTestId('grant-team').selectOption({ label: team.name });
    await row.getByTestId('grant-submit').click();
    await row.getByTestId('account-ok').filter({ hasText: 'Đã cấp vai trò.' }).waitFor();
    await expectCount(row.getByTestId('grant'), 1);
    assert.match(await row.getByTestId('grant').innerText(), new RegExp(team.name));
    assert.deepEqual((await accountOf(NEW.username)).grants.map((g) => [g.role, g.team_id]), [['team_leader', team.id]]);

    await checkScreen(page, 'forms-accounts-phone');
    await screenshot(page, 'forms-accounts-phone');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('at desktop width the administrator resets the password, disables, enables, revokes, and signs out', async () => {
    const page = await newPage(browser, DESKTOP);
    page.on('dialog', (d) => d.accept()); // disabling and revoking ask first
    await signIn(page, server.baseUrl, ADMIN_USER, ADMIN_PASSWORD);
    await page.goto(`${server.baseUrl}/accounts`);
    const row = page.locator(`[data-testid="account-row"][data-username="${NEW.username}"]`);
    await row.getByTestId('account-manage').click();

    await row.getByTestId('reset-password').fill(RESET);
    await row.getByTestId('reset-submit').click();
    await row.getByTestId('account-ok').filter({ hasText: 'Đã đặt lại mật khẩu' }).waitFor();
    assert.equal(await row.getByTestId('reset-password').inputValue(), '');
    // Its holder signs in with the new password.
    const holder = await newPage(browser, PHONE);
    await signIn(holder, server.baseUrl, NEW.username, RESET);
    await holder.context().close();

    await row.getByTestId('account-disable').click();
    await row.getByTestId('account-ok').filter({ hasText: 'Đã khóa tài khoản.' }).waitFor();
    assert.equal((await accountOf(NEW.username)).disabled, true);
    await assert.rejects(api.login(NEW.username, RESET), (e) => e.status === 401 || e.status === 403);
    await row.getByTestId('account-enable').click();
    await row.getByTestId('account-ok').filter({ hasText: 'Đã mở khóa tài khoản.' }).waitFor();
    assert.equal((await accountOf(NEW.username)).disabled, false);

    await row.getByTestId('grant-revoke').click();
    await row.getByTestId('account-ok').filter({ hasText: 'Đã thu hồi vai trò.' }).waitFor();
    await expectCount(row.getByTestId('grant'), 0);
    assert.deepEqual((await accountOf(NEW.username)).grants, []);
    await checkScreen(page, 'forms-accounts-desktop');
    await screenshot(page, 'forms-accounts-desktop');

    // Signing out ends the session on the server: the app is back on the sign-in form.
    await page.getByTestId('sign-out').click();
    await page.waitForURL((u) => u.pathname.startsWith('/login'));
    await page.goto(`${server.baseUrl}/accounts`);
    await page.waitForURL((u) => u.pathname.startsWith('/login'));
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});
