// Who is signed in: the account and its grants (GET /api/v1/auth/me), shared by every screen.
import { reactive } from 'vue';
import { api, ApiError } from './api';
import type { Account, LoginResponse } from './api/types';

export const session = reactive<{ account: Account | null; checked: boolean }>({
  account: null,
  checked: false,
});

export async function loadSession(): Promise<Account | null> {
  try {
    session.account = await api.get<Account>('/api/v1/auth/me');
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 401) throw e;
    session.account = null;
  }
  session.checked = true;
  return session.account;
}

export async function login(username: string, password: string): Promise<Account> {
  const r = await api.post<LoginResponse>('/api/v1/auth/login', { username, password });
  session.account = r.account;
  session.checked = true;
  return r.account;
}

export async function logout(): Promise<void> {
  try {
    await api.post('/api/v1/auth/logout');
  } finally {
    session.account = null;
  }
}

export function hasRole(...roles: string[]): boolean {
  return !!session.account?.grants.some((g) => roles.includes(g.role));
}
