// The field queue: support records wait in IndexedDB (plain API, no library) until the server has
// them. Each entry gets its UUID when it is made and keeps it for good, so a resend after a lost
// answer is harmless (the server answers `duplicate`). Entries go in batches of at most 500
// (POST /api/v1/support-records) when the network is there: on `online`, on a timer with backoff,
// on app start, when the page comes back into view, and right after a save. `created` and
// `duplicate` remove an entry; `error` keeps it with its error until it is corrected or deleted;
// a network failure or a 5xx keeps everything for later.
import { reactive } from 'vue';
import { api, ApiError } from '../api';
import type { ApiErrorBody, SupportBatchResult, SupportRecordInput, SupportResult } from '../api/types';
import { todayInVietnam } from './validate';

// One record as the API takes it (SupportRecordInput in docs/openapi.yaml).
export type { SupportRecordInput };
export type Sex = NonNullable<SupportRecordInput['sex']>;

export interface QueueEntry {
  id: string; // = record.id, the UUID made with the entry
  record: SupportRecordInput;
  created_at: number; // ms since epoch, keeps the order of sending
  error: ApiErrorBody | null; // the server's refusal of this record; it waits for a correction
}

export const BATCH_SIZE = 500;
const DB_NAME = 'cnscd-field';
const DB_VERSION = 1;
const QUEUE = 'queue';
const META = 'meta';
const BASE_DELAY_MS = 15_000;
const MAX_DELAY_MS = 5 * 60_000;

export type Failure = 'offline' | 'server' | 'auth' | null;

// What the screen shows; refreshed from IndexedDB after every change (in any tab).
export const queueState = reactive({
  ready: false,
  entries: [] as QueueEntry[],
  waiting: 0, // entries to send (no error)
  failed: 0, // entries the server refused, waiting for a correction
  sentToday: 0,
  sending: false,
  failure: null as Failure, // why the last attempt did not go through
  failureMessage: null as ApiErrorBody | null,
  lastSentAt: 0,
  storageError: false, // IndexedDB unavailable (private mode on some browsers)
});

// A UUID v4: crypto.randomUUID where the page is a secure context, else from getRandomValues
// (a phone opening the app over plain http on a LAN has no randomUUID).
export function newUuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

// ---- IndexedDB, promisified -------------------------------------------------------------------

let dbPromise: Promise<IDBDatabase> | null = null;

function openDb(): Promise<IDBDatabase> {
  if (!dbPromise) {
    dbPromise = new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(DB_NAME, DB_VERSION);
      req.onupgradeneeded = () => {
        const db = req.result;
        if (!db.objectStoreNames.contains(QUEUE)) {
          db.createObjectStore(QUEUE, { keyPath: 'id' }).createIndex('created_at', 'created_at');
        }
        if (!db.objectStoreNames.contains(META)) db.createObjectStore(META, { keyPath: 'key' });
      };
      req.onsuccess = () => {
        const db = req.result;
        db.onversionchange = () => {
          db.close();
          dbPromise = null;
        };
        resolve(db);
      };
      req.onerror = () => reject(req.error);
      req.onblocked = () => reject(new Error('IndexedDB blocked'));
    }).catch((e) => {
      dbPromise = null;
      queueState.storageError = true;
      throw e;
    });
  }
  return dbPromise;
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

function result<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function allEntries(): Promise<QueueEntry[]> {
  const db = await openDb();
  const tx = db.transaction(QUEUE, 'readonly');
  const items = await result(tx.objectStore(QUEUE).index('created_at').getAll() as IDBRequest<QueueEntry[]>);
  return items;
}

async function sentCount(day: string): Promise<number> {
  const db = await openDb();
  const tx = db.transaction(META, 'readonly');
  const row = (await result(tx.objectStore(META).get('sent:' + day))) as { count: number } | undefined;
  return row?.count ?? 0;
}

// ---- the reactive view, shared across tabs ------------------------------------------------------

const channel: BroadcastChannel | null =
  typeof BroadcastChannel === 'function' ? new BroadcastChannel('cnscd-field-queue') : null;
if (channel) channel.onmessage = () => void refresh();

function announce(): void {
  channel?.postMessage('changed');
}

export async function refresh(): Promise<void> {
  try {
    const entries = await allEntries();
    queueState.entries = entries;
    queueState.failed = entries.filter((e) => e.error).length;
    queueState.waiting = entries.length - queueState.failed;
    queueState.sentToday = await sentCount(todayInVietnam());
    queueState.ready = true;
  } catch {
    queueState.storageError = true;
    queueState.ready = true;
  }
}

// ---- changes ------------------------------------------------------------------------------------

// Puts a new record in the queue (it already carries its UUID) and sends at once when online.
export async function enqueue(record: SupportRecordInput): Promise<void> {
  const db = await openDb();
  const tx = db.transaction(QUEUE, 'readwrite');
  const entry: QueueEntry = { id: record.id, record, created_at: Date.now(), error: null };
  tx.objectStore(QUEUE).add(entry);
  await done(tx);
  await refresh();
  announce();
  if (navigator.onLine) void flush();
}

// A corrected record replaces the refused one under the same UUID (the server never stored it).
export async function correct(record: SupportRecordInput): Promise<void> {
  const db = await openDb();
  const tx = db.transaction(QUEUE, 'readwrite');
  const store = tx.objectStore(QUEUE);
  const old = (await result(store.get(record.id))) as QueueEntry | undefined;
  store.put({ id: record.id, record, created_at: old?.created_at ?? Date.now(), error: null });
  await done(tx);
  await refresh();
  announce();
  if (navigator.onLine) void flush();
}

export async function remove(id: string): Promise<void> {
  const db = await openDb();
  const tx = db.transaction(QUEUE, 'readwrite');
  tx.objectStore(QUEUE).delete(id);
  await done(tx);
  await refresh();
  announce();
  if (navigator.onLine) void flush(); // clears a failure shown for what is no longer there
}

// Applies one batch's answer: sent entries go (and count as sent today), refused ones keep
// their error. Returns how many entries were answered.
async function applyResults(sent: QueueEntry[], results: SupportResult[]): Promise<number> {
  const db = await openDb();
  const tx = db.transaction([QUEUE, META], 'readwrite');
  const store = tx.objectStore(QUEUE);
  const meta = tx.objectStore(META);
  let gone = 0;
  let handled = 0;
  sent.forEach((entry, i) => {
    const r = results[i]?.id === entry.id ? results[i] : results.find((x) => x.id === entry.id);
    if (!r) return;
    if (r.status === 'created' || r.status === 'duplicate') {
      store.delete(entry.id);
      gone++;
      handled++;
    } else if (r.status === 'error') {
      store.put({ ...entry, error: r.error ?? { code: 'error', message: 'Lỗi', message_en: 'Error' } });
      handled++;
    }
  });
  const key = 'sent:' + todayInVietnam();
  const row = (await result(meta.get(key))) as { key: string; count: number } | undefined;
  meta.put({ key, count: (row?.count ?? 0) + gone });
  await done(tx);
  return handled;
}

// ---- sending ------------------------------------------------------------------------------------

let inFlight: Promise<void> | null = null;
let failures = 0;
let timer: ReturnType<typeof setTimeout> | null = null;

function schedule(): void {
  if (timer) clearTimeout(timer);
  timer = null;
  if (queueState.waiting === 0) return;
  const delay = failures === 0 ? BASE_DELAY_MS : Math.min(BASE_DELAY_MS * 2 ** failures, MAX_DELAY_MS);
  timer = setTimeout(() => void flush(), delay);
}

async function sendAll(): Promise<void> {
  queueState.sending = true;
  try {
    for (;;) {
      const pending = (await allEntries()).filter((e) => !e.error).slice(0, BATCH_SIZE);
      if (pending.length === 0) {
        queueState.failure = null; // nothing to send: nothing failing
        queueState.failureMessage = null;
        break;
      }
      let answer: SupportBatchResult;
      try {
        answer = await api.post<SupportBatchResult>('/api/v1/support-records', {
          records: pending.map((e) => e.record),
        });
      } catch (e) {
        const err = e instanceof ApiError ? e : null;
        const status = err?.status ?? 0;
        queueState.failure =
          status === 0 ? 'offline' : status === 401 || err?.body.code === 'csrf_failed' ? 'auth' : 'server';
        queueState.failureMessage = err?.body ?? null;
        failures++;
        return;
      }
      failures = 0;
      queueState.failure = null;
      queueState.failureMessage = null;
      const handled = await applyResults(pending, answer.results ?? []);
      queueState.lastSentAt = Date.now();
      if (handled === 0) {
        // An answer that names none of what was sent: stop rather than loop; retry later.
        queueState.failure = 'server';
        failures++;
        return;
      }
      await refresh();
      announce();
    }
  } finally {
    queueState.sending = false;
    await refresh();
    schedule();
  }
}

// Sends what waits, one sender at a time (per tab, and across tabs where Web Locks exist).
export function flush(): Promise<void> {
  if (inFlight) return inFlight;
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  const run = (): Promise<void> =>
    locks ? locks.request('cnscd-field-queue', () => sendAll()).then(() => undefined) : sendAll();
  const p: Promise<void> = run()
    .catch(() => {
      queueState.failure = 'offline';
    })
    .finally(() => {
      inFlight = null;
    });
  inFlight = p;
  return p;
}

// "Gửi ngay": forget the backoff and try now.
export function sendNow(): Promise<void> {
  failures = 0;
  return flush();
}

let started = false;

// Called once at app start (pwa.ts) and by the field screen: loads the counts, sends what waits,
// and listens for the network coming back.
export async function startQueue(): Promise<void> {
  if (started) return;
  started = true;
  if (typeof indexedDB === 'undefined') {
    queueState.storageError = true;
    queueState.ready = true;
    return;
  }
  window.addEventListener('online', () => void sendNow());
  window.addEventListener('offline', () => {
    queueState.failure = 'offline';
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') {
      void refresh().then(() => {
        if (navigator.onLine && queueState.waiting > 0) void flush();
      });
    }
  });
  await refresh();
  if (queueState.waiting > 0) {
    if (navigator.onLine) void flush();
    else schedule();
  }
}
