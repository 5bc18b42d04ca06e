import { Stack, Text, Title } from '@mantine/core';
import { useI18n } from '../../i18n';
import { DateText } from '../../ui/money';
import { PageState } from '../../ui/problems';
import { useHistory, type HistoryEvent } from './api';

type Changes = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const to = (v: unknown): string => (v && typeof v === 'object' && 'to' in v ? str((v as { to: unknown }).to) : '');

/** What one step of the history says, in the reader's language. */
function useEventText() {
  const { t } = useI18n();
  return (e: HistoryEvent): string => {
    const c = (e.changes ?? {}) as Changes;
    if (e.entityType === 'partner_request' && e.action === 'create') return t('requests.history.created');
    if (e.entityType === 'partner_recommendation' && e.action === 'create') {
      return t('requests.history.recommended', { school: str(c.schoolName), rank: str(c.rank), rationale: str(c.rationale) });
    }
    if (e.entityType === 'partner_recommendation') {
      const decision = to(c.decision);
      if (decision === 'declined') return t('requests.history.declined', { school: str(c.schoolName), reason: str(c.reason) });
      const p = c.partnership as { outcome?: string } | undefined;
      const base = t('requests.history.accepted', { school: str(c.schoolName) });
      return p?.outcome ? `${base} ${t(`requests.history.partnership.${p.outcome}`)}` : base;
    }
    const status = to(c.status);
    if (status === 'answered') return t('requests.history.answered', { n: str(c.schoolsRecommended) });
    if (status === 'withdrawn') return t('requests.history.withdrawn', { reason: str(c.reason) });
    if (status === 'closed') return c.because ? t('requests.history.closedAll') : t('requests.history.closed');
    return t('requests.history.other');
  };
}

/** The request's history, oldest first: who asked, who answered what and why, what was decided. */
export function HistorySection({ requestId }: { requestId: string }) {
  const { t } = useI18n();
  const history = useHistory(requestId);
  const text = useEventText();
  return (
    <section aria-labelledby="history-title">
      <Title order={2} size="h3" id="history-title" mb="sm">
        {t('requests.history.title')}
      </Title>
      {history.isPending || history.isError ? (
        <PageState loading={history.isPending} error={history.error} />
      ) : history.data.items.length === 0 ? (
        <Text>{t('requests.history.none')}</Text>
      ) : (
        <Stack component="ol" gap="sm" style={{ margin: 0, paddingLeft: '1.2rem' }}>
          {history.data.items.map((e) => (
            <li key={e.id}>
              <Text size="sm" c="gray.7">
                <DateText value={e.occurredAt} withTime />
                {e.actor ? ` · ${e.actor.fullName ?? '–'}${e.actor.organizationName ? ` (${e.actor.organizationName})` : ''}` : ''}
              </Text>
              <Text style={{ overflowWrap: 'anywhere' }}>{text(e)}</Text>
            </li>
          ))}
        </Stack>
      )}
    </section>
  );
}
