// A target (chỉ tiêu) typed in one grid cell, as the plans write it, and back. The rules are the
// server's (src/core/target.cpp: ParseSeedTarget reads the text, CheckBound judges the bound), so a
// cell the grid accepts is one the server accepts, with the same meaning:
//   "90" or "≥ 90" or "từ 90" → a floor (min 90)        "80–90" or "80-90" → a range (min 80, max 90)
//   "> 70" or "trên 70"      → a strict floor (> 70)     "≤ 10" or "<= 10" or "tối đa 10" → a ceiling
// A comma or a point is the decimal mark ("58,2" = "58.2"); a "%" after a number is allowed on a
// percent indicator. Empty: no target of the unit's own (it inherits the nearest one above).
// Numbers are written back without grouping (a count of 1000 is "1000", never "1.000", which would
// read back as 1) and with the locale's decimal mark.

export type Measure = 'percent' | 'count';

export interface Bound {
  min: number | null;
  max: number | null;
  strict: boolean;
}

/** Why a cell cannot be sent: the key of its message under indicatorSetup.grid.bad. */
export type Problem = 'format' | 'percentRange' | 'whole' | 'minAboveMax' | 'over100' | 'percentOnCount';

export type Parsed = { bound: Bound | null; problem?: undefined } | { problem: Problem; bound?: undefined };

const FLOOR = ['≥', '>=', 'từ', 'ít nhất', 'tối thiểu'];
const STRICT = ['>', 'trên'];
const CEILING = ['≤', '<=', 'tối đa'];

function takePrefix(s: string, words: string[]): string | null {
  // The longest first, so ">=" is not read as ">" followed by "=".
  for (const w of [...words].sort((a, b) => b.length - a.length)) {
    if (s.startsWith(w)) return s.slice(w.length).trimStart();
  }
  return null;
}

const NUMBER = /^(\d+(?:[.,]\d+)?)\s*(%?)\s*/;

/** The cell's text as a bound (null: empty, remove the unit's own target), or why it is refused. */
export function parseTarget(text: string, measure: Measure): Parsed {
  let s = text.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi');
  if (!s) return { bound: null };
  let op: 'floor' | 'strict' | 'ceiling' = 'floor';
  let hadOp = false;
  // Floors first: ">=" is a floor, a lone ">" strict.
  let rest = takePrefix(s, FLOOR);
  if (rest !== null) {
    hadOp = true;
  } else if ((rest = takePrefix(s, STRICT)) !== null) {
    op = 'strict';
    hadOp = true;
  } else if ((rest = takePrefix(s, CEILING)) !== null) {
    op = 'ceiling';
    hadOp = true;
  }
  if (rest !== null) s = rest;
  if (s.endsWith('trở lên')) s = s.slice(0, -'trở lên'.length).trimEnd(); // "từ 40% trở lên"

  let percentSign = false;
  const first = NUMBER.exec(s);
  if (!first) return { problem: 'format' };
  percentSign ||= first[2] === '%';
  s = s.slice(first[0].length);
  const a = Number(first[1].replace(',', '.'));
  let bound: Bound;
  const dash = /^[–\-—]\s*/.exec(s);
  if (dash) {
    // A range takes a floor word ("từ 80–90 %") or "> " (the API's strict range), never a ceiling.
    if (hadOp && op === 'ceiling') return { problem: 'format' };
    s = s.slice(dash[0].length);
    const second = NUMBER.exec(s);
    if (!second) return { problem: 'format' };
    percentSign ||= second[2] === '%';
    s = s.slice(second[0].length);
    bound = { min: a, max: Number(second[1].replace(',', '.')), strict: op === 'strict' };
  } else if (op === 'ceiling') {
    bound = { min: null, max: a, strict: false };
  } else {
    bound = { min: a, max: null, strict: op === 'strict' };
  }
  if (s.trim()) return { problem: 'format' };
  if (percentSign && measure === 'count') return { problem: 'percentOnCount' };
  const problem = checkBound(bound, measure);
  return problem ? { problem } : { bound };
}

/** The server's CheckBound: '' when the bound holds for the measure. */
export function checkBound(b: Bound, measure: Measure): Problem | '' {
  for (const n of [b.min, b.max]) {
    if (n === null) continue;
    if (!Number.isFinite(n) || n < 0) return 'format';
    if (measure === 'percent' && n > 100) return 'percentRange';
    if (measure === 'count' && !Number.isInteger(n)) return 'whole';
  }
  if (b.min === null && b.max === null) return 'format';
  if (b.strict && b.min === null) return 'format';
  if (b.strict && measure === 'percent' && (b.min ?? 0) >= 100) return 'over100';
  if (b.min !== null && b.max !== null && (b.min > b.max || (b.strict && b.min === b.max))) return 'minAboveMax';
  return '';
}

function num(n: number, locale: string): string {
  return n.toLocaleString(locale === 'en' ? 'en-GB' : 'vi-VN', { useGrouping: false, maximumFractionDigits: 2 });
}

/** The bound as the cell shows it for editing: "≥ 90", "80–90", "> 70", "≤ 10" (no unit). */
export function boundInput(b: { min?: number | null; max?: number | null; strict?: boolean | null } | null, locale: string): string {
  if (!b) return '';
  const min = b.min ?? null;
  const max = b.max ?? null;
  if (min !== null && max !== null) return `${b.strict ? '> ' : ''}${num(min, locale)}–${num(max, locale)}`;
  if (min !== null) return `${b.strict ? '>' : '≥'} ${num(min, locale)}`;
  if (max !== null) return `≤ ${num(max, locale)}`;
  return '';
}

/** The bound as the documents write it, in the locale's numbers: "≥ 58,2 %", "80–90 %", "≥ 1". */
export function boundText(b: Parameters<typeof boundInput>[0], measure: string, locale: string): string {
  const s = boundInput(b, locale);
  return s && measure === 'percent' ? `${s} %` : s;
}
