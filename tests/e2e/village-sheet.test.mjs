// Villages and their population from a sheet (issue 15, step 2): the commune officer downloads the
// commune's sheet from its page, adds a new village with its population to it (a CSV built here
// from the download), checks it (the dry run shows "create"), applies it, and the village is
// listed with its figures stored. A sheet with an invalid row shows the row's reason, offers no
// "Áp dụng", and applying it anyway is refused with nothing written.
// Run alone: node --test tests/e2e/village-sheet.test.mjs
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { e2eSkip, startServer, adminApi, launchBrowser, expectCount, newPage, signIn, screenshot, PHONE, DESKTOP } from './harness.mjs';

const OFFICER = { username: 'vhxh.langthu', password: 'mat-khau-can-bo' };

describe('a commune officer brings in villages and their population from a sheet', { skip: e2eSkip, timeout: 240_000 }, () => {
  let server, api, browser, tree;

  before(async () => {
    server = await startServer();
    api = await adminApi(server.baseUrl);
    tree = await api.makeTree({ province: 'Tỉnh Kon Tum', commune: 'Xã Đăk Thử', village: 'Thôn Một' });
    await api.makeAccount(OFFICER.username, OFFICER.password, [{ role: 'commune_officer', unit_id: tree.commune.id }]);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function upload(page, name, csv) {
    await page.getByTestId('village-sheet-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('village-sheet-check').click();
    await page.getByTestId('village-sheet-summary').waitFor();
  }

  test('at desktop width: download, add a village with its population, check, apply', async () => {
    const page = await newPage(browser, DESKTOP);
    await signIn(page, server.baseUrl, OFFICER.username, OFFICER.password);
    await page.goto(`${server.baseUrl}/units/${tree.commune.id}`);
    await page.getByTestId('village-sheet').waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('village-sheet-csv').click()]);
    assert.match(download.suggestedFilename(), /^Thon-Ap-Xa-Dak-Thu\.csv$|^Thôn-Ấp-Xã-Đăk-Thử\.csv$/);
    const sheet = await readFile(await download.path(), 'utf8');
    const lines = sheet.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
    assert.match(lines[0], /^"Tên thôn, ấp",/, 'the header names the columns');
    assert.ok(lines[1].startsWith('Thôn Một,thôn,'), `the commune's village is listed: ${lines[1]}`);
    const year = new Date().getFullYear();
    // Tên, Loại, Mã, Năm, 14+, 15+, 18+, working age, households, business households, businesses
    const csv = `\uFEFF${lines.join('\r\n')}\r\nĐăk Mới,Thôn,,${year},"1.250",,,,320,,\r\n`;

    await upload(page, 'thon.csv', csv);
    const created = page.getByTestId('village-sheet-row').filter({ hasText: 'Thôn Đăk Mới' });
    await created.waitFor();
    assert.equal(await created.getAttribute('data-action'), 'create');
    await created.getByText('Thêm mới').waitFor();
    await screenshot(page, 'village-sheet-dry-run');
    await page.getByTestId('village-sheet-apply').click();
    await page.getByTestId('village-sheet-summary').filter({ hasText: 'Đã áp dụng: 1 thôn mới' }).waitFor();
    await page.getByTestId('unit-child').filter({ hasText: 'Thôn Đăk Mới' }).waitFor();
    await expectCount(page.getByTestId('unit-child'), 2);

    const villages = await api.get(`/units?parent=${tree.commune.id}`);
    const made = villages.items.find((u) => u.name === 'Thôn Đăk Mới');
    assert.ok(made && made.subkind === 'thôn', 'created with its type word');
    const population = await api.get(`/units/${made.id}/population`);
    assert.equal(population.items[0].age14plus, 1250);
    assert.equal(population.items[0].households, 320);
    await page.context().close();
  });

  test('at phone width: an invalid row shows its reason and nothing can be applied', async () => {
    const page = await newPage(browser, PHONE);
    await signIn(page, server.baseUrl, OFFICER.username, OFFICER.password);
    await page.goto(`${server.baseUrl}/units/${tree.commune.id}`);
    await page.getByTestId('village-sheet').waitFor();
    const header = '"Tên thôn, ấp","Loại (thôn, ấp, bản…)",Mã thôn,Năm,Số hộ';
    const csv = `${header}\r\nThôn Sai,,,,45\r\nThôn Đúng,,,,\r\n`;

    await upload(page, 'sai.csv', csv);
    const refused = page.getByTestId('village-sheet-row').filter({ hasText: 'Thôn Sai' });
    await refused.getByText('Có số liệu dân số nhưng thiếu năm.').waitFor();
    assert.equal(await refused.getAttribute('data-action'), 'refuse');
    assert.ok(await page.getByTestId('village-sheet-apply').isDisabled(), 'no "Áp dụng" while a row is refused');
    await page.getByText('Chưa có gì được ghi.').waitFor();
    await screenshot(page, 'village-sheet-refused-phone');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `no horizontal scroll at 360 px (${width})`);

    // Applied anyway (through the API): 422 import_refused, and no village written.
    const before = (await api.get(`/units?parent=${tree.commune.id}`)).total;
    const res = await fetch(`${server.baseUrl}/api/v1/units/${tree.commune.id}/village-imports?apply=true`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${api.token}`, 'Content-Type': 'text/csv' },
      body: csv,
    });
    assert.equal(res.status, 422);
    const body = await res.json();
    assert.equal(body.error.code, 'import_refused');
    assert.equal(body.report.rows[0].action, 'refuse');
    assert.equal((await api.get(`/units?parent=${tree.commune.id}`)).total, before, 'nothing written');
    await page.context().close();
  });
});
