import { Anchor, Button, Card, Code, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { toProblem } from '../../api/problem';
import { useI18n, hasKey } from '../../i18n';
import { LoadMore } from '../../ui/load-more';
import { BackLink } from '../../ui/back-link';
import { labelledMessage } from '../../ui/field-problems';
import { formatDateTime } from '../../ui/format';
import { PageState, ProblemAlert } from '../../ui/problems';
import { useAuditEvents, useUser, type AuditEvent, type AuditFilters } from './api';
import { RequirePermission } from './components/guard';
import { onlySet, useUrlFilters } from '../../ui/url-filters';

const FILTERS = ['actorUserId', 'entityType', 'entityId', 'action', 'from', 'to'] as const;
type FilterName = (typeof FILTERS)[number];

/** The record types people look for most; any other type in the URL is kept and offered too. */
const ENTITY_TYPES = ['organization', 'organization_import', 'user', 'auth_session', 'contact', 'partner_request', 'partnership', 'mou', 'program', 'program_year', 'plan', 'grant', 'disbursement', 'expense_report', 'mentoring_session', 'training', 'competition', 'competition_entry'];
const ACTIONS = ['create', 'update', 'state_change', 'invite', 'import', 'login', 'logout'];

/** /admin/audit: who changed what and when, filtered by the URL (actorUserId, entityType, entityId, action, from, to). */
export function AuditPage() {
  return (
    <RequirePermission permission="audit:read">
      <AuditLog />
    </RequirePermission>
  );
}

function AuditLog() {
  const { t } = useI18n();
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const [draft, setDraft] = useState(filters);
  const events = useAuditEvents(onlySet(filters) as AuditFilters);
  const items = events.data?.pages.flatMap((p) => p.items) ?? [];
  const labels: Record<FilterName, string> = {
    actorUserId: t('admin.audit.actor'),
    entityType: t('admin.audit.entityType'),
    entityId: t('admin.audit.entityId'),
    action: t('admin.audit.action'),
    from: t('admin.audit.from'),
    to: t('admin.audit.to'),
  };
  // The API names a filter it refuses (an impossible date, an id that is no id): shown at that filter.
  const problem = events.isError ? toProblem(events.error) : null;
  const fieldError = (name: FilterName) => {
    const found = problem?.fields.filter((f) => f.field === name) ?? [];
    return found.length ? found.map((f) => labelledMessage(f, labels[name])).join(' ') : undefined;
  };
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilters(Object.fromEntries(FILTERS.map((n) => [n, draft[n].trim()])));
  };
  const clear = () => {
    const none = Object.fromEntries(FILTERS.map((n) => [n, ''])) as Record<FilterName, string>;
    setDraft(none);
    setFilters(none);
  };
  const set = (name: FilterName) => (value: string) => setDraft((d) => ({ ...d, [name]: value }));
  const types = filters.entityType && !ENTITY_TYPES.includes(filters.entityType) ? [filters.entityType, ...ENTITY_TYPES] : ENTITY_TYPES;
  const actions = filters.action && !ACTIONS.includes(filters.action) ? [filters.action, ...ACTIONS] : ACTIONS;

  return (
    <Stack gap="lg">
      <BackLink to="/admin">{t('admin.backToAdmin')}</BackLink>
      <div>
        <Title order={1}>{t('admin.audit.title')}</Title>
        <Text c="gray.7">{t('admin.audit.intro')}</Text>
      </div>
      <Card withBorder component="section" aria-labelledby="audit-filters">
        <Title order={2} size="h4" id="audit-filters" mb="sm">
          {t('admin.filters')}
        </Title>
        <form onSubmit={apply} noValidate>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={labels.actorUserId} description={<ActorHint id={filters.actorUserId} />} value={draft.actorUserId} onChange={(e) => set('actorUserId')(e.currentTarget.value)} error={fieldError('actorUserId')} />
              <NativeSelect
                label={labels.action}
                value={draft.action}
                onChange={(e) => set('action')(e.currentTarget.value)}
                error={fieldError('action')}
                data={[{ value: '', label: t('admin.all') }, ...actions.map((a) => ({ value: a, label: actionLabel(t, a) }))]}
              />
              <NativeSelect
                label={labels.entityType}
                value={draft.entityType}
                onChange={(e) => set('entityType')(e.currentTarget.value)}
                error={fieldError('entityType')}
                data={[{ value: '', label: t('admin.all') }, ...types.map((v) => ({ value: v, label: entityLabel(t, v) }))]}
              />
              <TextInput label={labels.entityId} value={draft.entityId} onChange={(e) => set('entityId')(e.currentTarget.value)} error={fieldError('entityId')} />
              <TextInput label={labels.from} description={t('admin.audit.dateHint')} placeholder="2026-11-01" inputMode="numeric" value={draft.from} onChange={(e) => set('from')(e.currentTarget.value)} error={fieldError('from')} />
              <TextInput label={labels.to} description={t('admin.audit.toHint')} placeholder="2026-12-01" inputMode="numeric" value={draft.to} onChange={(e) => set('to')(e.currentTarget.value)} error={fieldError('to')} />
            </SimpleGrid>
            <Group gap="xs">
              <Button type="submit">{t('admin.audit.apply')}</Button>
              <Button variant="subtle" onClick={clear}>
                {t('admin.audit.clear')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      {events.isPending ? (
        <PageState loading />
      ) : events.isError ? (
        <ProblemAlert error={events.error} extra={problem?.fields} labelOf={(f) => labels[f as FilterName] ?? f} />
      ) : items.length === 0 ? (
        <Text>{t('admin.audit.empty')}</Text>
      ) : (
        <section aria-labelledby="audit-events-title">
          <Title order={2} size="h3" id="audit-events-title" mb="sm">
            {t('admin.audit.eventsTitle')}
          </Title>
          <Stack gap="sm">
            {items.map((e) => (
              <EventCard key={e.id} event={e} />
            ))}
            <LoadMore list={events} />
          </Stack>
        </section>
      )}
    </Stack>
  );
}

type T = (key: string, params?: Record<string, string | number>) => string;

function actionLabel(t: T, action: string): string {
  return hasKeyAny(`admin.audit.actions.${action}`) ? t(`admin.audit.actions.${action}`) : action;
}
function entityLabel(t: T, type: string): string {
  return hasKeyAny(`admin.audit.entities.${type}`) ? t(`admin.audit.entities.${type}`) : type;
}
function hasKeyAny(key: string): boolean {
  return hasKey('id', key) || hasKey('en', key);
}

function ActorHint({ id }: { id: string }) {
  const { t } = useI18n();
  const user = useUser(/^[0-9a-f-]{36}$/i.test(id) ? id : null);
  if (user.data) return <>{t('admin.audit.actorIs', { name: user.data.fullName, email: user.data.email })}</>;
  return <>{t('admin.audit.actorHint')}</>;
}

function Actor({ id }: { id: string | null }) {
  const { t } = useI18n();
  const user = useUser(id);
  if (!id) return <>{t('admin.audit.system')}</>;
  return (
    <Anchor component={Link} to={`/admin/users/${id}`}>
      {user.data ? user.data.fullName : id}
    </Anchor>
  );
}

/** Where a record of the event can be opened in the portal, when there is such a page. */
function recordLink(e: AuditEvent): string | null {
  if (!e.entityId) return null;
  if (e.entityType === 'organization') return `/admin/organizations/${e.entityId}`;
  if (e.entityType === 'user') return `/admin/users/${e.entityId}`;
  if (e.entityType === 'plan') return `/plans/${e.entityId}`;
  if (e.entityType === 'grant') return `/grants/${e.entityId}`;
  if (e.entityType === 'mou') return `/mous/${e.entityId}`;
  if (e.entityType === 'competition') return `/competitions/${e.entityId}`;
  return null;
}

function show(value: unknown, t: T): string {
  if (value === null || value === undefined || value === '') return t('admin.emptyValue');
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) return value.length ? value.join(', ') : t('admin.emptyValue');
  return JSON.stringify(value);
}

/** The changes of an event, one line per field: "from → to" for an update, the value for the rest. */
function Changes({ changes }: { changes: Record<string, unknown> }) {
  const { t } = useI18n();
  const entries = Object.entries(changes);
  if (entries.length === 0) return null;
  return (
    <dl style={{ margin: 0, display: 'grid', gridTemplateColumns: 'minmax(6rem, max-content) 1fr', gap: '0.15rem 0.75rem' }}>
      {entries.map(([field, value]) => {
        const isDiff = value !== null && typeof value === 'object' && !Array.isArray(value) && 'from' in value && 'to' in value;
        const diff = value as { from: unknown; to: unknown };
        return (
          <div key={field} style={{ display: 'contents' }}>
            <dt>
              <Code>{field}</Code>
            </dt>
            <dd style={{ margin: 0, overflowWrap: 'anywhere' }}>
              <Text size="sm" component="span">
                {isDiff ? t('admin.audit.fromTo', { from: show(diff.from, t), to: show(diff.to, t) }) : show(value, t)}
              </Text>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

function EventCard({ event: e }: { event: AuditEvent }) {
  const { t, lang } = useI18n();
  const link = recordLink(e);
  return (
    <Card withBorder padding="md" component="article" aria-label={`${actionLabel(t, e.action)} · ${entityLabel(t, e.entityType)} · ${formatDateTime(e.occurredAt, lang)}`}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={700}>
            {actionLabel(t, e.action)} · {entityLabel(t, e.entityType)}
          </Text>
          <Text size="sm" c="gray.7">
            {formatDateTime(e.occurredAt, lang)}
          </Text>
        </Group>
        <Text size="sm">
          {t('admin.audit.by')} <Actor id={e.actorUserId} />
          {e.entityId && (
            <>
              {' · '}
              {t('admin.audit.record')}{' '}
              {link ? (
                <Anchor component={Link} to={link} style={{ overflowWrap: 'anywhere' }}>
                  {e.entityId}
                </Anchor>
              ) : (
                <Code style={{ overflowWrap: 'anywhere' }}>{e.entityId}</Code>
              )}
            </>
          )}
        </Text>
        {e.changes && <Changes changes={e.changes} />}
      </Stack>
    </Card>
  );
}
