// A signed-in volunteer opens the app with no signal (issue 15): the home page opens with an
// offline notice, not the sign-in form (which needs the network); its big button leads to the
// field form, which works from the device; when the network returns, the home page loads what
// waits, and the queue sends what was logged.
// Run alone: node --test tests/e2e/offline-home.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { e2eSkip, startServer, adminApi, launchBrowser, newPage, signIn, PHONE } from './harness.mjs';

// The service worker controls the page and has cached the shell and both screens' chunks (they
// were loaded before it took over; the page tells it which assets it has, pwa.ts).
async function waitForOfflineShell(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(
    async () => {
      const keys = (await (await caches.open('cnscd-shell-v1')).keys()).map((r) => new URL(r.url).pathname);
      return keys.includes('/index.html') && ['Home', 'FieldLog'].every((n) => keys.some((k) => k.startsWith(`/assets/${n}-`)));
    },
    null,
    { timeout: 20_000, polling: 250 },
  );
}

test('a signed-in volunteer opens the home page offline', { skip: e2eSkip, timeout: 120_000 }, async (t) => {
  const server = await startServer();
  t.after(() => server.stop());
  const api = await adminApi(server.baseUrl);
  const tree = await api.makeTree();
  const team = await api.makeTeam(tree.village.id);
  await api.addMember(team.id, { full_name: 'Nguyễn Văn An', role: 'leader' });
  const member = await api.addMember(team.id, { full_name: 'Trần Thị Bình', role: 'member' });
  const me = await api.post(`/teams/${team.id}/members/${member.membership_id}/account`);
  const browser = await launchBrowser();
  t.after(() => browser.close());

  // A first visit online: home, then the field form (which keeps the team on the device).
  const page = await newPage(browser, PHONE);
  await signIn(page, server.baseUrl, me.account.username, me.password);
  await page.getByTestId('home-team').waitFor();
  await page.getByTestId('home-log-support').click();
  await page.getByTestId('field-member-name').waitFor();
  await page.getByTestId('menu-button').click();
  await page.getByTestId('nav-home').click();
  await page.getByTestId('home-team').waitFor();
  await waitForOfflineShell(page);

  // No network: the home page, from the device, says so; not the sign-in form.
  await page.context().setOffline(true);
  await page.goto(`${server.baseUrl}/`);
  await page.getByTestId('home-offline').waitFor();
  assert.equal(new URL(page.url()).pathname, '/');
  assert.match(await page.getByTestId('home-offline').textContent(), /mất mạng/);
  assert.equal(await page.getByTestId('login-username').count(), 0);
  assert.notEqual((await page.getByTestId('signed-in-user').textContent()).trim(), '', 'the header names who is signed in');

  // The field form works offline: one person logged waits on the device.
  await page.getByTestId('home-log-support').click();
  await page.getByTestId('field-member-name').waitFor();
  assert.equal((await page.getByTestId('field-member-name').textContent()).trim(), 'Trần Thị Bình');
  await page.getByTestId('field-service-vneid').check({ force: true });
  await page.getByTestId('field-key').fill('0912 345 678');
  await page.getByTestId('field-save').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="field-waiting"]')?.dataset.count === '1');
  await page.goBack();
  await page.getByTestId('home-offline').waitFor();

  // The network returns: the home page loads what waits, the queue sends the record.
  await page.context().setOffline(false);
  await page.getByTestId('home-team').waitFor();
  assert.equal(await page.getByTestId('home-offline').count(), 0);
  const deadline = Date.now() + 20_000;
  let stored = 0;
  while (stored === 0 && Date.now() < deadline) {
    stored = (await api.get(`/support-records?team=${team.id}`)).total;
    if (!stored) await new Promise((r) => setTimeout(r, 250));
  }
  assert.equal(stored, 1, 'the record logged offline reached the server');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
