// What the team's activities screen and its forms share: places, months, the member list, and how
// a count is typed (src/core/training.cpp).
import type { Membership } from '../../api/types';
import { todayInVietnam } from '../core/textInput';

/** Where a session or an event was held: the team's village, or a commune team's commune or villages. */
export interface Place { id: number; name: string }

/** The last `n` months, this month (in Vietnam) first, as YYYY-MM. */
export function recentMonths(n: number): string[] {
  const [y, m] = todayInVietnam().split('-').map(Number);
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

/** A whole number typed in a field, or null; "1.200" and "1 200" (Vietnamese thousands) read as 1200. */
export function wholeNumber(raw: string): number | null {
  const s = raw.trim();
  if (/^\d{1,7}$/.test(s)) return Number(s);
  if (/^\d{1,3}([. ]\d{3}){1,2}$/.test(s)) return Number(s.replace(/[. ]/g, ''));
  return null;
}

/** The current members (no `until`), leader first, as the member picker lists them. */
export function currentMembers(members: Membership[]): Membership[] {
  const order = ['leader', 'deputy', 'member', 'collaborator'];
  return members
    .filter((m) => !m.until)
    .sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
}
