// The province officer's settings and the changes of units (issue 15, "Thiết lập của tỉnh"):
// from the unit's page to /units/ID/settings; the province's due dates for reports
// (PUT /units/ID/reporting-policy) and its allowance rates (PUT /units/ID/allowance-rates), each with
// a refusal that keeps what was typed; then the 2025 reform through POST /unit-events, every kind
// previewed before it is made: two communes of a district merged into a new commune under the
// province (desktop), a commune split between two communes found by search, a commune moved from
// its district to the province, the emptied district dissolved, and the new commune renamed after a
// refused date (phone). Screenshots at 360 px and 1280 px.
// Run alone: node --test tests/e2e/unit-admin.test.mjs
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { e2eSkip, startServer, adminApi, launchBrowser, expectCount, newPage, signIn, screenshot, PHONE, DESKTOP } from './harness.mjs';

// Pages open as a Vietnamese browser would (navigator.language, Accept-Language: vi-VN).
const OFFICER = { username: 'so.khcn.lamdong', password: 'mat-khau-so-khcn' };
const BASIS = 'Nghị quyết 1656/NQ-UBTVQH15 ngày 16/6/2025';

async function noSideScroll(page) {
  const w = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(w <= 360, `no horizontal scroll at 360 px (scrollWidth ${w})`);
}
const text = async (locator) => (await locator.innerText()).replace(/\s+/g, ' ');

describe('a province officer sets due dates and allowance rates and records the reform of its units', { skip: e2eSkip, timeout: 240_000 }, () => {
  let server, api, browser;
  let province, district, tanHa, lienHa, phucTho, hoaiDuc, quangSon, quangHoa, phucThanh, phucHung, merged;

  before(async () => {
    server = await startServer();
    api = await adminApi(server.baseUrl);
    const mk = (name, kind, parent_id, code) => api.makeUnit({ name, kind, parent_id, ...(code ? { code } : {}) });
    province = await mk('Tỉnh Lâm Đồng', 'province', undefined, '68');
    district = await mk('Huyện Lâm Hà', 'district', province.id, '679');
    tanHa = await mk('Xã Tân Hà', 'commune', district.id, '24940');
    lienHa = await mk('Xã Liên Hà', 'commune', district.id, '24943');
    phucTho = await mk('Xã Phúc Thọ', 'commune', district.id, '24946');
    hoaiDuc = await mk('Xã Hoài Đức', 'commune', district.id, '24949');
    quangSon = await mk('Xã Quảng Sơn', 'commune', province.id, '24950');
    quangHoa = await mk('Xã Quảng Hòa', 'commune', province.id, '24952');
    const tanLap = await mk('Thôn Tân Lập', 'village', tanHa.id, 'TL1');
    const lienKet = await mk('Thôn Liên Kết', 'village', lienHa.id, 'LK1');
    phucThanh = await mk('Thôn Phúc Thành', 'village', phucTho.id, 'PT1');
    phucHung = await mk('Thôn Phúc Hưng', 'village', phucTho.id, 'PH1');
    for (const [v, n] of [[tanLap, 3], [lienKet, 2], [phucThanh, 1]]) {
      const team = await api.makeTeam(v.id);
      await api.addMembers(team.id, n);
    }
    await api.makeAccount(OFFICER.username, OFFICER.password, [{ role: 'province_officer', unit_id: province.id }], { full_name: 'Phạm Minh Tuấn' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('due dates and allowance rates of the province, at phone width', async () => {
    const page = await newPage(browser, { ...PHONE, locale: 'vi-VN' });
    await signIn(page, server.baseUrl, OFFICER.username, OFFICER.password);
    await page.goto(`${server.baseUrl}/units/${province.id}`);
    await page.getByTestId('unit-settings-link').filter({ hasText: 'Thiết lập của tỉnh' }).click();
    await page.waitForURL((u) => u.pathname === `/units/${province.id}/settings`);
    await page.getByTestId('ua-title').filter({ hasText: 'Thiết lập của tỉnh' }).waitFor();

    // The built-in rules: a team reports by the last day of the month.
    const teamRule = page.getByTestId('ua-rule-team_monthly');
    await teamRule.filter({ hasText: 'Ngày cuối cùng của tháng báo cáo' }).waitFor();
    assert.match(await text(teamRule), /Mặc định/);
    assert.match(await text(page.getByTestId('ua-rule-commune_annual')), /Ngày 25 tháng 11 hằng năm/);

    // A refused day: the message under the field, the field marked, what was typed kept.
    await page.getByTestId('ua-rp-kind').selectOption('commune_monthly');
    await page.getByTestId('ua-rp-day').fill('35');
    await page.getByTestId('ua-rp-save').click();
    await page.getByText('Ngày hạn nộp phải là số từ 1 đến 31').waitFor();
    assert.equal(await page.getByTestId('ua-rp-day').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByTestId('ua-rp-day').inputValue(), '35');

    // Communes report by the 5th of the next month.
    await page.getByTestId('ua-rp-day').fill('5');
    await page.getByTestId('ua-rp-offset').selectOption('1');
    await page.getByTestId('ua-rp-draft').filter({ hasText: 'Ngày 5 của tháng liền sau tháng báo cáo' }).waitFor();
    await page.getByTestId('ua-rp-save').click();
    await page.getByTestId('ua-rp-saved').filter({ hasText: 'Đã lưu hạn nộp Báo cáo tháng của xã: Ngày 5 của tháng liền sau tháng báo cáo.' }).waitFor();
    const communeRule = page.getByTestId('ua-rule-commune_monthly');
    assert.match(await text(communeRule), /Tỉnh quy định/);
    assert.match(await text(communeRule), /Ngày 5 của tháng liền sau tháng báo cáo/);
    const stored = await api.get(`/units/${province.id}/reporting-policy`);
    assert.deepEqual(stored.items.find((i) => i.kind === 'commune_monthly'), { kind: 'commune_monthly', due_day: 5, month_offset: 1, due_month: null, default: false });

    // Allowance rates: an amount that is not whole đồng is refused before sending, typed values kept.
    const effective = page.getByTestId('ua-allowance-effective');
    await effective.filter({ hasText: 'Chưa có mức chi nào áp dụng cho tháng này.' }).waitFor();
    await page.getByTestId('ua-al-month').fill('2025-01');
    await page.getByTestId('ua-al-team').fill('500.000,5');
    await page.getByTestId('ua-al-day').fill('50000');
    await page.getByTestId('ua-al-save').click();
    await page.getByText('Mức chi phải là số đồng nguyên, ví dụ 150.000.').waitFor();
    assert.equal(await page.getByTestId('ua-al-team').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByTestId('ua-al-team').inputValue(), '500.000,5');
    assert.equal(await page.getByTestId('ua-al-day').inputValue(), '50000');
    // A cap of days without a rate per day is refused too.
    await page.getByTestId('ua-al-team').fill('500.000');
    await page.getByTestId('ua-al-day').fill('');
    await page.getByTestId('ua-al-max').fill('10');
    await page.getByTestId('ua-al-save').click();
    await page.getByText('Số ngày tối đa chỉ áp dụng khi có mức chi theo ngày.').waitFor();

    await page.getByTestId('ua-al-day').fill('50000');
    await page.getByText('= 50.000 đ').waitFor();
    await page.getByTestId('ua-al-save').click();
    await page.getByTestId('ua-al-saved').filter({ hasText: 'Đã lưu mức chi từ tháng 01/2025: 500.000 đ/Tổ/tháng; 50.000 đ/người/ngày hoạt động, tối đa 10 ngày/tháng.' }).waitFor();
    await effective.filter({ hasText: '500.000 đ/Tổ/tháng' }).waitFor();
    assert.match(await text(effective), /50\.000 đ\/người\/ngày hoạt động, tối đa 10 ngày\/tháng/);
    assert.match(await text(effective), /Do đơn vị này đặt, từ tháng 01\/2025/);
    await expectCount(page.getByTestId('ua-allowance-row'), 1);
    const rates = await api.get(`/units/${province.id}/allowance-rates`);
    assert.deepEqual(rates.items.map((r) => [r.valid_from, r.per_team_month, r.per_member_day, r.max_days]), [['2025-01', 500000, 50000, 10]]);

    await noSideScroll(page);
    await screenshot(page, 'unit-admin-province-phone');
    assert.deepEqual(page.errors, []);
    await page.context().close();

    // A commune below reads the province's rules and rate, and changes neither due date.
    const desk = await newPage(browser, { ...DESKTOP, locale: 'vi-VN' });
    await signIn(desk, server.baseUrl, OFFICER.username, OFFICER.password);
    await desk.goto(`${server.baseUrl}/units/${quangSon.id}/settings`);
    await desk.getByTestId('ua-title').filter({ hasText: 'Thiết lập của xã' }).waitFor();
    await desk.getByTestId('ua-reporting').filter({ hasText: 'Hạn nộp báo cáo do Tỉnh Lâm Đồng quy định.' }).waitFor();
    await desk.getByTestId('ua-allowance-effective').filter({ hasText: 'Theo mức của Tỉnh Lâm Đồng, từ tháng 01/2025.' }).waitFor();
    await expectCount(desk.getByTestId('ua-reporting-form'), 0);
    await desk.goto(`${server.baseUrl}/units/${province.id}/settings`);
    await desk.getByTestId('ua-rule-commune_monthly').filter({ hasText: 'Tỉnh quy định' }).waitFor();
    await desk.waitForLoadState('networkidle');
    await screenshot(desk, 'unit-admin-province-desktop');
    assert.deepEqual(desk.errors, []);
    await desk.context().close();
  });

  test('two communes of a district merge into a new commune under the province, previewed first (desktop)', async () => {
    const page = await newPage(browser, { ...DESKTOP, locale: 'vi-VN' });
    await signIn(page, server.baseUrl, OFFICER.username, OFFICER.password);
    await page.goto(`${server.baseUrl}/units/${district.id}`);
    await page.getByTestId('unit-settings-link').filter({ hasText: 'Thiết lập của huyện' }).click();
    await page.waitForURL((u) => u.pathname === `/units/${district.id}/settings`);

    await page.getByTestId('ev-kind').selectOption('merge');
    await page.getByTestId('ev-effective').fill('2025-07-01');
    await page.getByTestId('ev-basis').fill(BASIS);
    await page.getByTestId(`ev-from-${tanHa.id}`).check();
    await page.getByTestId(`ev-from-${lienHa.id}`).check();
    await page.getByTestId('ev-target-new').check();
    await page.getByTestId('ev-name').fill('Xã Nam Hà');
    // A commune's code has five digits: refused before anything is sent, what was typed kept.
    await page.getByTestId('ev-code').fill('2495');
    await page.getByTestId('ev-parent').selectOption(String(province.id));
    await page.getByTestId('ev-preview-button').click();
    await page.getByTestId('ev-error').filter({ hasText: 'Mã đơn vị phải gồm đúng 5 chữ số.' }).waitFor();
    assert.equal(await page.getByTestId('ev-code').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByTestId('ev-name').inputValue(), 'Xã Nam Hà');
    assert.ok(await page.getByTestId(`ev-from-${tanHa.id}`).isChecked());
    await expectCount(page.getByTestId('ev-preview'), 0);

    await page.getByTestId('ev-code').fill('24955');
    await page.getByTestId('ev-preview-button').click();
    const preview = page.getByTestId('ev-preview');
    await preview.waitFor();
    assert.match(await text(page.getByTestId('ev-preview-line')), /Sáp nhập Xã Tân Hà, Xã Liên Hà thành đơn vị mới Xã Nam Hà, trực thuộc Tỉnh Lâm Đồng/);
    const all = await text(preview);
    assert.match(all, /Có hiệu lực từ ngày 01\/07\/2025/);
    assert.match(all, /Mã đơn vị mới: 24955/);
    assert.match(all, /Thôi tồn tại từ ngày 01\/07\/2025: Xã Tân Hà, Xã Liên Hà\./);
    assert.match(all, /1 đơn vị trực thuộc chuyển về Xã Nam Hà: Thôn Tân Lập/);
    assert.match(all, /Tổ công nghệ số cộng đồng Thôn Liên Kết/);
    assert.match(all, /Tổng cộng về Xã Nam Hà: 2 đơn vị trực thuộc, 2 Tổ, 5 thành viên và cộng tác viên\./);
    await expectCount(page.getByTestId('ev-preview-source'), 2);
    await screenshot(page, 'unit-admin-merge-preview-desktop');
    // Nothing is written by the preview; editing the form takes it away.
    assert.equal((await api.get(`/units/${tanHa.id}`)).valid_to, null);
    await page.getByTestId('ev-edit').click();
    await expectCount(page.getByTestId('ev-preview'), 0);
    await page.getByTestId('ev-preview-button').click();
    await preview.waitFor();
    await page.getByTestId('ev-apply').click();
    const notice = page.getByTestId('ua-notice');
    await notice.filter({ hasText: 'Đã sáp nhập Xã Tân Hà, Xã Liên Hà vào Xã Nam Hà từ ngày 01/07/2025.' }).waitFor();
    assert.match(await text(notice), /Đã chuyển: 2 đơn vị trực thuộc/);
    // The merged communes are no longer offered.
    await expectCount(page.getByTestId(`ev-from-${tanHa.id}`), 0);
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'unit-admin-merge-done-desktop');

    await page.getByTestId('ua-notice-link').click();
    await page.waitForURL((u) => /^\/units\/\d+$/.test(u.pathname));
    merged = Number(new URL(page.url()).pathname.split('/').pop());
    await page.getByTestId('unit-name').filter({ hasText: 'Xã Nam Hà' }).waitFor();
    await page.getByTestId('unit-child').filter({ hasText: 'Thôn Tân Lập' }).waitFor();
    await page.getByTestId('unit-child').filter({ hasText: 'Thôn Liên Kết' }).waitFor();
    const u = await api.get(`/units/${merged}`);
    assert.equal(u.parent_id, province.id);
    assert.equal(u.code, '24955');
    assert.equal((await api.get(`/units/${tanHa.id}`)).valid_to, '2025-07-01');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('split, move, dissolve and rename, at phone width', async () => {
    assert.ok(merged, 'the merge made the new commune');
    const page = await newPage(browser, { ...PHONE, locale: 'vi-VN' });
    await signIn(page, server.baseUrl, OFFICER.username, OFFICER.password);
    await page.goto(`${server.baseUrl}/units/${district.id}/settings`);
    await page.getByTestId('ev-form').waitFor();

    // Split Xã Phúc Thọ between two communes of the province, found by search.
    await page.getByTestId('ev-kind').selectOption('split');
    await page.getByTestId('ev-effective').fill('2025-07-01');
    await page.getByTestId('ev-basis').fill(BASIS);
    await page.getByTestId('ev-subject').selectOption(String(phucTho.id));
    for (const q of ['quang son', 'quang hoa']) {
      await page.getByTestId('ev-part-search-q').fill(q);
      await page.getByTestId('ev-part-search-go').click();
      await page.getByTestId('ev-part-search-pick').first().click();
    }
    assert.ok(await page.getByTestId(`ev-part-${quangSon.id}`).isChecked());
    assert.ok(await page.getByTestId(`ev-part-${quangHoa.id}`).isChecked());
    // Not every village assigned: refused before sending.
    await page.getByTestId(`ev-assign-${phucThanh.id}`).selectOption(String(quangSon.id));
    await page.getByTestId('ev-attachments').selectOption(String(quangSon.id));
    await page.getByTestId('ev-preview-button').click();
    await page.getByTestId('ev-error').filter({ hasText: 'Thôn Phúc Hưng chưa được giao cho một trong các đơn vị nhận.' }).waitFor();
    await page.getByTestId(`ev-assign-${phucHung.id}`).selectOption(String(quangHoa.id));
    await page.getByTestId('ev-preview-button').click();
    await page.getByTestId('ev-preview').waitFor();
    assert.match(await text(page.getByTestId('ev-preview-line')), /Chia tách Xã Phúc Thọ cho Xã Quảng Sơn, Xã Quảng Hòa/);
    const parts = page.getByTestId('ev-preview-part');
    await expectCount(parts, 2);
    assert.match(await text(parts.filter({ hasText: 'Xã Quảng Sơn' })), /Nhận 1 đơn vị trực thuộc: Thôn Phúc Thành/);
    assert.match(await text(parts.filter({ hasText: 'Xã Quảng Hòa' })), /Nhận 1 đơn vị trực thuộc: Thôn Phúc Hưng/);
    await noSideScroll(page);
    await screenshot(page, 'unit-admin-split-preview-phone');
    await page.getByTestId('ev-apply').click();
    await page.getByTestId('ua-notice').filter({ hasText: 'Đã chia tách Xã Phúc Thọ cho Xã Quảng Sơn, Xã Quảng Hòa từ ngày 01/07/2025.' }).waitFor();
    assert.equal((await api.get(`/units/${phucHung.id}`)).parent_id, quangHoa.id);

    // Move Xã Hoài Đức from the district straight to the province.
    await page.getByTestId('ev-kind').selectOption('reparent');
    await page.getByTestId('ev-effective').fill('2025-07-01');
    await page.getByTestId('ev-basis').fill(BASIS);
    await page.getByTestId('ev-subject').selectOption(String(hoaiDuc.id));
    await page.getByTestId('ev-parent').selectOption(String(province.id));
    await page.getByTestId('ev-preview-button').click();
    assert.match(await text(page.getByTestId('ev-preview-line')), /Xã Hoài Đức: từ Huyện Lâm Hà chuyển về Tỉnh Lâm Đồng/);
    await page.getByTestId('ev-apply').click();
    await page.getByTestId('ua-notice').filter({ hasText: 'Đã chuyển Xã Hoài Đức về trực thuộc Tỉnh Lâm Đồng từ ngày 01/07/2025.' }).waitFor();
    assert.equal((await api.get(`/units/${hoaiDuc.id}`)).parent_id, province.id);

    // The emptied district is dissolved from the province's settings.
    await page.goto(`${server.baseUrl}/units/${province.id}/settings`);
    await page.getByTestId('ev-kind').selectOption('dissolve');
    await page.getByTestId('ev-effective').fill('2025-07-01');
    await page.getByTestId('ev-basis').fill(BASIS);
    await page.getByTestId('ev-subject').selectOption(String(district.id));
    await page.getByTestId('ev-preview-button').click();
    assert.match(await text(page.getByTestId('ev-preview-line')), /Huyện Lâm Hà thôi tồn tại từ ngày 01\/07\/2025\./);
    await page.getByTestId('ev-apply').click();
    await page.getByTestId('ua-notice').filter({ hasText: 'Đã giải thể Huyện Lâm Hà từ ngày 01/07/2025.' }).waitFor();
    assert.equal((await api.get(`/units/${district.id}`)).valid_to, '2025-07-01');

    // Rename the new commune: a date before its merge is refused by the server's dry run, at the
    // preview, the name kept.
    await page.goto(`${server.baseUrl}/units/${merged}/settings`);
    await page.getByTestId('ua-title').filter({ hasText: 'Thiết lập của xã' }).waitFor();
    await page.getByTestId('ev-kind').selectOption('rename');
    await page.getByTestId('ev-subject').selectOption(String(merged));
    assert.equal(await page.getByTestId('ev-name').inputValue(), 'Xã Nam Hà');
    await page.getByTestId('ev-name').fill('Phường Nam Hà');
    await page.getByTestId('ev-subkind').fill('');
    await page.getByTestId('ev-effective').fill('2025-06-30');
    await page.getByTestId('ev-basis').fill(BASIS);
    await page.getByTestId('ev-preview-button').click();
    await page.getByTestId('ev-error').filter({ hasText: 'sớm hơn thay đổi gần nhất của đơn vị (01/07/2025)' }).waitFor();
    await expectCount(page.getByTestId('ev-preview'), 0);
    assert.equal(await page.getByTestId('ev-effective').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByTestId('ev-name').inputValue(), 'Phường Nam Hà');
    await noSideScroll(page);
    await screenshot(page, 'unit-admin-rename-refused-phone');
    await page.getByTestId('ev-effective').fill('2025-07-01');
    await page.getByTestId('ev-preview-button').click();
    assert.match(await text(page.getByTestId('ev-preview-line')), /Xã Nam Hà → Phường Nam Hà/);
    await page.getByTestId('ev-apply').click();
    await page.getByTestId('ua-notice').filter({ hasText: 'Đã đổi tên Xã Nam Hà thành Phường Nam Hà từ ngày 01/07/2025.' }).waitFor();
    await page.getByTestId('ua-title').filter({ hasText: 'Thiết lập của xã' }).waitFor();
    const renamed = await api.get(`/units/${merged}`);
    assert.equal(renamed.name, 'Phường Nam Hà');
    assert.equal(renamed.subkind, 'phường');
    await noSideScroll(page);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});
