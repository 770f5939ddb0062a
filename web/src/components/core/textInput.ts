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

/** A whole date, YYYY-MM-DD, that exists. */
export function isDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !isNaN(new Date(s + 'T00:00:00Z').getTime());
}
