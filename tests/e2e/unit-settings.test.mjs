// A unit's settings on its page (issue 15, helper w1): the commune officer adds a village, enters
// the population of a year, sets the composition policy, records the Zalo group and declares then
// voids a cashless market — each through its own form on the unit's page, at phone width, with a
// refusal (the message shown, what was typed kept) before the success. At desktop width the
// officer adds a village and fills the new village's population and chat group (the chat-group
// form is the one the team page reuses). A viewer sees the policy and the places, and no form.
// Run alone: node --test tests/e2e/unit-settings.test.mjs
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { e2eSkip, startServer, adminApi, launchBrowser, expectCount, newPage, signIn, screenshot, PHONE, DESKTOP } from './harness.mjs';

const OFFICER = { username: 'vhxh.nhonthu', password: 'mat-khau-can-bo' };
const VIEWER = { username: 'xem.nhonthu', password: 'mat-khau-xem' };
const YEAR = new Date().getFullYear();

async function noSideScroll(page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  const wide = width <= 360 ? [] : await page.evaluate(() => [...document.querySelectorAll('body *')]
    .filter((e) => e.getBoundingClientRect().right > 360).slice(0, 5)
    .map((e) => `${e.tagName.toLowerCase()}.${e.className} ${e.getAttribute('data-testid') ?? ''}`));
  assert.ok(width <= 360, `no horizontal scroll at 360 px (scrollWidth ${width}; wide: ${wide.join(', ')})`);
}

describe('a commune officer keeps the unit\'s settings from its page', { skip: e2eSkip, timeout: 240_000 }, () => {
  let server, api, browser, tree;

  before(async () => {
    server = await startServer();
    api = await adminApi(server.baseUrl);
    tree = await api.makeTree({ province: 'Tỉnh Lâm Đồng', commune: 'Xã Quảng Thử', village: 'Thôn Một' });
    await api.makeAccount(OFFICER.username, OFFICER.password, [{ role: 'commune_officer', unit_id: tree.commune.id }], { full_name: 'Lê Thị Hoa' });
    await api.makeAccount(VIEWER.username, VIEWER.password, [{ role: 'viewer', unit_id: tree.commune.id }]);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('at phone width: a village, the population, the policy, the Zalo group, a cashless market', async () => {
    const page = await newPage(browser, PHONE);
    await signIn(page, server.baseUrl, OFFICER.username, OFFICER.password);
    await page.goto(`${server.baseUrl}/units/${tree.commune.id}`);
    await page.getByTestId('unit-name').filter({ hasText: 'Xã Quảng Thử' }).waitFor();

    // 1. A village: a name the commune has is refused in the form; a code another village has
    //    is refused by the server, next to the code; then it is added and listed.
    await page.getByTestId('add-village-toggle').click();
    await page.getByTestId('add-village-type').selectOption('Thôn');
    await page.getByTestId('add-village-name').fill('một');
    await page.getByTestId('add-village-submit').click();
    await page.locator('#add-village-name-err').filter({ hasText: 'Xã đã có Thôn Một' }).waitFor();
    assert.equal(await page.getByTestId('add-village-name').getAttribute('aria-invalid'), 'true');
    await page.getByTestId('add-village-name').fill('Thôn Hai');
    await page.getByTestId('add-village-code').fill(tree.village.code);
    await page.getByText('Tên đầy đủ: Thôn Hai').waitFor();
    await page.getByTestId('add-village-submit').click();
    await page.locator('#add-village-code-err').filter({ hasText: tree.village.code }).waitFor();
    assert.equal(await page.getByTestId('add-village-name').inputValue(), 'Thôn Hai', 'the name typed is kept');
    assert.equal(await page.getByTestId('add-village-code').inputValue(), tree.village.code, 'the code typed is kept');
    await screenshot(page, 'unit-settings-village-refused-phone');
    await page.getByTestId('add-village-code').fill('T-HAI');
    await page.getByTestId('add-village-submit').click();
    await page.getByTestId('add-village-done').filter({ hasText: 'Đã thêm Thôn Hai.' }).waitFor();
    await page.getByTestId('unit-child').filter({ hasText: 'Thôn Hai' }).waitFor();
    await expectCount(page.getByTestId('unit-child'), 2);
    const villages = await api.get(`/units?parent=${tree.commune.id}`);
    const hai = villages.items.find((u) => u.name === 'Thôn Hai');
    assert.ok(hai && hai.subkind === 'thôn' && hai.code === 'T-HAI', 'stored with its type word and code');

    // 2. The population of this year: a figure that is not a number is refused; saved, it shows.
    await page.getByTestId('population-edit-toggle').click();
    assert.equal(await page.getByTestId('population-year').inputValue(), String(YEAR));
    await page.getByTestId('population-age14plus').fill('năm nghìn');
    await page.getByTestId('population-households').fill('1.500');
    await page.getByTestId('population-submit').click();
    await page.locator('#population-age14plus-err').waitFor();
    assert.equal(await page.getByTestId('population-households').inputValue(), '1.500', 'the other figure is kept');
    await page.getByTestId('population-age14plus').fill('5.200');
    await page.getByTestId('population-age15plus').fill('5100');
    await page.getByTestId('population-submit').click();
    await page.getByTestId('population-done').filter({ hasText: `Đã lưu số liệu dân số năm ${YEAR}.` }).waitFor();
    const pop = page.getByTestId('unit-population');
    await pop.getByText('5.200').waitFor();
    await pop.getByText('1.500').waitFor();

    // 3. The policy of village teams: a minimum above the maximum is refused; then saved.
    const policy = page.getByTestId('unit-policy');
    await policy.getByTestId('policy-village').getByText('Chưa có quy định').waitFor();
    await page.getByTestId('policy-edit-toggle').click();
    await page.getByTestId('policy-village-own').check();
    await page.getByTestId('policy-village-min').fill('12');
    await page.getByTestId('policy-village-max').fill('10');
    await page.getByTestId('policy-village-leader').check();
    await page.getByTestId('policy-submit').click();
    await page.locator('#policy-village-min-err').filter({ hasText: 'không được lớn hơn' }).waitFor();
    assert.equal(await page.getByTestId('policy-village-max').inputValue(), '10');
    await noSideScroll(page);
    await screenshot(page, 'unit-settings-policy-form-phone');
    await page.getByTestId('policy-village-min').fill('3');
    await page.getByTestId('policy-village-deputy').check();
    await page.getByTestId('policy-submit').click();
    await page.getByTestId('policy-done').filter({ hasText: 'Đã lưu quy định thành phần Tổ.' }).waitFor();
    await policy.getByTestId('policy-village').getByText('Từ 3 đến 10 thành viên').waitFor();
    await policy.getByTestId('policy-village').getByText('Quy định riêng của đơn vị này.').waitFor();
    const stored = await api.get(`/units/${tree.commune.id}/policy`);
    assert.deepEqual(
      { min: stored.village.min, max: stored.village.max, l: stored.village.require_leader, d: stored.village.require_deputy, s: stored.village.strict, c: stored.commune },
      { min: 3, max: 10, l: true, d: true, s: false, c: null },
    );

    // 4. The Zalo group: a link that is not a Zalo group's is refused; then recorded.
    const chat = page.getByTestId('unit-chat');
    await page.getByTestId('chat-edit-toggle').click();
    await page.getByTestId('chat-edit-link').fill('zalo.me/quangthu');
    await page.locator('[data-testid^="chat-edit-joined-"]').first().check();
    await page.getByTestId('chat-edit-submit').click();
    await page.locator('#chat-edit-link-err').filter({ hasText: 'https://zalo.me/g/' }).waitFor();
    assert.equal(await page.getByTestId('chat-edit-link').inputValue(), 'zalo.me/quangthu');
    await page.getByTestId('chat-edit-link').fill('https://zalo.me/g/quangthu2025');
    await page.getByTestId('chat-edit-submit').click();
    await page.getByTestId('chat-edit-done').filter({ hasText: 'Đã lưu nhóm Zalo.' }).waitFor();
    assert.equal(await chat.getByRole('link', { name: 'Mở nhóm Zalo' }).getAttribute('href'), 'https://zalo.me/g/quangthu2025');
    await chat.getByText(/Đã tham gia: 1\/\d+/).waitFor();

    // 5. A cashless market in a village: declared; declared again, refused by the server (the
    //    message by the name, the form kept); then voided, and listed as voided on request.
    const places = page.getByTestId('unit-cashless');
    await places.getByTestId('cashless-none').waitFor();
    await page.getByTestId('cashless-add-toggle').click();
    await page.getByTestId('cashless-unit').selectOption({ label: 'Thôn Một' });
    await page.getByTestId('cashless-kind').selectOption('market');
    await page.getByTestId('cashless-name').fill('Chợ Quảng Thử');
    await page.getByTestId('cashless-date').fill(`${YEAR}-01-01`);
    await page.getByTestId('cashless-decision').fill('45/QĐ-UBND');
    await page.getByTestId('cashless-submit').click();
    await page.getByTestId('cashless-done').filter({ hasText: 'Đã công nhận chợ “Chợ Quảng Thử”.' }).waitFor();
    const item = places.getByTestId('cashless-item').filter({ hasText: 'Chợ Quảng Thử' });
    await item.getByText(`Công nhận ngày 01/01/${YEAR} · Quyết định số 45/QĐ-UBND · Thôn Một`).waitFor();
    await page.getByTestId('cashless-add-toggle').click();
    await page.getByTestId('cashless-unit').selectOption({ label: 'Thôn Một' });
    await page.getByTestId('cashless-kind').selectOption('market');
    await page.getByTestId('cashless-name').fill('chợ quảng  thử');
    await page.getByTestId('cashless-submit').click();
    await page.locator('#cashless-name-err').filter({ hasText: 'đã công nhận' }).waitFor();
    assert.equal(await page.getByTestId('cashless-name').inputValue(), 'chợ quảng  thử');
    await noSideScroll(page);
    await screenshot(page, 'unit-settings-cashless-refused-phone');
    await page.getByTestId('cashless-cancel').click();
    await item.getByTestId('cashless-void').click();
    await item.getByTestId('cashless-void-confirm').click();
    await page.getByTestId('cashless-done').filter({ hasText: 'Đã hủy công nhận chợ “Chợ Quảng Thử”.' }).waitFor();
    await places.getByTestId('cashless-none').waitFor();
    await page.getByTestId('cashless-voided-toggle').check();
    await item.getByTestId('cashless-voided').waitFor();
    await expectCount(item.getByTestId('cashless-void'), 0);

    await noSideScroll(page);
    await screenshot(page, 'unit-settings-phone');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('at desktop width: a village added, its population and Zalo group', async () => {
    const page = await newPage(browser, DESKTOP);
    await signIn(page, server.baseUrl, OFFICER.username, OFFICER.password);
    await page.goto(`${server.baseUrl}/units/${tree.commune.id}`);
    await page.getByTestId('add-village-toggle').click();
    await page.getByTestId('add-village-type').selectOption('Tổ dân phố');
    await page.getByTestId('add-village-name').fill('Số 5');
    await page.getByText('Tên đầy đủ: Tổ dân phố Số 5').waitFor();
    await screenshot(page, 'unit-settings-village-desktop');
    await page.getByTestId('add-village-submit').click();
    await page.getByTestId('add-village-done').filter({ hasText: 'Đã thêm Tổ dân phố Số 5.' }).waitFor();
    await page.getByTestId('add-village-done').getByRole('link').click();
    await page.getByTestId('unit-name').filter({ hasText: 'Tổ dân phố Số 5' }).waitFor();

    // A village's page: its population for last year, then this year's; the year typed reads
    // back that year's figures.
    await page.getByTestId('unit-population').getByText('Chưa có số liệu dân số.').waitFor();
    await page.getByTestId('population-edit-toggle').click();
    await page.getByTestId('population-year').fill(String(YEAR - 1));
    await page.getByTestId('population-households').fill('310');
    await page.getByTestId('population-businesses').fill('12');
    await screenshot(page, 'unit-settings-population-desktop');
    await page.getByTestId('population-submit').click();
    await page.getByTestId('population-done').filter({ hasText: `năm ${YEAR - 1}` }).waitFor();
    await page.getByTestId('unit-population').getByText(`Năm ${YEAR - 1}`, { exact: true }).waitFor();
    await page.getByTestId('population-edit-toggle').click();
    assert.equal(await page.getByTestId('population-households').inputValue(), '310', 'the stored figures of the year shown');
    await page.getByTestId('population-year').fill('1850');
    await page.getByTestId('population-submit').click();
    await page.locator('#population-year-err').waitFor();
    await page.getByTestId('population-year').fill(String(YEAR));
    await page.getByTestId('population-households').fill('320');
    await page.getByTestId('population-submit').click();
    await page.getByTestId('population-done').filter({ hasText: `năm ${YEAR}` }).waitFor();
    await page.getByTestId('unit-population').getByText('320', { exact: true }).waitFor();

    // The village inherits the commune's policy (shown with its source), and records its group.
    await page.getByTestId('policy-village').getByText('Theo quy định của Xã Quảng Thử.').waitFor();
    await page.getByTestId('chat-edit-toggle').click();
    for (const box of await page.locator('[data-testid^="chat-edit-joined-"]').all()) await box.check();
    await page.getByTestId('chat-edit-link').fill('https://chat.zalo.me/tdp5');
    await page.getByTestId('chat-edit-submit').click();
    await page.getByTestId('chat-edit-done').filter({ hasText: 'Đã lưu nhóm Zalo.' }).waitFor();
    await page.getByTestId('unit-chat').getByText('Đủ thành phần bắt buộc').waitFor();
    await screenshot(page, 'unit-settings-village-page-desktop');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('a viewer sees the policy and the cashless places, and no form', async () => {
    const page = await newPage(browser, PHONE);
    await signIn(page, server.baseUrl, VIEWER.username, VIEWER.password);
    await page.goto(`${server.baseUrl}/units/${tree.commune.id}`);
    await page.getByTestId('policy-village').getByText('Từ 3 đến 10 thành viên').waitFor();
    await page.getByTestId('unit-cashless').waitFor();
    await page.getByTestId('unit-chat').waitFor();
    for (const id of ['add-village-toggle', 'population-edit-toggle', 'policy-edit-toggle', 'chat-edit-toggle', 'cashless-add-toggle']) {
      await expectCount(page.getByTestId(id), 0, { timeout: 1000 });
    }
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});
