import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconPaperclip, IconPlus } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n';
import { BackLink } from '../../ui/back-link';
import { DateText } from '../../ui/money';
import { PageState } from '../../ui/problems';
import { useCompetition, useEntries, type CompetitionDetail } from './api';
import { entryWindow, EntryWindowNotice, PhaseBadge } from './entry-window';
import { ResultsSection } from './ResultsSection';
import { Rubric, Schedule } from './competition-parts';
import { JudgeCompetition } from './JudgeCompetition';
import { ManageCompetition } from './ManageCompetition';

/** The school's own entries, and the way to send one while entries are open. */
function OwnEntries({ c }: { c: CompetitionDetail }) {
  const { t } = useI18n();
  const entries = useEntries(c.id);
  const open = entryWindow(c).open;
  const items = entries.data?.items ?? [];
  const freeCategories = c.categories.filter((k) => !items.some((e) => e.category.id === k.id));

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="own-entries-title">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h3" id="own-entries-title">
          {t('competitions.detail.ownEntries')}
        </Title>
        {open && freeCategories.length > 0 && (
          <Button component={Link} to={`/competitions/${c.id}/entries/new`} leftSection={<IconPlus size={18} />}>
            {t('competitions.detail.submit')}
          </Button>
        )}
      </Group>
      <Stack gap="sm">
        <EntryWindowNotice competition={c} />
        {entries.isPending ? (
          <PageState loading />
        ) : entries.isError ? (
          <PageState error={entries.error} />
        ) : items.length === 0 ? (
          <Text c="dimmed">{open ? t('competitions.detail.noEntryYet') : t('competitions.detail.noEntry')}</Text>
        ) : (
          <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {items.map((e) => (
              <Card key={e.id} component="li" withBorder padding="sm">
                <Anchor component={Link} to={`/competitions/${c.id}/entries/${e.id}`} fw={600}>
                  {e.title}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {t('competitions.entry.categoryOf', { category: e.category.name })} · {t('competitions.entry.updated')} <DateText value={e.updatedAt} withTime />
                </Text>
                <Text size="sm" lineClamp={2}>
                  {e.summary}
                </Text>
                {e.evidenceDocumentIds.length > 0 && (
                  <Group gap={4} mt={4}>
                    <IconPaperclip size={14} aria-hidden="true" />
                    <Text size="sm">{t('competitions.entry.evidenceCount', { count: e.evidenceDocumentIds.length })}</Text>
                  </Group>
                )}
              </Card>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

/**
 * One competition, as the reader works with it: the CSR officer runs it (phases, panel, assignments,
 * results), a judge scores the entries assigned to them, a school sees its entries and the results.
 */
export function CompetitionPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { hasPermission } = useSession();
  const competition = useCompetition(id);

  if (competition.isPending) return <PageState loading />;
  if (competition.isError) return <PageState error={competition.error} />;
  const c = competition.data;
  if (hasPermission('competitions:manage')) return <ManageCompetition c={c} />;
  if (hasPermission('competitions:judge')) return <JudgeCompetition c={c} />;
  const published = c.phase === 'published' || c.phase === 'closed';

  return (
    <Stack gap="lg">
      <BackLink to="/competitions">{t('competitions.detail.back')}</BackLink>
      <div>
        <Title order={1} fz={{ base: 26, sm: 34 }}>
          {c.title}
        </Title>
        <Group gap="xs" mt={4}>
          <PhaseBadge phase={c.phase} />
          <Text size="sm" c="dimmed">
            {t('competitions.programYear', { program: c.program.name, year: c.programYear.year })} · {c.company.name} · {t(`competitions.level.${c.level}`)}
          </Text>
        </Group>
      </div>
      {published && <ResultsSection competitionId={c.id} />}
      {hasPermission('competition_entries:write') && <OwnEntries c={c} />}
      <Schedule c={c} />
      <Rubric c={c} />
    </Stack>
  );
}
