import { Anchor, Badge, Card, Group, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { hasKey, useI18n } from '../../i18n';
import { BackLink } from '../../ui/back-link';
import { formatDateTime } from '../../ui/format';
import { LoadMore } from '../../ui/load-more';
import { PageState } from '../../ui/problems';
import { onlySet, useUrlFilters } from '../../ui/url-filters';
import { useOutbox, type OutboxFilters, type OutboxMessage } from './api';
import { RequirePermission } from './components/guard';

const FILTERS = ['status', 'kind'] as const;
const STATUSES = ['pending', 'sent', 'kept', 'failed'] as const;
const STATUS_COLOR: Record<string, string> = { pending: 'blue', sent: 'teal', kept: 'yellow', failed: 'red' };
/** The kinds people filter by most; a kind in the URL that is not here is offered too. */
const KINDS = ['invitation', 'password_reset', 'password_changed', 'mou_expiring', 'mou_expired'];

/**
 * /admin/outbox?status=…&kind=…: the e-mails Jalin wrote, newest first. With no mail server set up,
 * messages are kept here ("kept"), so an administrator can pass an invitation or reset link on by hand.
 */
export function OutboxPage() {
  return (
    <RequirePermission permission="mail:read">
      <Outbox />
    </RequirePermission>
  );
}

function Outbox() {
  const { t, lang } = useI18n();
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const list = useOutbox(onlySet(filters) as OutboxFilters);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const kindLabel = (kind: string) => (hasKey(lang, `admin.outbox.kind.${kind}`) ? t(`admin.outbox.kind.${kind}`) : kind);
  const kinds = filters.kind && !KINDS.includes(filters.kind) ? [...KINDS, filters.kind] : KINDS;
  return (
    <Stack gap="lg">
      <BackLink to="/admin">{t('admin.backToAdmin')}</BackLink>
      <div>
        <Title order={1}>{t('admin.outbox.title')}</Title>
        <Text c="gray.7">{t('admin.outbox.intro')}</Text>
      </div>
      <Card withBorder padding="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('admin.outbox.status')}
            value={filters.status}
            onChange={(e) => setFilters({ status: e.currentTarget.value })}
            data={[{ value: '', label: t('admin.outbox.allStatuses') }, ...STATUSES.map((s) => ({ value: s, label: t(`admin.outbox.statusName.${s}`) }))]}
          />
          <NativeSelect
            label={t('admin.outbox.kindLabel')}
            value={filters.kind}
            onChange={(e) => setFilters({ kind: e.currentTarget.value })}
            data={[{ value: '', label: t('admin.outbox.allKinds') }, ...kinds.map((k) => ({ value: k, label: kindLabel(k) }))]}
          />
        </SimpleGrid>
      </Card>
      {list.isPending || (list.isError && !list.data) ? (
        <PageState loading={list.isPending} error={list.error} />
      ) : items.length === 0 ? (
        <Card withBorder>
          <Text>{t('admin.outbox.empty')}</Text>
        </Card>
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((m) => (
            <li key={m.id}>
              <MessageCard message={m} kind={kindLabel(m.kind)} />
            </li>
          ))}
        </Stack>
      )}
      <LoadMore list={list} />
    </Stack>
  );
}

function MessageCard({ message: m, kind }: { message: OutboxMessage; kind: string }) {
  const { t, lang } = useI18n();
  return (
    <Card withBorder padding="md" component="article" aria-label={`${m.subject} · ${m.to}`}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <div style={{ minWidth: 0 }}>
          <Text fw={600} style={{ wordBreak: 'break-word' }}>
            {m.subject}
          </Text>
          <Text size="sm" c="gray.7" style={{ wordBreak: 'break-word' }}>
            {t('admin.outbox.toLine', { to: m.to, kind, at: formatDateTime(m.createdAt, lang) })}
          </Text>
        </div>
        <Badge color={STATUS_COLOR[m.status] ?? 'gray'} variant="light" c="dark.8">
          {t(`admin.outbox.statusName.${m.status}`)}
        </Badge>
      </Group>
      {m.status === 'sent' && m.sentAt && (
        <Text size="sm" mt={4}>
          {t('admin.outbox.sentAt', { at: formatDateTime(m.sentAt, lang) })}
        </Text>
      )}
      {(m.status === 'pending' || m.status === 'failed') && m.attempts > 0 && (
        <Text size="sm" mt={4} c={m.status === 'failed' ? 'red.8' : undefined}>
          {t('admin.outbox.attempts', { n: m.attempts })}
          {m.lastError ? ` · ${m.lastError}` : ''}
          {m.status === 'pending' && m.nextAttemptAt ? ` · ${t('admin.outbox.nextAttempt', { at: formatDateTime(m.nextAttemptAt, lang) })}` : ''}
        </Text>
      )}
      {m.status === 'kept' && (
        <Text size="sm" mt={4}>
          {t('admin.outbox.keptHint')}
        </Text>
      )}
      <details style={{ marginTop: 8 }}>
        <summary>
          <Anchor component="span" size="sm">
            {t('admin.outbox.showText')}
          </Anchor>
        </summary>
        <Text component="pre" size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontFamily: 'inherit', margin: 0 }}>
          {m.text}
        </Text>
      </details>
    </Card>
  );
}
