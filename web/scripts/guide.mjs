// After `vite build`: the user guides (docs/guide/*.md, Vietnamese) as web pages the app serves at
// /guide/<name>.html, with their pictures (docs/guide/img -> /guide/img), so that the help menu
// (App.vue, src/guide-map.json) opens the guide of the signed-in role at the section of the
// current screen. A plain page with the app's styles, readable on a phone, no script.
// Fails when the help map names a guide or a section that does not exist, or a guide shows a
// picture that is missing (the browser tests take them: tests/e2e/guide.test.mjs).
//   node scripts/guide.mjs [out dir]     (default web/dist)
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import MarkdownIt from 'markdown-it';

const web = new URL('..', import.meta.url).pathname;
const src = resolve(web, '../docs/guide');
const out = join(resolve(process.argv[2] ?? join(web, 'dist')), 'guide');
const styles = readFileSync(join(web, 'src/styles.css'), 'utf8');
const map = JSON.parse(readFileSync(join(web, 'src/guide-map.json'), 'utf8'));

/** A heading's anchor: its words without diacritics, "Thêm một thôn, ấp" -> "them-mot-thon-ap". */
function slug(text) {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
// Each heading gets its anchor (a second heading of the same words: "-2").
md.core.ruler.push('anchors', (state) => {
  const seen = new Map();
  state.tokens.forEach((tok, i) => {
    if (tok.type !== 'heading_open') return;
    const base = slug(state.tokens[i + 1].content);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    tok.attrSet('id', n === 1 ? base : `${base}-${n}`);
  });
});
// A link to another guide opens its page; a picture loads when scrolled to.
const link = md.renderer.rules.link_open ?? ((t, i, o, e, self) => self.renderToken(t, i, o));
md.renderer.rules.link_open = (tokens, i, options, env, self) => {
  const href = tokens[i].attrGet('href') ?? '';
  if (/^[a-z0-9-]+\.md(#.*)?$/.test(href)) tokens[i].attrSet('href', href.replace('.md', '.html'));
  return link(tokens, i, options, env, self);
};
const image = md.renderer.rules.image;
md.renderer.rules.image = (tokens, i, options, env, self) => {
  const file = tokens[i].attrGet('src') ?? '';
  env.images.push(file);
  tokens[i].attrSet('loading', 'lazy');
  return image(tokens, i, options, env, self);
};

const escape = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

function page(title, body) {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} — Hướng dẫn sử dụng</title>
<meta name="theme-color" content="#b3261e">
<link rel="icon" href="/icon.svg" type="image/svg+xml">
<style>
${styles}
main { max-width: 760px; }
main h1 { font-size: 1.5rem; margin: 8px 0; }
main h2 { font-size: 1.2rem; margin: 24px 0 8px; padding-top: 8px; border-top: 1px solid var(--line); }
main h3 { font-size: 1.05rem; margin: 16px 0 6px; }
main img { display: block; max-width: min(100%, 360px); height: auto; border: 1px solid var(--line); border-radius: 8px; margin: 8px 0; }
main li { margin: 4px 0; }
main code { background: #f1edf5; padding: 0 4px; border-radius: 4px; }
main table { margin: 8px 0; }
:target { scroll-margin-top: 8px; }
h2:target, h3:target { background: #fff2d6; }
</style>
</head>
<body>
<header class="bar"><a class="brand" href="/">Tổ công nghệ số cộng đồng</a><a href="/guide/index.html">Hướng dẫn</a></header>
<main id="main">
${body}</main>
</body>
</html>
`;
}

const problems = [];
const anchors = new Map();
mkdirSync(out, { recursive: true });
for (const name of readdirSync(src).filter((f) => f.endsWith('.md'))) {
  const env = { images: [] };
  const text = readFileSync(join(src, name), 'utf8');
  const html = md.render(text, env);
  const title = /^#\s+(.+)$/m.exec(text)?.[1] ?? name;
  const base = name.replace(/\.md$/, '');
  anchors.set(base, new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1])));
  for (const img of env.images) if (!existsSync(join(src, img))) problems.push(`${name}: no picture ${img}`);
  writeFileSync(join(out, `${base}.html`), page(title, html));
}
const imgDir = join(src, 'img');
if (existsSync(imgDir)) {
  mkdirSync(join(out, 'img'), { recursive: true });
  for (const f of readdirSync(imgDir)) copyFileSync(join(imgDir, f), join(out, 'img', f));
}

for (const [role, guide] of Object.entries(map.guideOf)) {
  if (!anchors.has(guide)) problems.push(`guide-map.json: ${role} reads ${guide}.md, which does not exist`);
}
for (const [guide, sections] of Object.entries(map.sections)) {
  for (const [route, anchor] of Object.entries(sections)) {
    if (!anchors.get(guide)?.has(anchor)) problems.push(`guide-map.json: ${guide}.md has no section #${anchor} (for ${route})`);
  }
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
