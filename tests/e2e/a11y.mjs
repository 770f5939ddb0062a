// The accessibility gate of a screen (issue 15, step 7): axe-core finds no serious or critical
// violation of WCAG 2.1 A/AA or of its best practices, and nothing scrolls sideways at the page's
// current width. a11y.test.mjs calls it on every screen at phone and desktop width.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { ROOT } from './harness.mjs';

// Read once per process: the same 650 KB script goes into every page.
let axeSource;
const axe = () => (axeSource ??= readFileSync(path.join(ROOT, 'web/node_modules/axe-core/axe.min.js'), 'utf8'));

/** One violation as a reader of the test's output wants it: rule, impact, where, what to do. */
function describe(v) {
  const where = v.nodes
    .slice(0, 5)
    .map((n) => `    ${n.target.join(' ')}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n\s*/g, '; ')}` : ''}`)
    .join('\n');
  const more = v.nodes.length > 5 ? `\n    … and ${v.nodes.length - 5} more` : '';
  return `  ${v.id} (${v.impact}, ${v.nodes.length}×): ${v.help}\n${where}${more}\n    ${v.helpUrl}`;
}

/**
 * Fails (assert) when axe-core reports a serious or critical violation on what `page` shows, or
 * when the page is wider than its viewport. `name` names the screen in the message. Evaluated
 * through the debugging protocol, so the app's Content-Security-Policy does not stop the script.
 * Resolves to the lesser (moderate, minor) violations, one line each.
 */
export async function checkScreen(page, name) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe());
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return r.violations.map(({ id, impact, help, helpUrl, nodes }) => ({
      id,
      impact,
      help,
      helpUrl,
      nodes: nodes.map((n) => ({ target: n.target.map(String), failureSummary: n.failureSummary })),
    }));
  });
  const bad = found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  const problems = bad.map(describe);
  if (scrollWidth > innerWidth) {
    // The widest culprits: elements that reach past the right edge.
    const wide = await page.evaluate(() =>
      Array.from(document.querySelectorAll('body *'))
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${[...el.classList].join('.')}`),
    );
    problems.push(`  horizontal scroll: the page is ${scrollWidth} px wide in a ${innerWidth} px window (${wide.join(', ')})`);
  }
  assert.ok(!problems.length, `${name} (${page.url()}, ${innerWidth} px wide):\n${problems.join('\n')}`);
  // What remains (moderate, minor), for the test's diagnostics.
  return found.filter((v) => !bad.includes(v)).map((v) => `${v.id} (${v.impact}, ${v.nodes.length}×)`);
}
