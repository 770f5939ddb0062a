// A Vite plugin: index.html asks for the field screen's chunks at once when it opens /field, not
// after the app's bundle has downloaded and run (the router imports a screen only then). On a weak
// signal that is a round trip of 400 ms or more less before the form's first input (issue 15:
// under 2.5 s on Slow 3G, tests/e2e/budget.test.mjs).
//
// After the build it writes a small script, assets/field-preload-<hash>.js, that on /field adds
// a <link rel="modulepreload"> for the screen's chunk and the chunks it imports and a
// <link rel="preload" as="style"> for their CSS, and names it in index.html (async, so it
// holds nothing). Other screens load nothing more.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function fieldPreload({ screen = '/src/views/FieldLog.vue', route = '/field' } = {}) {
  return {
    name: 'cnscd-field-preload',
    apply: 'build',
    writeBundle(options, bundle) {
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      const screenChunk = chunks.find((c) => c.facadeModuleId?.endsWith(screen));
      if (!screenChunk) throw new Error(`field-preload: no chunk for ${screen}`);
      // The screen's chunk and what it imports, but not the entry (index.html loads it already).
      const js = new Set();
      const css = new Set();
      const visit = (c) => {
        if (!c || c.isEntry || js.has(c.fileName)) return;
        js.add(c.fileName);
        for (const f of c.viteMetadata?.importedCss ?? []) css.add(f);
        for (const i of c.imports) visit(bundle[i]);
      };
      visit(screenChunk);
      const links = [...[...js].map((f) => ['modulepreload', `/${f}`]), ...[...css].map((f) => ['preload', `/${f}`])];
      const code =
        `if(location.pathname===${JSON.stringify(route)})for(const[r,h]of${JSON.stringify(links)}){` +
        `const l=document.createElement('link');l.rel=r;l.href=h;l.crossOrigin='';if(r==='preload')l.as='style';document.head.appendChild(l)}\n`;
      const name = `assets/field-preload-${createHash('sha256').update(code).digest('base64url').slice(0, 8)}.js`;
      writeFileSync(path.join(options.dir, name), code);
      const html = path.join(options.dir, 'index.html');
      const page = readFileSync(html, 'utf8');
      writeFileSync(html, page.replace('</head>', `  <script async src="/${name}"></script>\n  </head>`));
    },
  };
}
