import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n';
import { BackLink } from '../../ui/back-link';
import { formatDate, formatNumber } from '../../ui/format';
import { LoadMore } from '../../ui/load-more';
import { PageState } from '../../ui/problems';
import { useLearningEvents, type LearningEvent } from './api';

/** /practices/events: the horizontal-learning events the reader sees, latest first; hosts record new ones. */
export function EventsPage() {
  const { t } = useI18n();
  const { hasPermission, me } = useSession();
  const list = useLearningEvents();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const records = hasPermission('learning_events:manage') && me?.user.role !== 'admin';
  return (
    <Stack gap="lg" maw={960}>
      <BackLink to="/practices">{t('practices.events.back')}</BackLink>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <div style={{ flex: '1 1 22rem' }}>
          <Title order={1}>{t('practices.events.title')}</Title>
          <Text c="gray.7">{t('practices.events.intro')}</Text>
        </div>
        {records && (
          <Button component={Link} to="/practices/events/new" leftSection={<IconPlus size={18} aria-hidden="true" />}>
            {t('practices.events.add')}
          </Button>
        )}
      </Group>
      {list.isPending || list.isError ? (
        <PageState loading={list.isPending} error={list.error} />
      ) : items.length === 0 ? (
        <Text>{t('practices.events.empty')}</Text>
      ) : (
        <>
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {items.map((e) => (
              <EventCard key={e.id} event={e} />
            ))}
          </Stack>
          <LoadMore list={list} />
        </>
      )}
    </Stack>
  );
}

function EventCard({ event: e }: { event: LearningEvent }) {
  const { t, lang } = useI18n();
  return (
    <Card withBorder padding="md" radius="md" component="li" aria-labelledby={`event-${e.id}`}>
      <Stack gap={6}>
        <Title order={2} size="h4" id={`event-${e.id}`}>
          {e.title}
        </Title>
        <Text size="sm" c="gray.7">
          {formatDate(e.heldOn, lang)} · {e.place}
        </Text>
        <Text size="sm">
          <Text span fw={600}>
            {t('practices.events.host')}:
          </Text>{' '}
          {e.hostSchool.name}
        </Text>
        {e.visitingSchools.length + e.visitingCompanies.length > 0 && (
          <Text size="sm">
            <Text span fw={600}>
              {t('practices.events.visitors')}:
            </Text>{' '}
            {[...e.visitingSchools, ...e.visitingCompanies].map((o) => o.name).join(', ')}
          </Text>
        )}
        {e.practices.length > 0 && (
          <Group gap={6} wrap="wrap">
            <Text size="sm" fw={600}>
              {t('practices.events.practices')}:
            </Text>
            {e.practices.map((p) => (
              <Anchor key={p.id} component={Link} to={`/practices/${p.id}`} size="sm">
                {p.title}
              </Anchor>
            ))}
          </Group>
        )}
        <Group gap={6} wrap="wrap" aria-label={t('practices.events.attendees')}>
          <Badge variant="outline" color="teal.9" tt="none">
            {t('practices.events.total', { n: formatNumber(e.attendeeTotal, lang) })}
          </Badge>
          {e.attendees.map((a) => (
            <Badge key={a.role} variant="outline" color="gray.8" tt="none">
              {t(`practices.attendee.${a.role}`)}: {a.count}
            </Badge>
          ))}
        </Group>
        {e.notes && (
          <Text size="sm" c="gray.8">
            {e.notes}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
