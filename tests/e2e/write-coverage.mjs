// Which of the spec's write operations a browser performed during the browser tests (issue 15):
// every POST, PUT, PATCH and DELETE of docs/openapi.yaml, minus those the servers answered with a
// 2xx to a browser, must be listed in write-coverage-reasons.txt with a reason; a reason for an
// operation a browser did perform is stale and fails too.
//
//   node tests/e2e/write-coverage.mjs <folder>     (run.sh does, after the journeys)
//
// <folder> holds the request logs of every server the harness started (`cnscd serve
// --request-log`, harness.mjs): lines "METHOD<tab>route<tab>status<tab>user agent". A browser's
// requests carry a user agent starting "Mozilla/"; the harness's own API client (node's fetch),
// which sets the data up, does not count. Exit 0: every operation is performed or has a reason;
// 1: not so (the list follows); 2: it cannot check. CNSCD_E2E=0 skips it.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SPEC = path.join(ROOT, 'docs/openapi.yaml');
const REASONS = path.join(ROOT, 'tests/e2e/write-coverage-reasons.txt');
const WRITES = ['post', 'put', 'patch', 'delete'];
const PREFIX = '/api/v1';

if (process.env.CNSCD_E2E === '0') {
  console.log('e2e write coverage: skipped (CNSCD_E2E=0)');
  process.exit(0);
}

function fail(message) {
  console.error(`e2e write coverage: ${message}`);
  process.exit(2);
}

// One key per operation whatever its parameters are called, as web/scripts/check-routes.mjs does.
const key = (method, route) => `${method.toUpperCase()} ${route.replace(/\{[^}]*\}/g, '{id}')}`;

const folder = process.argv[2];
if (!folder) fail('usage: node tests/e2e/write-coverage.mjs <folder of request logs>');

// The spec's write operations: key → how the reasons file names it ("POST /auth/logout").
const { parse } = createRequire(path.join(ROOT, 'web/package.json'))('yaml');
const operations = new Map();
for (const [route, item] of Object.entries(parse(readFileSync(SPEC, 'utf8'))?.paths ?? {})) {
  for (const method of WRITES) {
    if (item?.[method]) operations.set(key(method, route), `${method.toUpperCase()} ${route.slice(PREFIX.length)}`);
  }
}
if (operations.size === 0) fail(`no write operation in ${SPEC}`);

// What a browser had done, with a 2xx answer.
let logs;
try {
  logs = readdirSync(folder).filter((f) => f.endsWith('.log'));
} catch (e) {
  fail(`cannot read the request logs: ${e.message}`);
}
if (logs.length === 0) fail(`no request log in ${folder} (did the harness pass --request-log?)`);
const performed = new Set();
for (const file of logs) {
  for (const line of readFileSync(path.join(folder, file), 'utf8').split('\n')) {
    const [method, route, status, agent = ''] = line.split('\t');
    if (route?.startsWith(PREFIX) && /^2\d\d$/.test(status ?? '') && agent.startsWith('Mozilla/')) {
      performed.add(key(method, route));
    }
  }
}

// The reasons: "METHOD /path: why", one a line; blank lines and # comments aside.
const reasons = new Map();
const problems = [];
readFileSync(REASONS, 'utf8')
  .split('\n')
  .forEach((text, i) => {
    const line = text.trim();
    if (!line || line.startsWith('#')) return;
    const m = /^([A-Z]+) (\/\S*): *(.*)$/.exec(line);
    const where = `write-coverage-reasons.txt:${i + 1}`;
    if (!m || !m[3]) return problems.push(`${where}: not "METHOD /path: reason": ${line}`);
    const k = key(m[1], PREFIX + m[2]);
    if (!operations.has(k)) return problems.push(`${where}: ${m[1]} ${m[2]} is no write operation of docs/openapi.yaml`);
    if (reasons.has(k)) return problems.push(`${where}: ${m[1]} ${m[2]} is listed twice`);
    reasons.set(k, m[3]);
  });

const done = [...operations.keys()].filter((k) => performed.has(k));
const neither = [...operations.keys()].filter((k) => !performed.has(k) && !reasons.has(k));
const stale = [...reasons.keys()].filter((k) => performed.has(k));
console.log(
  `e2e write coverage: ${done.length} of ${operations.size} write operations performed in a browser; ` +
    `${reasons.size - stale.length} with a reason`,
);
for (const [title, list] of [
  ['performed by no browser test and with no reason in tests/e2e/write-coverage-reasons.txt', neither],
  ['performed in a browser, yet listed with a reason (remove the line)', stale],
]) {
  if (list.length) problems.push(`${title}:\n${list.map((k) => `  ${operations.get(k)}`).join('\n')}`);
}
if (problems.length) {
  console.error(problems.map((p) => `e2e write coverage: ${p}`).join('\n'));
  process.exit(1);
}
