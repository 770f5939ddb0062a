// Sends a file as multipart/form-data (part "file") with the session cookie and the CSRF token,
// as src/api does for JSON. Errors are ApiError; a 422 import_refused carries its report, kept
// in `extra`.
import { ApiError, csrfToken, offlineError } from '../../api';

export class UploadError extends ApiError {
  readonly extra: Record<string, unknown>;
  constructor(status: number, body: ApiError['body'], extra: Record<string, unknown>) {
    super(status, body);
    this.extra = extra;
  }
}

export async function uploadFile<T>(path: string, file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      headers: { Accept: 'application/json', 'X-CSRF-Token': csrfToken() },
      body: form,
      credentials: 'same-origin',
    });
  } catch {
    throw offlineError();
  }
  const text = await res.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!res.ok) {
    const body = (json?.error as ApiError['body']) ?? { code: 'http_' + res.status, message: text, message_en: text };
    throw new UploadError(res.status, body, json ?? {});
  }
  return json as T;
}
