// What the team's activities screen and its forms share: places, months, the member list, and how
// a count is typed (src/core/training.cpp).
import type { Membership } from '../../api/types';
import { wholeNumber } from '../core/textInput';
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

/** A count typed in a field (wholeNumber: "1.200" reads as 1200), or null when blank or not one. */
export function count(raw: string): number | null {
  const n = wholeNumber(raw);
  return n === null || Number.isNaN(n) ? null : n;
}

/** The current members (no `until`), leader first, as the member picker lists them. */
export function currentMembers(members: Membership[]): Membership[] {
  const order = ['leader', 'deputy', 'member', 'collaborator'];
  return members
    .filter((m) => !m.until)
    .sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
}
