// Helpers shared by the dashboard screens (indicators, reporting, reports, documents, accounts).
import { api } from '../../api';
import type { UnitDetail } from '../../api/types';
import { session } from '../../session';
import { i18n } from '../../i18n';
import { MANAGING_ROLES } from '../core/shared';

// The API's message in the current language, as on the officers' screens.
export { errorText, MANAGING_ROLES } from '../core/shared';

// Months and years in Vietnam time (UTC+7), as the server judges them.
function vnNow(): Date {
  return new Date(Date.now() + 7 * 3600 * 1000);
}
export function currentYear(): number {
  return vnNow().getUTCFullYear();
}
export function currentMonth(): string {
  const d = vnNow();
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}
export function previousMonth(): string {
  const d = vnNow();
  const y = d.getUTCMonth() === 0 ? d.getUTCFullYear() - 1 : d.getUTCFullYear();
  const m = d.getUTCMonth() === 0 ? 12 : d.getUTCMonth();
  return `${y}-${String(m).padStart(2, '0')}`;
}
export function isMonth(s: unknown): s is string {
  return typeof s === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(s);
}
// "2026-10" → "tháng 10/2026" or "October 2026" (common.monthOf around the month as the language writes it).
export function monthLabel(period: string, locale: string): string {
  const [y, m] = period.split('-');
  if (!m) return period;
  const month = new Date(Date.UTC(+y, +m - 1, 1)).toLocaleDateString(locale === 'en' ? 'en-GB' : 'vi-VN', {
    month: locale === 'en' ? 'long' : 'numeric', year: 'numeric', timeZone: 'UTC',
  });
  return i18n.global.t('common.monthOf', { month });
}
// "2026-10" → "10/2026", as both languages write a month in short.
export function formatMonth(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? `${m[2]}/${m[1]}` : month;
}
// "2026-10-31" → "31/10/2026"; a timestamp → its Vietnam date and time.
export function dateLabel(d: string | null | undefined): string {
  if (!d) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  const t = new Date(d);
  if (isNaN(t.getTime())) return d;
  const v = new Date(t.getTime() + 7 * 3600 * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(v.getUTCDate())}/${p(v.getUTCMonth() + 1)}/${v.getUTCFullYear()} ${p(v.getUTCHours())}:${p(v.getUTCMinutes())}`;
}
// Figures as every screen writes them (core/shared).
export { formatNumber as num, formatPercent } from '../core/shared';

export type { UnitDetail };

const unitCache = new Map<number, Promise<UnitDetail>>();
export function getUnit(id: number): Promise<UnitDetail> {
  let p = unitCache.get(id);
  if (!p) {
    p = api.get<UnitDetail>(`/api/v1/units/${id}`);
    p.catch(() => unitCache.delete(id));
    unitCache.set(id, p);
  }
  return p;
}

// Does a managing grant of the signed-in account reach one of these units (ids of a path)?
export function managesAny(unitIds: number[]): boolean {
  return !!session.account?.grants.some(
    (g) => g.role === 'admin' || (MANAGING_ROLES.includes(g.role) && g.unit_id !== null && unitIds.includes(g.unit_id)),
  );
}
export function leadsTeam(teamId: number | null | undefined): boolean {
  return !!teamId && !!session.account?.grants.some((g) => g.role === 'team_leader' && g.team_id === teamId);
}
