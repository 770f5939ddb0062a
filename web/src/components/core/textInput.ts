// What is typed, as the server reads it (src/core/text_input.cpp): text kept in NFC with its white
// space collapsed and trimmed, lengths counted in characters (code points), dates as YYYY-MM-DD.
// Today's date is the queue's todayInVietnam (offline/validate.ts): the server's day.
export { todayInVietnam } from '../../offline/validate';

/** Text as the server keeps it: NFC, white space collapsed, trimmed. */
export function clean(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Characters (code points) as the server counts them. */
export function length(s: string): number {
  return [...s].length;
}

/**
 * A whole number as people in Vietnam type it: "1.200", "1 200", "1,200" or "1200" → 1200.
 * null when blank, NaN when it is not a whole number ≥ 0 (a decimal such as "1,5" included).
 */
export function wholeNumber(text: string): number | null {
  const s = text.trim();
  if (!s) return null;
  if (!/^\d+$/.test(s) && !/^\d{1,3}([.,\s]\d{3})+$/.test(s)) return NaN;
  return Number(s.replace(/[.,\s]/g, ''));
}

/** A whole date, YYYY-MM-DD, that exists. */
export function isDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !isNaN(new Date(s + 'T00:00:00Z').getTime());
}
