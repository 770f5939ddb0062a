// Fewer round trips (issue 15 step 5): a commune's page reads its villages and their coverage in
// one request (GET /units/{id}/children), not one coverage request per village, and shows which
// village has no team and which team breaks the policy; large JSON answers arrive gzipped.
// Run alone: node --test tests/e2e/unit-children.test.mjs
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { e2eSkip, startServer, adminApi, launchBrowser, newPage, signIn, PHONE } from './harness.mjs';

const OFFICER = { username: 'vhxh.mottram', password: 'mat-khau-can-bo' };

describe('a commune page asks for its villages once', { skip: e2eSkip, timeout: 120_000 }, () => {
  let server, api, browser, tree, bare, ok;

  before(async () => {
    server = await startServer();
    api = await adminApi(server.baseUrl);
    tree = await api.makeTree({ province: 'Tỉnh Một Lần', commune: 'Xã Một Lần', village: 'Thôn Thiếu Người' });
    bare = await api.makeUnit({ name: 'Thôn Chưa Có Tổ', kind: 'village', parent_id: tree.commune.id });
    ok = await api.makeUnit({ name: 'Thôn Đủ Người', kind: 'village', parent_id: tree.commune.id });
    // At least two members: the first village's team has one, the third's two.
    await api.put(`/units/${tree.province.id}/policy`, { village: { min: 2 } });
    await api.addMembers((await api.makeTeam(tree.village.id)).id, 1);
    await api.addMembers((await api.makeTeam(ok.id)).id, 2);
    await api.makeAccount(OFFICER.username, OFFICER.password, [{ role: 'commune_officer', unit_id: tree.commune.id }]);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('one request for the children, their flags from it', async () => {
    const page = await newPage(browser, PHONE);
    await signIn(page, server.baseUrl, OFFICER.username, OFFICER.password);
    const asked = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    const children = page.waitForResponse((r) => new URL(r.url()).pathname === `/api/v1/units/${tree.commune.id}/children`);
    await page.goto(`${server.baseUrl}/units/${tree.commune.id}`);
    const answer = await children;
    assert.equal(answer.status(), 200);

    const child = (name) => page.getByTestId('unit-child').filter({ hasText: name });
    await child('Thôn Thiếu Người').getByTestId('child-violation').waitFor();
    await child('Thôn Chưa Có Tổ').getByTestId('child-no-team').waitFor();
    await child('Thôn Đủ Người').getByRole('link').nth(1).waitFor();
    assert.equal(await child('Thôn Đủ Người').getByTestId('child-violation').count(), 0);
    await page.waitForLoadState('networkidle');

    const villages = [tree.village.id, bare.id, ok.id];
    const perChild = asked.filter((p) => villages.some((id) => p.startsWith(`/api/v1/units/${id}/`)));
    assert.deepEqual(perChild, [], 'no request per village');
    assert.equal(asked.filter((p) => p.endsWith('/children')).length, 1);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('a large JSON answer reaches the browser gzipped and reads the same', async () => {
    const path = `/api/v1/units?parent=${tree.commune.id}`;
    for (let i = 1; i <= 10; i++) await api.makeUnit({ name: `Thôn Số ${i}`, kind: 'village', parent_id: tree.commune.id });
    // fetch inflates what it asked gzipped; 'identity' asks for the plain bytes.
    const get = (encoding) => fetch(`${server.baseUrl}${path}`, { headers: { Authorization: `Bearer ${api.token}`, 'Accept-Encoding': encoding } });
    const gz = await get('gzip');
    assert.equal(gz.headers.get('content-encoding'), 'gzip');
    assert.equal(gz.headers.get('vary'), 'Accept-Encoding');
    const plain = await get('identity');
    assert.equal(plain.headers.get('content-encoding'), null);
    assert.ok(Number(plain.headers.get('content-length')) >= 1024);
    assert.deepEqual(await gz.json(), await plain.json());
  });
});
