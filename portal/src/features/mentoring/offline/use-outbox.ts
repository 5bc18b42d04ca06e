import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createStore, get, set } from 'idb-keyval';
import { useEffect } from 'react';
import { api, unwrap } from '../../../api/client';
import { ApiProblem } from '../../../api/problem';
import { useSession } from '../../../app/session';
import { useI18n } from '../../../i18n';
import { notify } from '../../../ui/notify';
import type { Assignment } from '../api';
import { keepProfileForOffline } from './offline-session';
import { flushOutbox, listOutbox, onOutboxChange } from './outbox';

export const outboxKey = (userId: string) => ['mentoring', 'outbox', userId] as const;

/** The signed-in user's sessions waiting on this device, re-read whenever the outbox changes. */
export function useOutbox() {
  const { me } = useSession();
  const userId = me?.user.id ?? '';
  const queryClient = useQueryClient();
  useEffect(() => onOutboxChange(() => void queryClient.invalidateQueries({ queryKey: ['mentoring', 'outbox'] })), [queryClient]);
  return useQuery({ queryKey: outboxKey(userId), queryFn: () => listOutbox(userId), enabled: !!userId, networkMode: 'always', staleTime: Infinity });
}

/**
 * For the facilitator: sends what waits on this device when the page opens and whenever the
 * connection comes back, and keeps the profile for opening the app offline.
 */
export function useOutboxSync(): void {
  const { me, hasPermission } = useSession();
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const userId = me?.user.id;
  const logs = hasPermission('mentoring:log') && !hasPermission('mentoring:assign');
  useEffect(() => {
    if (!me || !logs) return;
    void keepProfileForOffline(me);
  }, [me, logs]);
  useEffect(() => {
    if (!userId || !logs) return;
    let alive = true;
    const run = async () => {
      const sent = await flushOutbox(userId);
      if (!alive) return;
      if (sent > 0) {
        notify(t('mentoring.outbox.sentNotice', { n: sent }));
        void queryClient.invalidateQueries({ queryKey: ['mentoring'] });
      }
    };
    void run();
    window.addEventListener('online', run);
    return () => {
      alive = false;
      window.removeEventListener('online', run);
    };
  }, [userId, logs, queryClient, t]);
}

const cacheStore = typeof indexedDB === 'undefined' ? undefined : createStore('jalin-mentoring-cache', 'assignments');

/**
 * The facilitator's active assignments. The last list fetched is kept on the device, so the form can
 * still name the school without a connection (`offline` says the list is that copy).
 */
export function useMyAssignments() {
  const { me } = useSession();
  const userId = me?.user.id ?? '';
  return useQuery({
    queryKey: ['mentoring', 'assignments', 'mine', userId],
    enabled: !!userId,
    networkMode: 'always',
    retry: false,
    queryFn: async (): Promise<{ items: Assignment[]; offline: boolean; more: boolean }> => {
      try {
        const page = await unwrap(api.GET('/api/v1/mentoring/assignments', { params: { query: { limit: 100, facilitatorUserId: userId } } }));
        if (cacheStore) void set(userId, page.items, cacheStore).catch(() => undefined);
        return { items: page.items, offline: false, more: page.nextCursor !== null };
      } catch (err) {
        const kept = cacheStore && err instanceof ApiProblem && err.status === 0 ? await get<Assignment[]>(userId, cacheStore).catch(() => undefined) : undefined;
        if (kept) return { items: kept, offline: true, more: false };
        throw err;
      }
    },
  });
}
