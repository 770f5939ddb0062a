// Who is signed in: the account and its grants (GET /api/v1/auth/me), shared by every screen.
// The account is also kept on the device, so that a volunteer who opens the app with no signal
// is not sent to the sign-in form (which needs the network): `offline` says the account is that
// copy, not the server's answer; the server still decides at the next request.
import { reactive } from 'vue';
import { api, ApiError } from './api';
import type { Account, LoginResponse } from './api/types';

export const session = reactive<{ account: Account | null; checked: boolean; offline: boolean }>({
  account: null,
  checked: false,
  offline: false,
});

const SAVED = 'cnscd.session';

function keep(account: Account | null): void {
  try {
    if (account) localStorage.setItem(SAVED, JSON.stringify(account));
    else localStorage.removeItem(SAVED);
  } catch {
    // storage disabled: an offline start shows the sign-in form, as before
  }
}

function kept(): Account | null {
  try {
    const raw = localStorage.getItem(SAVED);
    return raw ? (JSON.parse(raw) as Account) : null;
  } catch {
    return null;
  }
}

// Unreachable server (ApiError status 0): the account kept on this device, and `checked` stays
// false so the next navigation asks the server again. A 401 forgets the kept account. One
// question at a time: a second caller waits for the answer of the first.
let asking: Promise<Account | null> | null = null;
export function loadSession(): Promise<Account | null> {
  asking ??= askServer().finally(() => (asking = null));
  return asking;
}

/** The answer of the session check under way, if any, else the account as it stands. */
export function sessionChecked(): Promise<Account | null> {
  return asking ?? Promise.resolve(session.account);
}

async function askServer(): Promise<Account | null> {
  try {
    session.account = await api.get<Account>('/api/v1/auth/me');
  } catch (e) {
    const saved = e instanceof ApiError && e.offline ? kept() : null;
    if (saved) {
      session.account = saved;
      session.offline = true;
      return saved;
    }
    if (!(e instanceof ApiError) || e.status !== 401) throw e;
    session.account = null;
  }
  session.checked = true;
  session.offline = false;
  keep(session.account);
  return session.account;
}

// Back online after an offline start: the server's answer replaces the kept account.
if (typeof window !== 'undefined') {
  window.addEventListener('online', () => {
    if (session.offline) void loadSession().catch(() => undefined);
  });
}

export async function login(username: string, password: string): Promise<Account> {
  const r = await api.post<LoginResponse>('/api/v1/auth/login', { username, password });
  session.account = r.account;
  session.checked = true;
  session.offline = false;
  keep(r.account);
  return r.account;
}

export async function logout(): Promise<void> {
  try {
    await api.post('/api/v1/auth/logout');
  } finally {
    session.account = null;
    keep(null);
  }
}

export function hasRole(...roles: string[]): boolean {
  return !!session.account?.grants.some((g) => roles.includes(g.role));
}
