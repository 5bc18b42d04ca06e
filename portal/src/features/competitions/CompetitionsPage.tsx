import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useI18n } from '../../i18n';
import { DateText } from '../../ui/money';
import { PageState } from '../../ui/problems';
import { useCompetitions, type Competition } from './api';
import { entryWindow, PhaseBadge } from './entry-window';

/** The one date that matters now: the deadline while open, the end of judging, the publication. */
function KeyDate({ c }: { c: Competition }) {
  const { t } = useI18n();
  const w = entryWindow(c);
  if (c.phase === 'open' && (w.open || (!w.open && w.reason === 'notYet'))) {
    return (
      <Text size="sm">
        {w.open ? t('competitions.list.deadline') : t('competitions.list.opens')}: <DateText value={w.open ? c.entriesCloseAt : c.entriesOpenAt} withTime />
      </Text>
    );
  }
  if (c.phase === 'open' || c.phase === 'judging') {
    return (
      <Text size="sm">
        {t('competitions.list.judgingEnds')}: <DateText value={c.judgingEndsAt} />
      </Text>
    );
  }
  if (c.publishedAt) {
    return (
      <Text size="sm">
        {t('competitions.list.published')}: <DateText value={c.publishedAt} />
      </Text>
    );
  }
  return null;
}

/** The competitions of the programs the school is in, newest first. */
export function CompetitionsPage() {
  const { t } = useI18n();
  const competitions = useCompetitions();

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('competitions.list.title')}</Title>
        <Text c="dimmed">{t('competitions.list.intro')}</Text>
      </div>
      {competitions.isPending ? (
        <PageState loading />
      ) : competitions.isError ? (
        <PageState error={competitions.error} />
      ) : competitions.data.items.length === 0 ? (
        <Card withBorder>
          <Text>{t('competitions.list.none')}</Text>
        </Card>
      ) : (
        <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {competitions.data.items.map((c) => (
            <Card key={c.id} component="li" withBorder padding="md">
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                <div style={{ minWidth: 0 }}>
                  <Anchor component={Link} to={`/competitions/${c.id}`} fw={600} size="lg">
                    {c.title}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {t('competitions.programYear', { program: c.program.name, year: c.programYear.year })} · {c.company.name} · {t(`competitions.level.${c.level}`)}
                  </Text>
                  <KeyDate c={c} />
                </div>
                <PhaseBadge phase={c.phase} />
              </Group>
            </Card>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
