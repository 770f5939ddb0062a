// The province officer sets up what is measured (issue 15): on "Thiết lập chỉ số", reached from the
// province's page and from the indicators dashboard, the targets grid (indicators × years) of the
// province and of one of its communes (PUT /units/ID/targets, one request per changed cell, typed
// in Vietnamese decimals), the province's own digital service (POST /units/ID/services) and its own
// indicator (POST /units/ID/indicator-definitions), which then takes targets in the grid. Phone
// first (360 px), the grid and a training indicator again at desktop; the commune officer then
// reads the targets set above the commune. Refusals: a cell out of range (the form's check, nothing
// sent, the text kept), a service code another officer took meanwhile (the server's 409, shown at
// the code, the form kept), an indicator code of the wrong shape.
// Screenshots: indicator-setup-{phone,desktop,commune-phone}.png.
// Run alone: node --test tests/e2e/indicator-setup.test.mjs
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { e2eSkip, startServer, adminApi, launchBrowser, newPage, signIn, screenshot, PHONE, DESKTOP } from './harness.mjs';

const PROVINCE_OFFICER = ['so.khcn', 'mat-khau-so-e2e'];
const COMMUNE_OFFICER = ['vhxh.quangson', 'mat-khau-xa-e2e'];

// The grid's default years: this year (Vietnam time), the next and 2030.
const year = new Date(Date.now() + 7 * 3600 * 1000).getUTCFullYear();
const horizon = Math.max(2030, year + 2);

async function noSideScroll(page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `the page scrolls sideways at 360 px (${width} px wide)`);
}

describe('indicator setup: targets grid, the province\'s own services and indicators', { skip: e2eSkip, timeout: 240_000 }, () => {
  let server, api, browser, tree;

  before(async () => {
    server = await startServer();
    api = await adminApi(server.baseUrl);
    tree = await api.makeTree({ province: 'Tỉnh Lâm Đồng', commune: 'Xã Quảng Sơn', village: 'Thôn 1' });
    await api.makeUnit({ name: 'Xã Đạ Huoai', kind: 'commune', parent_id: tree.province.id, code: '99123' });
    await api.makeAccount(...PROVINCE_OFFICER, [{ role: 'province_officer', unit_id: tree.province.id }], { full_name: 'Sở Khoa học và Công nghệ' });
    await api.makeAccount(...COMMUNE_OFFICER, [{ role: 'commune_officer', unit_id: tree.commune.id }], { full_name: 'Văn hóa – Xã hội Quảng Sơn' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('at 360 px the province officer sets targets, adds a service and an indicator', async () => {
    const page = await newPage(browser, PHONE);
    await signIn(page, server.baseUrl, ...PROVINCE_OFFICER);
    await page.goto(`${server.baseUrl}/units/${tree.province.id}`);
    await page.getByTestId('unit-indicator-setup-link').click();
    await page.waitForURL((u) => u.pathname === `/units/${tree.province.id}/indicator-setup`);
    await page.getByTestId('setup-title').filter({ hasText: 'Thiết lập chỉ số' }).waitFor();
    const cell = (prefix, code, y = year) => page.getByTestId(`${prefix}-cell-${code}-${y}`);
    await cell('own', 'vneid').waitFor();

    // Seed 004's targets as the plan writes them; one out of range: nothing is sent, the text stays.
    await cell('own', 'vneid').fill('90');
    await cell('own', 'health_record').fill('80-90');
    await cell('own', 'digital_signature', horizon).fill('> 70');
    await cell('own', 'public_service').fill('58,2');
    await cell('own', 'payment_account').fill('120');
    await page.getByTestId('own-save').click();
    await page.getByTestId(`own-err-payment_account-${year}`).filter({ hasText: 'trong khoảng 0 đến 100' }).waitFor();
    await page.getByTestId('own-alert').filter({ hasText: 'chưa lưu ô nào' }).waitFor();
    assert.equal(await cell('own', 'payment_account').getAttribute('aria-invalid'), 'true');
    assert.equal(await cell('own', 'payment_account').inputValue(), '120');
    assert.equal(await cell('own', 'public_service').inputValue(), '58,2');
    const stored = await api.get(`/units/${tree.province.id}/targets?year=${year}`);
    assert.equal(stored.items.find((i) => i.indicator === 'vneid').min, null, 'nothing was sent');

    await cell('own', 'payment_account').fill('50');
    await page.getByTestId('own-save').click();
    await page.getByTestId('own-status').filter({ hasText: 'Đã lưu 5 chỉ tiêu của Tỉnh Lâm Đồng' }).waitFor();
    // The cells show what the server keeps, in Vietnamese decimals.
    assert.equal(await cell('own', 'public_service').inputValue(), '≥ 58,2');
    assert.equal(await cell('own', 'health_record').inputValue(), '80–90');
    assert.equal(await cell('own', 'digital_signature', horizon).inputValue(), '> 70');
    const after = await api.get(`/units/${tree.province.id}/targets?year=${year}`);
    assert.deepEqual(
      (({ min, max, strict }) => ({ min, max, strict }))(after.items.find((i) => i.indicator === 'public_service')),
      { min: 58.2, max: null, strict: false },
    );

    // The commune below inherits them; it gets a target of its own for VNeID.
    await page.getByTestId('setup-child').selectOption(String(tree.commune.id));
    await page.getByTestId(`child-inherited-vneid-${year}`).filter({ hasText: 'Cấp trên: ≥ 90 %' }).waitFor();
    await cell('child', 'vneid').fill('95');
    await page.getByTestId('child-save').click();
    await page.getByTestId('child-status').filter({ hasText: 'Đã lưu 1 chỉ tiêu của Xã Quảng Sơn' }).waitFor();
    await noSideScroll(page);

    // The province's own service. Another officer took the code "bhxh_so" meanwhile: the server
    // refuses, the message stands at the code and what was typed stays.
    await api.post(`/units/${tree.province.id}/services`, { code: 'bhxh_so', name: 'Bảo hiểm xã hội số', subject: 'people', cohort: 'age18plus' });
    await page.getByTestId('svc-name').fill('Ứng dụng VssID');
    await page.getByTestId('svc-code').fill('bhxh_so');
    await page.getByTestId('svc-cohort').selectOption('age15plus');
    await page.getByTestId('svc-min-age').fill('15');
    await page.getByTestId('svc-submit').click();
    await page.locator('#svc-code-err').filter({ hasText: 'Tỉnh đã có dịch vụ mã "bhxh_so"' }).waitFor();
    assert.equal(await page.getByTestId('svc-code').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByTestId('svc-name').inputValue(), 'Ứng dụng VssID');
    await page.getByTestId('svc-code').fill('vssid');
    await page.getByTestId('svc-submit').click();
    await page.getByTestId('svc-done').filter({ hasText: 'Đã thêm dịch vụ «Ứng dụng VssID»' }).waitFor();
    await page.getByTestId('service-item-vssid').filter({ hasText: 'từ 15 tuổi' }).waitFor();

    // The province's own indicator on that service: a badly shaped code first.
    await page.getByTestId('def-name').fill('Người từ 15 tuổi trở lên dùng ứng dụng VssID');
    await page.getByTestId('def-code').fill('VssID users');
    await page.getByTestId('def-cohort').selectOption('age15plus');
    await page.getByTestId('def-service').selectOption('vssid');
    await page.getByTestId('def-submit').click();
    await page.locator('#def-code-err').filter({ hasText: 'Mã chỉ số gồm 2 đến 40 ký tự' }).waitFor();
    assert.equal(await page.getByTestId('def-name').inputValue(), 'Người từ 15 tuổi trở lên dùng ứng dụng VssID');
    await page.getByTestId('def-code').fill('vssid_users');
    await page.getByTestId('def-submit').click();
    await page.getByTestId('def-done').filter({ hasText: 'Đã thêm chỉ số' }).waitFor();
    await page.getByTestId('def-item-vssid_users').filter({ hasText: 'Ứng dụng VssID' }).waitFor();

    // It takes a target at once, in the grid.
    await cell('own', 'vssid_users').fill('30');
    await page.getByTestId('own-save').click();
    await page.getByTestId('own-status').filter({ hasText: 'Đã lưu 1 chỉ tiêu' }).waitFor();
    const own = await api.get(`/units/${tree.province.id}/targets?year=${year}`);
    assert.equal(own.items.find((i) => i.indicator === 'vssid_users').min, 30);

    await noSideScroll(page);
    await page.locator('#setup-targets').scrollIntoViewIfNeeded();
    await screenshot(page, 'indicator-setup-phone');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('at desktop the officer adds a year, sets and removes targets, defines a training indicator', async () => {
    const page = await newPage(browser, DESKTOP);
    await signIn(page, server.baseUrl, ...PROVINCE_OFFICER);
    // Reached from the indicators dashboard too.
    await page.goto(`${server.baseUrl}/units/${tree.province.id}/indicators`);
    await page.getByTestId('indicators-setup-link').click();
    await page.waitForURL((u) => u.pathname === `/units/${tree.province.id}/indicator-setup`);
    const cell = (code, y = year) => page.getByTestId(`own-cell-${code}-${y}`);
    await cell('vneid').waitFor();
    assert.equal(await cell('vneid').inputValue(), '≥ 90');

    await page.getByTestId('setup-year-add').fill('20x8');
    await page.getByTestId('setup-year-add-submit').click();
    await page.getByTestId('setup-year-error').filter({ hasText: '4 chữ số' }).waitFor();
    await page.getByTestId('setup-year-add').fill('2028');
    await page.getByTestId('setup-year-add-submit').click();
    await cell('vneid', 2028).waitFor();
    await cell('vneid', 2028).fill('95');
    await cell('qr_payment', 2028).fill('90–100 %');
    await cell('cashless_street', 2028).fill('2');
    // Clearing a cell removes the province's own target.
    await cell('payment_account').fill('');
    await page.getByTestId('own-save').click();
    await page.getByTestId('own-status').filter({ hasText: 'Đã lưu 4 chỉ tiêu' }).waitFor();
    const y2028 = await api.get(`/units/${tree.province.id}/targets?year=2028`);
    assert.equal(y2028.items.find((i) => i.indicator === 'cashless_street').min, 2);
    assert.equal(y2028.items.find((i) => i.indicator === 'qr_payment').max, 100);
    const now = await api.get(`/units/${tree.province.id}/targets?year=${year}`);
    assert.equal(now.items.find((i) => i.indicator === 'payment_account').min, null);

    // A cell the server refuses (every rule the server has, the grid checks first, so the refusal
    // is played by the browser here): the others are saved, it keeps its text and the message.
    const refusal = {
      code: 'invalid_target', field: 'min',
      message: 'Chỉ tiêu phần trăm phải nằm trong khoảng 0 đến 100.', message_en: 'A percentage target must lie between 0 and 100.',
    };
    await page.route('**/api/v1/units/*/targets', (route) =>
      route.request().method() === 'PUT' && route.request().postDataJSON().indicator === 'ecommerce'
        ? route.fulfill({ status: 422, contentType: 'application/json', body: JSON.stringify({ error: refusal }) })
        : route.continue());
    await cell('ecommerce').fill('10');
    await cell('social_network').fill('60');
    await page.getByTestId('own-save').click();
    await page.getByTestId('own-alert').filter({ hasText: 'Đã lưu 1 ô; 1 ô bị từ chối' }).waitFor();
    await page.getByTestId(`own-err-ecommerce-${year}`).filter({ hasText: refusal.message }).waitFor();
    assert.equal(await cell('ecommerce').inputValue(), '10');
    assert.equal(await cell('ecommerce').getAttribute('aria-invalid'), 'true');
    assert.equal(await cell('social_network').inputValue(), '≥ 60');
    await page.unroute('**/api/v1/units/*/targets');
    await page.getByTestId('own-save').click();
    await page.getByTestId('own-status').filter({ hasText: 'Đã lưu 1 chỉ tiêu' }).waitFor();
    assert.equal(await cell('ecommerce').inputValue(), '≥ 10');

    // Seed 003's indicator on trainings, counted in households.
    await page.getByTestId('def-name').fill('Hộ sản xuất, kinh doanh được tập huấn thương mại điện tử');
    await page.getByTestId('def-code').fill('households_trained_ecommerce');
    await page.getByTestId('def-cohort').selectOption('business_households');
    await page.getByTestId('def-source').selectOption('training');
    await page.getByTestId('def-topic').selectOption('ecommerce');
    await page.getByTestId('def-count-of').selectOption('households');
    await page.getByTestId('def-submit').click();
    await page.getByTestId('def-done').filter({ hasText: 'Đã thêm chỉ số' }).waitFor();
    await page.getByTestId('def-item-households_trained_ecommerce').filter({ hasText: 'Hộ được tập huấn' }).waitFor();
    await cell('households_trained_ecommerce').waitFor();

    await page.locator('#setup-targets').scrollIntoViewIfNeeded();
    await screenshot(page, 'indicator-setup-desktop');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('the commune officer reads the targets set above the commune', async () => {
    const page = await newPage(browser, PHONE);
    await signIn(page, server.baseUrl, ...COMMUNE_OFFICER);
    await page.goto(`${server.baseUrl}/units/${tree.commune.id}`);
    await page.getByTestId('unit-indicator-setup-link').click();
    await page.waitForURL((u) => u.pathname === `/units/${tree.commune.id}/indicator-setup`);
    // The commune's own VNeID target, and the province's as inherited.
    const own = page.getByTestId(`own-cell-vneid-${year}`);
    await own.waitFor();
    assert.equal(await own.inputValue(), '≥ 95');
    await page.getByTestId(`own-inherited-health_record-${year}`).filter({ hasText: '80–90 %' }).waitFor();
    await page.getByTestId(`own-inherited-public_service-${year}`).filter({ hasText: '≥ 58,2 %' }).waitFor();
    // The province's own indicator is listed; only the province adds them.
    await page.getByTestId('def-item-vssid_users').waitFor();
    assert.equal(await page.getByTestId('def-form').count(), 0);
    assert.equal(await page.getByTestId('svc-form').count(), 0);
    await noSideScroll(page);
    await screenshot(page, 'indicator-setup-commune-phone');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});
