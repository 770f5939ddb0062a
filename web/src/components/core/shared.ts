// Helpers shared by the frame and the officer's screens (Home, Units, Unit, Team, Inbox): who the
// signed-in account is in terms the screens need, the API's error in the current language, the
// labels of roles and states in both languages. Small on purpose: the field screen loads the frame.
import { ApiError } from '../../api';
import { session, type Grant } from '../../session';

export const MANAGING_ROLES = ['admin', 'province_officer', 'district_officer', 'commune_chair', 'commune_officer'];
export const UNIT_ROLES = [...MANAGING_ROLES, 'viewer'];
export const TEAM_ROLES = ['team_leader', 'member'];
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

/** A commune chairman reaching the unit (or admin): approves and rejects requests. */
export function canApproveUnit(pathIds: number[]): boolean {
  return grants().some(
    (g) => g.role === 'admin' || (g.role === 'commune_chair' && g.unit_id != null && pathIds.includes(g.unit_id)),
  );
}

export function teamRoleOn(teamId: number): string | undefined {
  return grants().find((g) => TEAM_ROLES.includes(g.role) && g.team_id === teamId)?.role;
}

/** The API's message in the current language; anything else as its text. */
export function errorText(e: unknown, locale: string): string {
  if (e instanceof ApiError) {
    const m = locale === 'en' ? e.body.message_en || e.body.message : e.body.message || e.body.message_en;
    return m || e.message;
  }
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

/** 2025-07-01 or an ISO timestamp → 01/07/2025 (vi) or 1 Jul 2025 (en). */
export function formatDate(s: string | null | undefined, locale: string): string {
  if (!s) return '';
  const d = new Date(s.length === 10 ? s + 'T00:00:00' : s);
  if (isNaN(d.getTime())) return s;
  return d.toLocaleDateString(locale === 'en' ? 'en-GB' : 'vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric' });
}

export function formatNumber(n: number | null | undefined, locale: string): string {
  if (n == null) return '—';
  return n.toLocaleString(locale === 'en' ? 'en-GB' : 'vi-VN');
}

/** Labels both languages share across screens; spread into a screen's local messages. */
export const sharedMessages = {
  vi: {
    grant: {
      admin: 'Quản trị hệ thống',
      province_officer: 'Cán bộ cấp tỉnh',
      district_officer: 'Cán bộ cấp huyện',
      commune_chair: 'Chủ tịch UBND xã',
      commune_officer: 'Công chức Văn hóa – Xã hội',
      viewer: 'Theo dõi',
      team_leader: 'Tổ trưởng',
      member: 'Tổ viên',
    },
    role: { leader: 'Tổ trưởng', deputy: 'Tổ phó', member: 'Tổ viên', collaborator: 'Cộng tác viên' },
    kind: { province: 'Tỉnh', district: 'Huyện', commune: 'Xã', village: 'Thôn, ấp' },
    state: {
      submitted: 'Chờ Tổ trưởng giới thiệu',
      nominated: 'Chờ Chủ tịch phê duyệt',
      approved: 'Đã phê duyệt',
      rejected: 'Đã từ chối',
      withdrawn: 'Đã rút',
    },
    reqkind: { join: 'Đăng ký tham gia Tổ', leave: 'Xin ra khỏi Tổ' },
    status: { met: 'Đạt', on_track: 'Đúng tiến độ', behind: 'Chậm', no_target: 'Chưa giao chỉ tiêu', no_population: 'Chưa có số dân' },
    gender: { male: 'Nam', female: 'Nữ', other: 'Khác' },
  },
  en: {
    grant: {
      admin: 'Administrator',
      province_officer: 'Province officer',
      district_officer: 'District officer',
      commune_chair: 'Commune chairman',
      commune_officer: 'Commune culture-society officer',
      viewer: 'Viewer',
      team_leader: 'Team leader',
      member: 'Team member',
    },
    role: { leader: 'Leader', deputy: 'Deputy', member: 'Member', collaborator: 'Collaborator' },
    kind: { province: 'Province', district: 'District', commune: 'Commune', village: 'Village' },
    state: {
      submitted: 'Waiting for the team leader',
      nominated: 'Waiting for the chairman',
      approved: 'Approved',
      rejected: 'Rejected',
      withdrawn: 'Withdrawn',
    },
    reqkind: { join: 'Request to join the team', leave: 'Request to leave the team' },
    status: { met: 'Met', on_track: 'On track', behind: 'Behind', no_target: 'No target', no_population: 'No population figure' },
    gender: { male: 'Male', female: 'Female', other: 'Other' },
  },
};

// Shapes of the API answers these screens read (docs/openapi.yaml).
export interface PathItem { id: number; name: string; kind: string }
export interface Unit { id: number; code: string | null; name: string; kind: string; subkind: string; parent_id: number | null }
export interface UnitDetail extends Unit { path: PathItem[]; children: number }
export interface Team { id: number; unit_id: number; level: 'village' | 'commune'; name: string; status: string; established_by: number | null }
export interface Person {
  id?: number; full_name: string; phone: string | null; zalo: string | null; occupation: string | null;
  gender: string | null; birth_year: number | null;
}
export interface Membership { membership_id: number; team_id: number; role: string; since: string; until: string | null; person: Person }
export interface Violation { code: string; message: string; message_en: string }
export interface TeamDetail extends Team { members: Membership[]; violations: Violation[] }
export interface Coverage {
  villages: number; villages_with_team: number; percent: number; teams: number; members: number;
  collaborators: number; teams_with_violations: number;
  chat_groups: { units: number; units_with_group: number; units_with_complete_group: number; teams: number; teams_with_group: number; teams_with_complete_group: number };
}
export interface MembershipRequest {
  id: number; kind: 'join' | 'leave'; team_id: number; state: string; role: string; note: string;
  submitted_by: number; submitted_at: string; nominated_by: number | null; nominated_at: string | null;
  decided_by: number | null; decided_at: string | null; reason: string | null; result_membership_id: number | null;
  membership_id?: number | null; person: Person | null; consequences: Violation[];
}
export interface ChatGroup {
  owner_type: string; owner_id: number; name: string; link: string; exists: boolean; complete: boolean;
  participants: { key: string; label: string; label_en: string; joined: boolean }[]; updated_at: string | null;
}
