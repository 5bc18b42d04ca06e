import { Anchor, Button, Card, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n';
import { LoadMore } from '../../ui/load-more';
import { useSetUrlParams } from '../../ui/url-filters';
import { DateText } from '../../ui/money';
import { PageState } from '../../ui/problems';
import { useCompetitions, type Competition, type CompetitionFilters, type CompetitionPhase } from './api';
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

const PHASES: CompetitionPhase[] = ['draft', 'open', 'judging', 'published', 'closed'];

/**
 * The competitions the user may see, newest first: a school's programs, a company's own (with the
 * way to start one), a judge's panels. Filters live in the URL with the API's names (?phase=, ?programYearId=).
 */
export function CompetitionsPage() {
  const { t } = useI18n();
  const { hasPermission } = useSession();
  const manages = hasPermission('competitions:manage');
  const judges = hasPermission('competitions:judge');
  const [params, setParams] = useSearchParams();
  const phase = PHASES.find((p) => p === params.get('phase'));
  const filters: CompetitionFilters = { ...(phase ? { phase } : {}), ...(params.get('programYearId') ? { programYearId: params.get('programYearId') ?? undefined } : {}) };
  const competitions = useCompetitions(filters);
  const items = competitions.data?.pages.flatMap((p) => p.items) ?? [];

  const setUrl = useSetUrlParams();
  const setPhase = (value: string) => setUrl({ phase: value });

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <div>
          <Title order={1}>{t('competitions.list.title')}</Title>
          <Text c="dimmed">{t(manages ? 'competitions.list.introCsr' : judges ? 'competitions.list.introJudge' : 'competitions.list.intro')}</Text>
        </div>
        {manages && (
          <Button component={Link} to="/competitions/new" leftSection={<IconPlus size={18} />}>
            {t('competitions.list.create')}
          </Button>
        )}
      </Group>
      {(manages || judges) && (
        <Group gap="sm" align="flex-end" wrap="wrap">
          <NativeSelect
            label={t('competitions.list.phaseFilter')}
            value={phase ?? ''}
            onChange={(e) => setPhase(e.currentTarget.value)}
            data={[{ value: '', label: t('competitions.list.allPhases') }, ...PHASES.map((p) => ({ value: p, label: t(`competitions.phase.${p}`) }))]}
            w={{ base: '100%', xs: 260 }}
          />
          {filters.programYearId && (
            <Button variant="subtle" onClick={() => setParams(new URLSearchParams(phase ? { phase } : {}), { replace: true })}>
              {t('competitions.list.clearYear')}
            </Button>
          )}
        </Group>
      )}
      {competitions.isPending ? (
        <PageState loading />
      ) : competitions.isError ? (
        <PageState error={competitions.error} />
      ) : items.length === 0 ? (
        <Card withBorder>
          <Text>{t(phase || filters.programYearId ? 'competitions.list.noneFiltered' : manages ? 'competitions.list.noneCsr' : judges ? 'competitions.list.noneJudge' : 'competitions.list.none')}</Text>
        </Card>
      ) : (
        <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((c) => (
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
      <LoadMore list={competitions} justify="center" />
    </Stack>
  );
}
