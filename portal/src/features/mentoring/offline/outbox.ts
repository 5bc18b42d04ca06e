import { createStore, del, get, set, values } from 'idb-keyval';
import { api, unwrap } from '../../../api/client';
import { ApiProblem } from '../../../api/problem';
import type { NewAction, NewSession } from '../api';

/**
 * Sessions logged on this device and not yet on the server (no connection in the field). Each is
 * kept in IndexedDB with its photo as a Blob and an Idempotency-Key fixed when it was written, then
 * sent step by step (session, follow-ups, photo), each step under its own key derived from it, so a
 * retry, a reload or a second tab never makes anything twice. What a step got back is written down
 * before the next one starts.
 */
export interface OutboxItem {
  /** The Idempotency-Key of the session; the follow-ups and the photo use `${key}.action.N` and `${key}.photo`. */
  key: string;
  /** Whose it is: only that user's device session sends it. */
  userId: string;
  createdAt: string;
  schoolName: string;
  session: NewSession;
  actions: Array<Omit<NewAction, 'sessionId'>>;
  photo: { blob: Blob; name: string } | null;
  /** Filled in as the steps succeed. */
  sessionId: string | null;
  actionsSent: number;
  photoSent: boolean;
  /** waiting: to be sent; refused: the server said no (the reason kept), the person decides. */
  state: 'waiting' | 'refused';
  problem: { status: number; title?: string; detail?: string } | null;
}

const store = typeof indexedDB === 'undefined' ? undefined : createStore('jalin-mentoring', 'outbox');
const listeners = new Set<() => void>();

/** Tells the pages that the outbox changed (they read it again). */
function changed(): void {
  for (const l of listeners) l();
}

export function onOutboxChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** The user's items, oldest first. */
export async function listOutbox(userId: string): Promise<OutboxItem[]> {
  if (!store) return [];
  const all = (await values<OutboxItem>(store)).filter((i) => i.userId === userId);
  return all.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export async function putOutbox(item: OutboxItem): Promise<void> {
  if (!store) throw new Error('IndexedDB is not available');
  await set(item.key, item, store);
  changed();
}

export async function removeOutbox(key: string): Promise<void> {
  if (store) await del(key, store);
  changed();
}

/** A failure worth another try later: no connection, the server busy or down, the key still in flight, the session expired. */
function retryable(err: unknown): boolean {
  if (!(err instanceof ApiProblem)) return true;
  return err.status === 0 || err.status === 401 || err.status === 408 || err.status === 409 || err.status === 429 || err.status >= 500;
}

export type SendResult = { outcome: 'sent'; sessionId: string } | { outcome: 'waiting' } | { outcome: 'refused'; error: unknown };

async function save(item: OutboxItem): Promise<void> {
  if (store && (await get(item.key, store))) await set(item.key, item, store);
}

/** Sends one item, continuing where an earlier attempt stopped. */
async function sendOne(item: OutboxItem): Promise<SendResult> {
  try {
    if (!item.sessionId) {
      const made = await unwrap(api.POST('/api/v1/mentoring/sessions', { body: item.session, params: { header: { 'Idempotency-Key': item.key } } }));
      item.sessionId = made.id;
      await save(item);
    }
    const sessionId = item.sessionId;
    while (item.actionsSent < item.actions.length) {
      const i = item.actionsSent;
      await unwrap(api.POST('/api/v1/mentoring/actions', { body: { ...item.actions[i], sessionId }, params: { header: { 'Idempotency-Key': `${item.key}.action.${i}` } } }));
      item.actionsSent = i + 1;
      await save(item);
    }
    if (item.photo && !item.photoSent) {
      const photo = item.photo;
      await unwrap(
        api.POST('/api/v1/mentoring/sessions/{id}/evidence', {
          params: { path: { id: sessionId }, header: { 'Idempotency-Key': `${item.key}.photo` } },
          body: { file: '' },
          bodySerializer: () => {
            const form = new FormData();
            form.append('file', photo.blob, photo.name);
            return form;
          },
        }),
      );
      item.photoSent = true;
      await save(item);
    }
    return { outcome: 'sent', sessionId };
  } catch (err) {
    if (retryable(err)) return { outcome: 'waiting' };
    const p = err instanceof ApiProblem ? err : null;
    item.state = 'refused';
    item.problem = { status: p?.status ?? 0, title: p?.title, detail: p?.detail };
    await save(item);
    return { outcome: 'refused', error: err };
  }
}

let running: Promise<unknown> = Promise.resolve();

/** Runs `fn` alone: one sender per tab, and one across tabs where the browser has Web Locks. */
function exclusive<T>(fn: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? (navigator as Navigator & { locks?: LockManager }).locks : undefined;
  const run = () => (locks ? (locks.request('jalin-mentoring-outbox', fn) as Promise<T>) : fn());
  const next = running.then(run, run);
  running = next.catch(() => undefined);
  return next;
}

/**
 * Sends one item now (just written by the form). Answers what happened: sent (and removed from the
 * outbox), still waiting (kept), or refused (kept with the reason, unless `dropRefused`).
 */
export function sendNow(key: string, options: { dropRefused?: boolean } = {}): Promise<SendResult> {
  return exclusive(async () => {
    const item = store ? await get<OutboxItem>(key, store) : undefined;
    if (!item) return { outcome: 'waiting' } as SendResult;
    const result = await sendOne(item);
    if (result.outcome === 'sent' || (result.outcome === 'refused' && options.dropRefused && item.sessionId === null)) await removeOutbox(key);
    else changed();
    return result;
  });
}

/** Sends every waiting item of the user, oldest first; stops at the first one that cannot reach the server. Answers how many were sent. */
export function flushOutbox(userId: string): Promise<number> {
  return exclusive(async () => {
    let sent = 0;
    for (const item of await listOutbox(userId)) {
      if (item.state !== 'waiting') continue;
      const result = await sendOne(item);
      if (result.outcome === 'waiting') break;
      if (result.outcome === 'sent') {
        sent += 1;
        if (store) await del(item.key, store);
      }
    }
    changed();
    return sent;
  });
}
