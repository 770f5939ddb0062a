// What the field form needs to know before a volunteer types anything: the teams the account may
// record for, the chosen team's members and villages, the services of its province. Loaded from
// the API when online and kept on the device (localStorage), so the form works when the app starts
// with no signal. Only names and ids are kept: no member's phone is stored.
import { api } from '../api';
import type { Account, Service, ServiceList, Team, TeamDetail, TeamPage, Unit, UnitPage } from '../api/types';
import { normalizeMobile } from './validate';

export type TeamBrief = Pick<Team, 'id' | 'name' | 'level' | 'unit_id'>;

export interface MemberBrief {
  id: number; // the person id records name
  name: string;
  role: string;
}

export type VillageBrief = Pick<Unit, 'id' | 'name'>;

// The services of the team's province as GET /api/v1/services gives them.
export type { Service };

export interface TeamContext {
  team: TeamBrief;
  members: MemberBrief[];
  villages: VillageBrief[];
  services: Service[];
  me: number | null; // the signed-in account's own person id in this team, when found
  saved_at: number;
}

export interface Prefs {
  username: string;
  team_id: number | null;
  member_id: number | null;
  village_id: number | null;
}

const TEAMS_KEY = 'cnscd.field.teams';
const TEAM_KEY = 'cnscd.field.team.';
const PREFS_KEY = 'cnscd.field.prefs';

function read<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // storage full or disabled: the form still works while the page is open
  }
}

export function loadPrefs(): Prefs | null {
  return read<Prefs>(PREFS_KEY);
}

export function savePrefs(p: Prefs): void {
  write(PREFS_KEY, p);
}

// The teams of the account last signed in on this device; `member_only`: it holds only the
// member role (records its own help; a leader or officer chooses who helped).
export function cachedTeams(): { username: string; items: TeamBrief[]; member_only?: boolean } | null {
  return read(TEAMS_KEY);
}

export function cachedTeam(id: number): TeamContext | null {
  return read<TeamContext>(TEAM_KEY + id);
}

// Team details fetched while listing the teams, handed once to fetchTeamContext (one read of the
// team, and of its members' phones, instead of two).
const prefetched = new Map<number, Promise<TeamDetail>>();

// The teams an account records for: its team grants' teams; for an officer, the teams in scope.
export async function fetchTeams(account: Account): Promise<TeamBrief[]> {
  const own = account.grants.filter((g) => g.team_id).map((g) => g.team_id as number);
  // An administrator or an officer (not a viewer) records for the teams in their scope.
  const recordsForUnits = account.grants.some(
    (g) => g.role === 'admin' || (g.unit_id && !['viewer', 'team_leader', 'member'].includes(g.role)),
  );
  let items: TeamBrief[] = [];
  if (recordsForUnits) {
    const page = await api.get<TeamPage>('/api/v1/teams?limit=1000');
    items = page.items;
  }
  const missing = own.filter((id) => !items.some((t) => t.id === id));
  const details = await Promise.all(
    missing.map((id) => {
      const p = api.get<TeamDetail>(`/api/v1/teams/${id}`);
      prefetched.set(id, p);
      return p;
    }),
  );
  items = [...items, ...details];
  // The account's own teams first.
  items.sort((a, b) => Number(own.includes(b.id)) - Number(own.includes(a.id)));
  items = items.map((t) => ({ id: t.id, name: t.name, level: t.level, unit_id: t.unit_id }));
  const memberOnly = account.grants.length > 0 && account.grants.every((g) => g.role === 'member');
  write(TEAMS_KEY, { username: account.username, items, member_only: memberOnly });
  return items;
}

// A team's members, villages and services; finds the account's own person by its username (a
// member's account is named by their phone) or its full name.
export async function fetchTeamContext(teamId: number, account: Account): Promise<TeamContext> {
  const early = prefetched.get(teamId);
  prefetched.delete(teamId);
  const t = await (early ?? api.get<TeamDetail>(`/api/v1/teams/${teamId}`));
  const team: TeamBrief = { id: t.id, name: t.name, level: t.level, unit_id: t.unit_id };
  const [services, villages] = await Promise.all([
    api.get<ServiceList>(`/api/v1/services?unit_id=${t.unit_id}`),
    t.level === 'village'
      ? api.get<Unit>(`/api/v1/units/${t.unit_id}`).then((u) => [{ id: u.id, name: u.name }])
      : api
          .get<UnitPage>(`/api/v1/units?parent=${t.unit_id}&kind=village&limit=1000`)
          .then((p) => p.items.map((u) => ({ id: u.id, name: u.name }))),
  ]);
  const userPhone = normalizeMobile(account.username);
  const fullName = (account.full_name ?? '').trim().toLocaleLowerCase('vi');
  const mine =
    t.members.find((m) => userPhone && m.person.phone && normalizeMobile(m.person.phone) === userPhone) ??
    t.members.find((m) => fullName && m.person.full_name.trim().toLocaleLowerCase('vi') === fullName);
  const ctx: TeamContext = {
    team,
    members: t.members.map((m) => ({ id: m.person.id, name: m.person.full_name, role: m.role })),
    villages,
    services: services.items.map((s) => ({
      code: s.code,
      name: s.name,
      name_en: s.name_en,
      subject: s.subject,
      cohort: s.cohort,
      min_age: s.min_age,
      builtin: s.builtin,
    })),
    me: mine ? mine.person.id : null,
    saved_at: Date.now(),
  };
  write(TEAM_KEY + teamId, ctx);
  return ctx;
}
