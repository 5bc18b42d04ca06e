import { Alert, Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPlus, IconWifiOff } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n';
import { LoadMore } from '../../ui/load-more';
import { PageState } from '../../ui/problems';
import { useSessionList, type Assignment } from './api';
import { OutboxList } from './components/OutboxList';
import { AssignmentFlags, AssignmentProgress } from './components/progress';
import { ConfirmationBadge, useHours, useSessionName } from './components/labels';
import { useMyAssignments, useOutboxSync } from './offline/use-outbox';

/** /mentoring for a facilitator: my schools this year with their progress, what waits on this device, my latest sessions. */
export function FacilitatorHome() {
  const { t } = useI18n();
  useOutboxSync();
  const mine = useMyAssignments();
  const thisYear = new Date().getFullYear();
  const items = mine.data?.items ?? [];
  // This year's schools first; a facilitator may still finish last year's or start next year's.
  const sorted = [...items].sort((a, b) => Math.abs(a.programYear.year - thisYear) - Math.abs(b.programYear.year - thisYear) || a.school.name.localeCompare(b.school.name));
  return (
    <Stack gap="xl">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <div>
          <Title order={1}>{t('mentoring.facilitator.title')}</Title>
          <Text c="gray.7">{t('mentoring.facilitator.intro')}</Text>
        </div>
        {items.length > 0 && (
          <Button component={Link} to="/mentoring/sessions/new" leftSection={<IconPlus size={18} aria-hidden="true" />}>
            {t('mentoring.facilitator.log')}
          </Button>
        )}
      </Group>
      <OutboxList />
      <section aria-labelledby="my-schools">
        <Stack gap="sm">
          <Title order={2} size="h3" id="my-schools">
            {t('mentoring.facilitator.schools', { year: thisYear })}
          </Title>
          {mine.data?.offline && (
            <Alert color="yellow" icon={<IconWifiOff size={18} aria-hidden="true" />} title={t('mentoring.facilitator.offlineTitle')}>
              {t('mentoring.facilitator.offlineText')}
            </Alert>
          )}
          {mine.isPending || mine.isError ? (
            <PageState loading={mine.isPending} error={mine.error} />
          ) : sorted.length === 0 ? (
            <Text>{t('mentoring.facilitator.noSchools')}</Text>
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              {sorted.map((a) => (
                <SchoolCard key={a.id} assignment={a} />
              ))}
            </SimpleGrid>
          )}
        </Stack>
      </section>
      <RecentSessions />
    </Stack>
  );
}

function SchoolCard({ assignment: a }: { assignment: Assignment }) {
  const { t } = useI18n();
  return (
    <Card withBorder radius="md" padding="md" component="article" aria-labelledby={`assignment-${a.id}`}>
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4" id={`assignment-${a.id}`}>
            <Anchor component={Link} to={`/mentoring/assignments/${a.id}`} inherit>
              {a.school.name}
            </Anchor>
          </Title>
          <Text size="sm" c="gray.7">
            {a.programYear.programName} · {a.programYear.year}
          </Text>
        </div>
        <AssignmentFlags assignment={a} />
        <AssignmentProgress assignment={a} />
        <Group>
          <Button
            component={Link}
            to={`/mentoring/sessions/new?assignmentId=${a.id}`}
            variant="light"
            leftSection={<IconPlus size={18} aria-hidden="true" />}
            aria-label={t('mentoring.facilitator.logAt', { school: a.school.name })}
          >
            {t('mentoring.facilitator.log')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function RecentSessions() {
  const { t } = useI18n();
  const list = useSessionList('all');
  const name = useSessionName();
  const hours = useHours();
  const sessions = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section aria-labelledby="recent-sessions">
      <Stack gap="sm">
        <Title order={2} size="h3" id="recent-sessions">
          {t('mentoring.facilitator.recent')}
        </Title>
        {list.isPending || list.isError ? (
          <PageState loading={list.isPending} error={list.error} />
        ) : sessions.length === 0 ? (
          <Text>{t('mentoring.list.empty.all')}</Text>
        ) : (
          sessions.map((s) => (
            <Card key={s.id} withBorder radius="md" padding="md" component="article" aria-labelledby={`session-${s.id}`}>
              <Stack gap={4}>
                <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                  <Title order={3} size="h5" id={`session-${s.id}`}>
                    <Anchor component={Link} to={`/mentoring/sessions/${s.id}`} inherit>
                      {name(s)} · {s.school.name}
                    </Anchor>
                  </Title>
                  <ConfirmationBadge confirmation={s.confirmation} />
                </Group>
                <Text size="sm" c="gray.7">
                  {t(`common.topic.${s.topic}`)} · {hours(s.hours)}
                </Text>
                {s.notes && (
                  <Text size="sm" lineClamp={2}>
                    {s.notes}
                  </Text>
                )}
              </Stack>
            </Card>
          ))
        )}
        <LoadMore list={list} />
      </Stack>
    </section>
  );
}
