// A unit's history on its page (issue 8): two villages of a commune merge into a new one on
// 2025-07-01 (through the API, as admin). The old village's page says it ceased to exist, links to
// the new village and lists the merge in its history; the commune's page, read as of 2025-06-30,
// lists the two old villages, and back to today the new one. Screenshots at 360 px and 1280 px.
// Run alone: node --test tests/e2e/history.test.mjs
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { e2eSkip, startServer, adminApi, launchBrowser, expectCount, newPage, signIn, screenshot, ADMIN_USER, ADMIN_PASSWORD, PHONE, DESKTOP } from './harness.mjs';

const BASIS = 'Nghị quyết 15/NQ-HĐND ngày 20/6/2025';

describe('a merged village shows its history and leads to the unit it went into', { skip: e2eSkip, timeout: 180_000 }, () => {
  let server, api, browser, tree, second, merged;

  before(async () => {
    server = await startServer();
    api = await adminApi(server.baseUrl);
    tree = await api.makeTree({ province: 'Tỉnh Sóc Trăng', commune: 'Xã Nhơn Thử', village: 'Ấp Mỹ Phước' });
    second = await api.makeUnit({ name: 'Ấp Phú Hữu', kind: 'village', parent_id: tree.commune.id, code: 'PH1' });
    const res = await api.post('/unit-events', {
      kind: 'merge',
      effective: '2025-07-01',
      basis: BASIS,
      from: [tree.village.id, second.id],
      new_unit: { name: 'Ấp Mỹ Phú', parent_id: tree.commune.id },
    });
    merged = res.unit;
    assert.equal(res.event.kind, 'merge');
    assert.equal(merged.valid_from, '2025-07-01');
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the old village: the banner, the history, the link to the new village', async () => {
    for (const [vp, name] of [[PHONE, 'unit-history-phone'], [DESKTOP, 'unit-history-desktop']]) {
      const page = await newPage(browser, vp);
      await signIn(page, server.baseUrl, ADMIN_USER, ADMIN_PASSWORD);
      await page.goto(`${server.baseUrl}/units/${tree.village.id}`);
      await page.getByTestId('unit-name').filter({ hasText: 'Ấp Mỹ Phước' }).waitFor();

      const banner = page.getByTestId('unit-closed');
      await banner.filter({ hasText: 'Đơn vị đã thôi tồn tại từ 01/07/2025' }).waitFor();
      const successor = page.getByTestId('unit-successor');
      await expectCount(successor, 1);
      assert.equal(await successor.innerText(), 'Ấp Mỹ Phú');

      const history = page.getByTestId('unit-history');
      await history.getByRole('heading', { name: 'Lịch sử thay đổi' }).waitFor();
      const events = history.getByTestId('unit-event');
      await expectCount(events, 1);
      const text = (await events.first().innerText()).replace(/\s+/g, ' ');
      assert.match(text, /01\/07\/2025/);
      assert.match(text, /Sáp nhập Ấp Mỹ Phước, Ấp Phú Hữu vào Ấp Mỹ Phú/);
      assert.match(text, new RegExp(`Căn cứ: ${BASIS}`));
      // The units it names are links to their pages.
      await expectCount(events.first().getByRole('link'), 3);
      // A closed village offers no team to establish.
      assert.equal(await page.getByTestId('create-team').count(), 0);
      await screenshot(page, name);

      if (vp === PHONE) {
        // The banner's link leads to the new village, which lists the same merge (as receiver).
        await successor.click();
        await page.waitForURL((u) => u.pathname === `/units/${merged.id}`);
        await page.getByTestId('unit-name').filter({ hasText: 'Ấp Mỹ Phú' }).waitFor();
        await expectCount(page.getByTestId('unit-event'), 1);
        assert.equal(await page.getByTestId('unit-closed').count(), 0);
        // English: the same in the other language, days as 2025-07-01.
        await page.getByTestId('locale-switch').click();
        await page.getByTestId('unit-history').getByRole('heading', { name: 'History' }).waitFor();
        await page.getByTestId('unit-event').filter({ hasText: 'Merged Ấp Mỹ Phước, Ấp Phú Hữu into Ấp Mỹ Phú' }).waitFor();
        await page.getByTestId('unit-event').filter({ hasText: '2025-07-01' }).waitFor();
        await page.goto(`${server.baseUrl}/units/${second.id}`);
        await page.getByTestId('unit-closed').filter({ hasText: 'This unit ceased to exist on 2025-07-01' }).waitFor();
      }
      assert.deepEqual(page.errors, []);
      await page.context().close();
    }
  });

  test('the commune as of 2025-06-30 lists the two old villages; back to today, the new one', async () => {
    const page = await newPage(browser, PHONE);
    await signIn(page, server.baseUrl, ADMIN_USER, ADMIN_PASSWORD);
    await page.goto(`${server.baseUrl}/units/${tree.commune.id}`);
    const child = page.getByTestId('unit-child');
    await expectCount(child, 1);
    assert.match(await child.first().innerText(), /Ấp Mỹ Phú/);
    // Most units have no history: the section is not there.
    assert.equal(await page.getByTestId('unit-history').count(), 0);

    await page.getByLabel('Xem theo ngày').fill('2025-06-30');
    await page.getByTestId('unit-asof-note').filter({ hasText: 'Cây đơn vị ngày 30/06/2025' }).waitFor();
    await expectCount(child, 2);
    const names = (await child.allInnerTexts()).map((s) => s.trim()).sort();
    assert.deepEqual(names, ['Ấp Mỹ Phước', 'Ấp Phú Hữu']);
    await screenshot(page, 'unit-asof-phone');

    // An old village of then is a link to its page, which says where it went.
    await child.filter({ hasText: 'Ấp Phú Hữu' }).getByRole('link').click();
    await page.waitForURL((u) => u.pathname === `/units/${second.id}`);
    await page.getByTestId('unit-closed').waitFor();
    await page.goBack();
    await page.waitForURL((u) => u.pathname === `/units/${tree.commune.id}`);

    // Back to today from the dated view.
    await page.getByLabel('Xem theo ngày').fill('2025-06-30');
    await expectCount(child, 2);
    await page.getByTestId('unit-asof-today').click();
    await expectCount(child, 1);
    assert.match(await child.first().innerText(), /Ấp Mỹ Phú/);
    assert.equal(await page.getByTestId('unit-asof-note').count(), 0);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});
