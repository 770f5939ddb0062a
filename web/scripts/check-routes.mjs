// The server's routes and the contract's operations are the same set.
//
//   node web/scripts/check-routes.mjs build/cnscd
//
// Runs `<cnscd> routes` (one line per registered route, `METHOD /api/v1/path/{id}`), reads
// docs/openapi.yaml, writes every path parameter `{anything}` as `{id}` and prints what one side
// has and the other lacks. Exit 0 when they agree, 1 when they differ, 2 when it cannot compare.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const specPath = fileURLToPath(new URL('../../docs/openapi.yaml', import.meta.url));

function fail(message) {
  console.error(`check-routes: ${message}`);
  process.exit(2);
}

const normalise = (method, path) => `${method.toUpperCase()} ${path.replace(/\{[^}]*\}/g, '{id}')}`;

function serverRoutes(binary) {
  let out;
  try {
    out = execFileSync(binary, ['routes'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  } catch (e) {
    fail(`\`${binary} routes\` failed: ${e.message}`);
  }
  const routes = new Set();
  for (const line of out.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const m = /^([A-Z]+) (\/\S*)$/.exec(line);
    if (!m) fail(`\`${binary} routes\` printed an unexpected line: ${line}`);
    routes.add(normalise(m[1], m[2]));
  }
  return routes;
}

function specOperations() {
  const spec = parse(readFileSync(specPath, 'utf8'));
  const operations = new Set();
  for (const [path, item] of Object.entries(spec?.paths ?? {})) {
    for (const method of METHODS) {
      if (item?.[method]) operations.add(normalise(method, path));
    }
  }
  return operations;
}

const binary = process.argv[2];
if (!binary) fail('usage: node web/scripts/check-routes.mjs <path to cnscd>');

const server = serverRoutes(binary);
const spec = specOperations();
const missing = [...server].filter((r) => !spec.has(r)).sort();
const extra = [...spec].filter((r) => !server.has(r)).sort();

for (const [title, list] of [
  ['routes of the server missing from docs/openapi.yaml', missing],
  ['operations in docs/openapi.yaml the server does not have', extra],
]) {
  if (list.length === 0) continue;
  console.log(`${title}:`);
  for (const r of list) console.log(`  ${r}`);
}
if (missing.length || extra.length) process.exit(1);
console.log(`check-routes: the server's ${server.size} routes and the spec's operations agree`);
