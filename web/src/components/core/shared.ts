// Helpers shared by the frame and the officer's screens (Home, Units, Unit, Team, Inbox): who the
// signed-in account is in terms the screens need, the API's error in the current language. The
// labels of roles and states are messages (src/i18n: role.*, status.*, kind.*). Small on purpose:
// the field screen loads the frame.
import { ApiError, type ApiErrorBody } from '../../api';
import { session } from '../../session';
import type { Grant } from '../../api/types';

export const MANAGING_ROLES = ['admin', 'province_officer', 'district_officer', 'commune_chair', 'commune_officer'];
export const UNIT_ROLES = [...MANAGING_ROLES, 'viewer'];
export const TEAM_ROLES = ['team_leader', 'member'];
/** Every grant role, highest first (the keys of role.account.*). */
export const ROLE_CODES = [...UNIT_ROLES, ...TEAM_ROLES];
const RANK: Record<string, number> = {
  admin: 100, province_officer: 80, district_officer: 60, commune_chair: 50,
  commune_officer: 40, viewer: 30, team_leader: 20, member: 10,
};

function grants(): Grant[] {
  return session.account?.grants ?? [];
}

/** The account's highest grant on a unit (or the country, for admin), if any. */
export function mainUnitGrant(): Grant | undefined {
  return grants()
    .filter((g) => UNIT_ROLES.includes(g.role))
    .sort((a, b) => (RANK[b.role] ?? 0) - (RANK[a.role] ?? 0))[0];
}

/** The account's first team grant, if any. */
export function mainTeamGrant(): Grant | undefined {
  return grants()
    .filter((g) => TEAM_ROLES.includes(g.role) && g.team_id)
    .sort((a, b) => (RANK[b.role] ?? 0) - (RANK[a.role] ?? 0))[0];
}

export function isAdmin(): boolean {
  return grants().some((g) => g.role === 'admin');
}

/** A managing role whose scope reaches a unit, given the unit's path ids (province down to it). */
export function canManageUnit(pathIds: number[]): boolean {
  return grants().some(
    (g) => MANAGING_ROLES.includes(g.role) && (g.role === 'admin' || (g.unit_id != null && pathIds.includes(g.unit_id))),
  );
}

/** A unit role (a viewer too) whose scope reaches a unit, or admin: reads what belongs to it, such
 *  as a decision of its commune. Team roles do not (the server answers 403; no need to ask). */
export function readsUnit(pathIds: number[]): boolean {
  return grants().some(
    (g) => UNIT_ROLES.includes(g.role) && (g.role === 'admin' || (g.unit_id != null && pathIds.includes(g.unit_id))),
  );
}

/** A commune chairman reaching the unit (or admin): approves and rejects requests. */
export function canApproveUnit(pathIds: number[]): boolean {
  return grants().some(
    (g) => g.role === 'admin' || (g.role === 'commune_chair' && g.unit_id != null && pathIds.includes(g.unit_id)),
  );
}

export function teamRoleOn(teamId: number): string | undefined {
  return grants().find((g) => TEAM_ROLES.includes(g.role) && g.team_id === teamId)?.role;
}

/** An API error's message in the current language (the other language's when it lacks one). */
export function apiMessage(body: ApiErrorBody, locale: string): string {
  return (locale === 'en' ? body.message_en || body.message : body.message || body.message_en) ?? '';
}

/** The API's message in the current language; anything else as its text. */
export function errorText(e: unknown, locale: string): string {
  if (e instanceof ApiError) return apiMessage(e.body, locale) || e.message;
  return e instanceof Error ? e.message : String(e);
}

/** A message the API sends in both languages (violations, participants). */
export function bilingual(o: { message?: string; message_en?: string; label?: string; label_en?: string }, locale: string): string {
  return locale === 'en' ? (o.message_en ?? o.label_en ?? '') : (o.message ?? o.label ?? '');
}

export function thisYear(): number {
  return new Date().getFullYear();
}

/** YYYY-MM of today, in the browser's time (Vietnam for its users). */
export function thisMonth(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

export function monthBounds(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(y, m, 0).getDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

// One formatter per language and kind, made once: toLocaleString() builds a new one at every call,
// which costs far more than formatting (a team's page formats hundreds of dates as it opens).
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function formatter<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = make()));
  return f as T;
}

/** 2025-07-01 or an ISO timestamp → 01/07/2025 (vi) or 1 Jul 2025 (en). */
export function formatDate(s: string | null | undefined, locale: string): string {
  if (!s) return '';
  const d = new Date(s.length === 10 ? s + 'T00:00:00' : s);
  if (isNaN(d.getTime())) return s;
  const tag = locale === 'en' ? 'en-GB' : 'vi-VN';
  return formatter(`date ${tag}`, () => new Intl.DateTimeFormat(tag, { day: '2-digit', month: '2-digit', year: 'numeric' })).format(d);
}

/** Every figure the app shows: 1.234 and 58,2 (vi), 1,234 and 58.2 (en); one decimal at most. */
export function formatNumber(n: number | null | undefined, locale: string): string {
  if (n == null) return '—';
  const tag = locale === 'en' ? 'en-GB' : 'vi-VN';
  return formatter(`number ${tag}`, () => new Intl.NumberFormat(tag, { maximumFractionDigits: 1 })).format(n);
}

/** A percent: "58,2 %" (vi), "58.2 %" (en); "—" when there is none. */
export function formatPercent(n: number | null | undefined, locale: string): string {
  return n == null ? '—' : `${formatNumber(n, locale)} %`;
}

// Shapes of the API answers these screens read, generated from docs/openapi.yaml.
export type {
  ChatGroup, Coverage, Membership, MembershipRequest, PathItem, Person, Team, TeamDetail, Unit, UnitDetail, Violation,
} from '../../api/types';
