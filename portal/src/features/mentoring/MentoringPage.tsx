import { Anchor, Card, Chip, Group, Stack, Tabs, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n';
import { LoadMore } from '../../ui/load-more';
import { PageState } from '../../ui/problems';
import { useSessionList, type ActionFilter, type ConfirmationFilter, type Session } from './api';
import { AssignmentsPage } from './AssignmentsPage';
import { ActionList } from './components/ActionList';
import { FacilitatorHome } from './FacilitatorHome';
import { ConfirmationBadge, useHours, useSessionName } from './components/labels';

const SESSION_FILTERS: ConfirmationFilter[] = ['all', 'pending', 'confirmed', 'disputed'];
const ACTION_FILTERS: ActionFilter[] = ['open', 'overdue', 'done', 'all'];

/**
 * /mentoring, by what the person does: the facilitator's schools and sessions, the school's sessions
 * to confirm (principal), or the assignments with their progress (CSR officer and other readers).
 */
export function MentoringPage() {
  const { hasPermission } = useSession();
  // Administrators hold every permission: they read the assignments, as the company does.
  if (hasPermission('mentoring:assign')) return <AssignmentsPage />;
  if (hasPermission('mentoring:log')) return <FacilitatorHome />;
  if (hasPermission('mentoring:confirm')) return <PrincipalMentoring />;
  return <AssignmentsPage />;
}

/** The sessions the facilitator logged at the school, and the school's follow-ups. */
function PrincipalMentoring() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'actions' ? 'actions' : 'sessions';
  const [sessionFilter, setSessionFilter] = useState<ConfirmationFilter>('all');
  const [actionFilter, setActionFilter] = useState<ActionFilter>('open');
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('mentoring.list.title')}</Title>
        <Text c="gray.7">{t('mentoring.list.intro')}</Text>
      </div>
      <Tabs value={tab} onChange={(v) => setParams(v === 'actions' ? { tab: 'actions' } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="sessions">{t('mentoring.list.sessions')}</Tabs.Tab>
          <Tabs.Tab value="actions">{t('mentoring.list.actions')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="sessions" pt="md">
          <Stack gap="sm">
            <VisuallyHidden>
              <Title order={2}>{t('mentoring.list.sessions')}</Title>
            </VisuallyHidden>
            <FilterChips label={t('mentoring.list.sessionFilter')} values={SESSION_FILTERS} value={sessionFilter} onChange={setSessionFilter} labelOf={(v) => t(`mentoring.list.sessionFilters.${v}`)} />
            <SessionList filter={sessionFilter} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="actions" pt="md">
          <Stack gap="sm">
            <VisuallyHidden>
              <Title order={2}>{t('mentoring.list.actions')}</Title>
            </VisuallyHidden>
            <Text size="sm" c="gray.7">
              {t('mentoring.list.actionsIntro')}
            </Text>
            <FilterChips label={t('mentoring.list.actionFilter')} values={ACTION_FILTERS} value={actionFilter} onChange={setActionFilter} labelOf={(v) => t(`mentoring.list.actionFilters.${v}`)} />
            <ActionList filter={actionFilter} />
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function FilterChips<T extends string>({ label, values, value, onChange, labelOf }: { label: string; values: readonly T[]; value: T; onChange: (v: T) => void; labelOf: (v: T) => string }) {
  return (
    <div role="radiogroup" aria-label={label}>
      <Chip.Group multiple={false} value={value} onChange={(v) => onChange(v as T)}>
        <Group gap="xs" wrap="wrap">
          {values.map((v) => (
            <Chip key={v} value={v} type="radio" variant="outline">
              {labelOf(v)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
    </div>
  );
}

function SessionList({ filter }: { filter: ConfirmationFilter }) {
  const { t } = useI18n();
  const list = useSessionList(filter);
  const sessions = list.data?.pages.flatMap((p) => p.items) ?? [];
  if (list.isPending || list.isError) return <PageState loading={list.isPending} error={list.error} />;
  if (sessions.length === 0) return <Text>{t(`mentoring.list.empty.${filter}`)}</Text>;
  return (
    <Stack gap="sm">
      {sessions.map((s) => (
        <SessionCard key={s.id} session={s} />
      ))}
      <LoadMore list={list} />
    </Stack>
  );
}

function SessionCard({ session: s }: { session: Session }) {
  const { t } = useI18n();
  const name = useSessionName();
  const hours = useHours();
  return (
    <Card withBorder radius="md" padding="md" component="article" aria-labelledby={`session-${s.id}`}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Title order={3} size="h5" id={`session-${s.id}`}>
            <Anchor component={Link} to={`/mentoring/sessions/${s.id}`} inherit>
              {name(s)}
            </Anchor>
          </Title>
          <ConfirmationBadge confirmation={s.confirmation} />
        </Group>
        <Text size="sm" c="gray.7">
          {t(`common.topic.${s.topic}`)} · {hours(s.hours)} · {s.facilitator.fullName}
        </Text>
        {s.notes && (
          <Text size="sm" lineClamp={2}>
            {s.notes}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
