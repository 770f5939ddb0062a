// The one way the app talks to cnscd: JSON over fetch with the session cookie, echoing the
// CSRF cookie on writes (docs/security.md). Errors arrive as ApiError with the server's
// bilingual message; a network failure is ApiError with status 0 (offline). The shapes of what it
// sends and gets are in ./types, generated from docs/openapi.yaml.

import type { ApiErrorBody } from './types';

export type { ApiErrorBody };

export class ApiError extends Error {
  readonly status: number;
  readonly body: ApiErrorBody;
  constructor(status: number, body: ApiErrorBody) {
    super(body.message_en || body.message);
    this.status = status;
    this.body = body;
  }
  get offline(): boolean {
    return this.status === 0;
  }
}

// The session's CSRF token, echoed as X-CSRF-Token on writes (also by the file upload).
export function csrfToken(): string {
  const m = document.cookie.match(/(?:^|;\s*)cnscd_csrf=([^;]*)/);
  return m ? decodeURIComponent(m[1]) : '';
}

// What a request that never reached the server throws.
export function offlineError(): ApiError {
  return new ApiError(0, {
    code: 'offline',
    message: 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
    message_en: 'Cannot reach the server. Check the network and try again.',
  });
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') headers['X-CSRF-Token'] = csrfToken();
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw offlineError();
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const json = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    throw new ApiError(res.status, json?.error ?? { code: 'http_' + res.status, message: text, message_en: text });
  }
  return json as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  del: <T>(path: string) => request<T>('DELETE', path),
};
