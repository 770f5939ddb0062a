// Checks the app's messages (src/i18n), run by `npm run check:i18n` and before every build:
//   - vi.ts and en.ts have the same keys, and each message the same {placeholders} in both;
//   - every key the code names exists: t('…'), $t('…'), te('…'), keypath="…" (i18n-t), and the
//     fixed part of a built key (t('status.report.' + s), t(`kind.unit.${k}`)) is a namespace;
//   - every linked message (@:key, @.lower:key) names a key that exists.
// Keys no code names are listed as a warning (a built key may use them). Exits 1 on a failure.
// The message files are TypeScript: they are transpiled with the project's `typescript` into a
// temporary folder and imported from there.
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src');
const I18N = path.join(SRC, 'i18n');

function walk(dir, keep) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p, keep) : keep(p) ? [p] : [];
  });
}

async function loadMessages() {
  const out = mkdtempSync(path.join(tmpdir(), 'cnscd-i18n-'));
  try {
    for (const file of walk(I18N, (p) => p.endsWith('.ts'))) {
      const js = ts.transpileModule(readFileSync(file, 'utf8'), {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      }).outputText.replace(/(from\s+['"])(\.{1,2}\/[^'"]+)(['"])/g, '$1$2.mjs$3');
      const dest = path.join(out, path.relative(I18N, file)).replace(/\.ts$/, '.mjs');
      mkdirSync(path.dirname(dest), { recursive: true });
      writeFileSync(dest, js);
    }
    const load = async (name) => (await import(pathToFileURL(path.join(out, `${name}.mjs`)).href)).default;
    return { vi: await load('vi'), en: await load('en') };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function flatten(obj, prefix = '', into = new Map()) {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') into.set(key, v);
    else if (v && typeof v === 'object') flatten(v, key, into);
    else into.set(key, v);
  }
  return into;
}

const placeholders = (m) => [...new Set([...m.matchAll(/\{\s*(\w+)\s*\}/g)].map((x) => x[1]))].sort().join(',');

const failures = [];
const { vi, en } = await loadMessages();
const viKeys = flatten(vi);
const enKeys = flatten(en);

for (const [lang, mine, other] of [['vi', viKeys, enKeys], ['en', enKeys, viKeys]]) {
  for (const [k, v] of mine) {
    if (typeof v !== 'string') failures.push(`${lang}: ${k} is not a string`);
    if (!other.has(k)) failures.push(`${k}: in ${lang} only`);
  }
}
for (const [k, v] of viKeys) {
  const e = enKeys.get(k);
  if (typeof v === 'string' && typeof e === 'string' && placeholders(v) !== placeholders(e)) {
    failures.push(`${k}: placeholders differ (vi {${placeholders(v)}}, en {${placeholders(e)}})`);
  }
}
const isNamespace = (prefix) => [...viKeys.keys()].some((k) => k.startsWith(prefix));
for (const [lang, keys] of [['vi', viKeys], ['en', enKeys]]) {
  for (const [k, v] of keys) {
    for (const m of String(v).matchAll(/@(?:\.\w+)?:\(?([\w.]+?)\)?(?=$|[^\w.]|\.(?:\s|$))/g)) {
      if (!keys.has(m[1])) failures.push(`${lang}: ${k} links to ${m[1]}, which does not exist`);
    }
  }
}

// The keys the code names.
const used = new Set();
const prefixes = new Set();
const CALL = /(?<![\w$])\$?t[em]?\(\s*(['"`])((?:(?!\1)[^\\$]|\\.)*)(\$\{)?/g;
const BUILT = /(?<![\w$])\$?t[em]?\(\s*(['"])([\w.]+\.)\1\s*\+/g;
const KEYPATH = /\bkeypath="([\w.]+)"|\bkeypath="[^"]*\?\s*'([\w.]+)'\s*:\s*'([\w.]+)'"/g;
for (const file of walk(SRC, (p) => /\.(vue|ts)$/.test(p) && !p.startsWith(I18N + path.sep))) {
  const text = readFileSync(file, 'utf8');
  const where = path.relative(SRC, file);
  const line = (i) => text.slice(0, i).split('\n').length;
  for (const m of text.matchAll(BUILT)) {
    prefixes.add(m[2]);
    if (!isNamespace(m[2])) failures.push(`${where}:${line(m.index)}: no key begins ${m[2]}`);
  }
  for (const m of text.matchAll(CALL)) {
    const key = m[2];
    if (m[3] || text.slice(m.index + m[0].length + 1).trimStart().startsWith('+')) {
      if (m[3]) {
        prefixes.add(key);
        if (!isNamespace(key)) failures.push(`${where}:${line(m.index)}: no key begins ${key}`);
      }
      continue; // a built key: its fixed part is checked above
    }
    if (!/^[\w.]+$/.test(key)) continue; // not a message key (a string that happens to follow t()
    used.add(key);
    if (!viKeys.has(key)) failures.push(`${where}:${line(m.index)}: ${key} is not a message`);
  }
  for (const m of text.matchAll(KEYPATH)) {
    for (const key of [m[1], m[2], m[3]].filter(Boolean)) {
      used.add(key);
      if (!viKeys.has(key)) failures.push(`${where}:${line(m.index)}: keypath ${key} is not a message`);
    }
  }
}
for (const v of viKeys.values()) for (const m of String(v).matchAll(/@(?:\.\w+)?:([\w.]+\w)/g)) used.add(m[1]);

const unused = [...viKeys.keys()].filter((k) => !used.has(k) && ![...prefixes].some((p) => k.startsWith(p)));
if (unused.length) console.warn(`check-i18n: ${unused.length} keys no code names literally:\n  ${unused.join('\n  ')}`);

if (failures.length) {
  console.error(`check-i18n: ${failures.length} problems\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log(`check-i18n: ${viKeys.size} keys, vi and en alike, every key used in src/ exists`);
