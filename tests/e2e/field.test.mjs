// Logging support in the field, offline (issue 6 item 2): a member signs in on a phone, opens
// /field, the network is cut in the page, three records are saved and wait in IndexedDB ("3 bản
// ghi chờ gửi"), the app still opens from its cache with no network (and a fourth is logged),
// the network returns and the queue empties itself, and the commune's indicator moves by four. A resend after a lost answer
// does not count twice; a record the server refuses waits with its error until corrected.
// Run alone: node --test tests/e2e/field.test.mjs
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { e2eSkip, startServer, adminApi, launchBrowser, expectCount, newPage, signIn, screenshot, PHONE } from './harness.mjs';

// Today's year in Vietnam (UTC+7), the year the indicator counts.
const year = () => new Date(Date.now() + 7 * 3600_000).getUTCFullYear();

// Distinct made-up mobile numbers (the numerator counts distinct citizens).
let phoneSeq = Math.floor(Math.random() * 900_000);
const nextPhone = () => `098${String(1_000_000 + ++phoneSeq).slice(-7)}`;

const count = async (page, testid) => Number(await page.getByTestId(testid).getAttribute('data-count'));

async function waitForCount(page, testid, n, timeout = 20_000) {
  await page.waitForFunction(
    ([id, want]) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-count') === String(want),
    [testid, n],
    { timeout },
  );
}

// Fills the form for one person helped and presses "Lưu".
async function logOne(page, { service = 'vneid', phone, age, sex = 'female' }) {
  await page.getByTestId(`field-service-${service}`).check({ force: true });
  await page.getByTestId('field-key-kind-phone').check({ force: true });
  await page.getByTestId('field-key').fill(phone);
  if (age !== undefined) await page.getByTestId('field-age').fill(String(age));
  await page.getByTestId(`field-sex-${sex}`).check({ force: true });
  await page.getByTestId('field-save').click();
  // Saved: the person's fields are cleared for the next one.
  await page.waitForFunction(() => document.querySelector('[data-testid="field-key"]')?.value === '');
}

// The service worker is in control and has cached the field screen's chunk (it was loaded before
// the worker took over; the page tells the worker which assets it has).
async function waitForOfflineShell(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(
    async () => {
      const cache = await caches.open('cnscd-shell-v1');
      const keys = (await cache.keys()).map((r) => new URL(r.url).pathname);
      return keys.includes('/index.html') && keys.some((k) => /\/assets\/FieldLog-.*\.js$/.test(k));
    },
    null,
    { timeout: 15_000, polling: 250 },
  );
}

describe('field: log support offline, then online', { skip: e2eSkip, timeout: 180_000 }, () => {
  let server, api, browser, tree, team, me, member;

  before(async () => {
    server = await startServer();
    api = await adminApi(server.baseUrl);
    tree = await api.makeTree({ province: 'Tỉnh Sóc Trăng', commune: 'Xã Nhơn Mỹ', village: 'Ấp Mỹ Phước' });
    team = await api.makeTeam(tree.village.id);
    await api.addMember(team.id, { full_name: 'Nguyễn Văn An', role: 'leader' });
    member = await api.addMember(team.id, { full_name: 'Trần Thị Bình', role: 'member' });
    await api.addMembers(team.id, 3);
    // The member's own account: the username is the phone, the password shown once.
    me = await api.post(`/teams/${team.id}/members/${member.membership_id}/account`);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const vneid = async () => {
    const table = await api.get(`/units/${tree.commune.id}/indicators?year=${year()}`);
    const row = table.items.find((i) => i.code === 'vneid');
    assert.ok(row, 'the commune has a vneid indicator');
    return row.numerator;
  };
  const stored = async () => (await api.get(`/support-records?team=${team.id}`)).total;

  test('a member logs people offline; they are sent when the network returns', async () => {
    const before = await vneid();
    const page = await newPage(browser, PHONE);
    await signIn(page, server.baseUrl, me.account.username, me.password);
    await page.goto(`${server.baseUrl}/field`);

    // Prefilled: the team, its village, and the member found by the account's phone.
    await page.getByTestId('field-member-name').waitFor();
    assert.equal((await page.getByTestId('field-member-name').textContent()).trim(), member.person.full_name);
    assert.equal((await page.getByTestId('field-village-name').textContent()).trim(), tree.village.name);
    assert.equal(await count(page, 'field-waiting'), 0);
    await page.getByTestId('field-service-vneid').check({ force: true });
    await page.getByTestId('field-key').fill('0912 345 678');
    await page.getByTestId('field-age').fill('34');
    await screenshot(page, 'field-phone');
    await page.getByTestId('field-key').fill('');
    await page.getByTestId('field-age').fill('');
    await waitForOfflineShell(page);

    // Local checks, before anything is queued.
    await page.getByTestId('field-key').fill('0299 3822 345'); // a landline
    await page.getByTestId('field-age').fill('12'); // VNeID is for 14 and over
    await page.getByTestId('field-save').click();
    await page.getByTestId('field-form-error').waitFor();
    await expectCount(page.locator('[aria-invalid="true"]'), 2);
    assert.equal(await count(page, 'field-waiting'), 0);
    await page.getByTestId('field-age').fill('');

    // The network is cut in the page.
    await page.context().setOffline(true);
    await page.waitForFunction(() => document.querySelector('[data-testid="field-online"]')?.dataset.online === 'no');
    await logOne(page, { phone: nextPhone(), age: 34, sex: 'female' });
    await logOne(page, { phone: `+84 ${nextPhone().slice(1)}`, age: 61, sex: 'male' });
    await logOne(page, { phone: nextPhone(), sex: 'other' });
    await waitForCount(page, 'field-waiting', 3);
    assert.match(await page.getByTestId('field-waiting').textContent(), /3 bản ghi chờ gửi/);
    await expectCount(page.getByTestId('field-entry'), 3);
    assert.equal(await stored(), 0, 'nothing reached the server');

    // With no network, the app still opens (service worker) and the queue is still there.
    await page.reload();
    await page.getByTestId('field-save').waitFor();
    await waitForCount(page, 'field-waiting', 3);
    // The team, village and member come from the device.
    assert.equal((await page.getByTestId('field-member-name').textContent()).trim(), member.person.full_name);
    await logOne(page, { phone: nextPhone(), age: 22, sex: 'male' });
    await waitForCount(page, 'field-waiting', 4);
    await screenshot(page, 'field-offline-phone');

    // The network returns: the queue sends itself and empties.
    await page.context().setOffline(false);
    await waitForCount(page, 'field-waiting', 0);
    await waitForCount(page, 'field-sent-today', 4);
    await expectCount(page.getByTestId('field-entry'), 0);
    assert.equal(await stored(), 4);
    assert.equal(await vneid(), before + 4, 'the commune indicator counts the four people');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('a resend after a lost answer does not count twice', async () => {
    const before = await vneid();
    const storedBefore = await stored();
    const page = await newPage(browser, PHONE);
    await signIn(page, server.baseUrl, me.account.username, me.password);
    // The first answer is lost on the way back: the server stored the record, the phone never
    // heard it (a dropped signal), so the record stays queued under its UUID.
    let lost = 0;
    await page.route('**/api/v1/support-records', async (route) => {
      if (route.request().method() === 'POST' && lost === 0) {
        lost++;
        await route.fetch();
        await route.abort('connectionreset');
      } else {
        await route.continue();
      }
    });
    await page.goto(`${server.baseUrl}/field`);
    await page.getByTestId('field-member-name').waitFor();
    await logOne(page, { phone: nextPhone(), age: 40 });
    for (let i = 0; i < 100 && lost === 0; i++) await new Promise((r) => setTimeout(r, 100));
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="field-send-now"]')?.disabled,
      null,
      { timeout: 10_000 },
    );
    assert.equal(lost, 1);
    assert.equal(await count(page, 'field-waiting'), 1, 'the phone still holds the record');
    assert.equal(await stored(), storedBefore + 1, 'the server has it already');

    // "Gửi ngay": the same UUID again; the server answers duplicate; nothing is counted twice.
    await page.getByTestId('field-send-now').click();
    await waitForCount(page, 'field-waiting', 0);
    assert.equal(await stored(), storedBefore + 1);
    assert.equal(await vneid(), before + 1);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('a record the server refuses waits with its error, and is corrected', async () => {
    const storedBefore = await stored();
    const page = await newPage(browser, PHONE);
    await signIn(page, server.baseUrl, me.account.username, me.password);
    await page.goto(`${server.baseUrl}/field`);
    await page.getByTestId('field-member-name').waitFor();
    // A record queued on a phone for someone who has since left the team: put straight into the
    // queue's IndexedDB store as the app would have saved it.
    await page.evaluate(
      ({ teamId, villageId }) =>
        new Promise((resolve, reject) => {
          const req = indexedDB.open('cnscd-field', 1);
          req.onsuccess = () => {
            const id = crypto.randomUUID();
            const tx = req.result.transaction('queue', 'readwrite');
            tx.objectStore('queue').put({
              id,
              created_at: Date.now(),
              error: null,
              record: {
                id,
                team_id: teamId,
                member_id: 999_999,
                village_id: villageId,
                service: 'vneid',
                date: new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10),
                citizen: { phone: '0987 000 111' },
              },
            });
            tx.oncomplete = resolve;
            tx.onerror = () => reject(tx.error);
          };
          req.onerror = () => reject(req.error);
        }),
      { teamId: team.id, villageId: tree.village.id },
    );
    await page.reload();
    await waitForCount(page, 'field-failed', 1);
    assert.equal(await count(page, 'field-waiting'), 0);
    const shown = (await page.getByTestId('field-entry-error').textContent()).trim();
    assert.match(shown, /thành viên/, `the server's Vietnamese message is shown: ${shown}`);

    // Correct it: the form takes the record back, with the signed-in member; saved, it goes.
    await page.getByTestId('field-entry-edit').click();
    assert.equal(await page.getByTestId('field-key').inputValue(), '0987 000 111');
    await page.getByTestId('field-save').click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="field-failed"]'));
    await waitForCount(page, 'field-waiting', 0);
    assert.equal(await stored(), storedBefore + 1);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});
