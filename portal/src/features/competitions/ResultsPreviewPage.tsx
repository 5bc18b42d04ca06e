import { Alert, Badge, Button, Card, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconSpeakerphone } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useI18n } from '../../i18n';
import { BackLink } from '../../ui/back-link';
import { formatNumber } from '../../ui/format';
import { notify } from '../../ui/notify';
import { PageState, ProblemAlert } from '../../ui/problems';
import { TableOrCards } from '../../ui/table-or-cards';
import { useChangePhase, useCompetition, useResultsPreview, type CompetitionDetail, type ResultsPreview } from './api';
import { CompetitionHeading } from './competition-parts';

type Category = ResultsPreview['categories'][number];
type Row = Category['entries'][number];

function Num({ value, digits }: { value: number | null; digits?: 3 }) {
  const { lang } = useI18n();
  if (value === null) return <span>–</span>;
  const text = digits ? new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(value) : formatNumber(value, lang);
  return <span style={{ fontVariantNumeric: 'tabular-nums' }}>{text}</span>;
}

function Flags({ row }: { row: Row }) {
  const { t } = useI18n();
  if (row.flags.length === 0) return <Text size="sm">{t('competitions.preview.noFlag')}</Text>;
  return (
    <Group gap={4}>
      {row.flags.map((f) => (
        <Badge key={f} tt="none" variant="light" color="orange" c="dark.8" leftSection={<IconAlertTriangle size={12} aria-hidden="true" />}>
          {t(`competitions.preview.flag.${f}`)}
        </Badge>
      ))}
    </Group>
  );
}

/** Each judge's total and z-score (only the CSR officer sees names), and scores left out for a conflict. */
function JudgeLines({ row }: { row: Row }) {
  const { t, lang } = useI18n();
  return (
    <Stack gap={2}>
      {row.judges.map((j) => (
        <Text key={j.judge.id} size="xs">
          {j.judge.fullName}: {formatNumber(j.total, lang)} (z {new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(j.z)})
        </Text>
      ))}
      {row.excluded.map((x) => (
        <Text key={x.judge.id} size="xs" c="orange">
          {t('competitions.preview.excluded', { judge: x.judge.fullName })}: {x.reasons.map((r) => r.reason).join('; ')}
        </Text>
      ))}
      {row.judges.length > 1 && (
        <Text size="xs" c="dimmed">
          {t('competitions.preview.spread', { range: formatNumber(row.range, lang), std: formatNumber(row.sampleStd, lang) })}
        </Text>
      )}
    </Stack>
  );
}

function PreviewTable({ category }: { category: Category }) {
  const { t } = useI18n();
  return (
    <Table striped verticalSpacing="xs" layout="fixed" aria-labelledby={`preview-${category.id}`}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col" w="7%">{t('competitions.results.rank')}</Table.Th>
          <Table.Th scope="col" w="22%">{t('competitions.results.entry')}</Table.Th>
          <Table.Th scope="col" ta="right" w="9%">{t('competitions.results.mean')}</Table.Th>
          <Table.Th scope="col" ta="right" w="9%">{t('competitions.results.median')}</Table.Th>
          <Table.Th scope="col" ta="right" w="10%">{t('competitions.results.normalized')}</Table.Th>
          <Table.Th scope="col" w="25%">{t('competitions.results.judges')}</Table.Th>
          <Table.Th scope="col" w="18%">{t('competitions.preview.flags')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {category.entries.map((r) => (
          <Table.Tr key={r.entry.id}>
            <Table.Td fw={700}>{r.rank ?? '–'}</Table.Td>
            <Table.Td>
              <Text size="sm" fw={600}>{r.entry.name}</Text>
              <Text size="xs" c="dimmed">{r.school.name}</Text>
            </Table.Td>
            <Table.Td ta="right"><Num value={r.meanScore} /></Table.Td>
            <Table.Td ta="right"><Num value={r.medianScore} /></Table.Td>
            <Table.Td ta="right"><Num value={r.normalizedScore} digits={3} /></Table.Td>
            <Table.Td><JudgeLines row={r} /></Table.Td>
            <Table.Td><Flags row={r} /></Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function PreviewCards({ category }: { category: Category }) {
  const { t } = useI18n();
  return (
    <Stack component="ol" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-labelledby={`preview-${category.id}`}>
      {category.entries.map((r) => (
        <Card key={r.entry.id} component="li" withBorder padding="sm">
          <Text fw={700}>
            {r.rank === null ? t('competitions.preview.unranked') : t('competitions.results.rankOf', { rank: r.rank })} · {r.entry.name}
          </Text>
          <Text size="sm" c="dimmed">{r.school.name}</Text>
          <Text size="sm" mt={4}>
            {t('competitions.results.mean')} <Num value={r.meanScore} /> · {t('competitions.results.median')} <Num value={r.medianScore} /> · {t('competitions.results.normalized')} <Num value={r.normalizedScore} digits={3} />
          </Text>
          <JudgeLines row={r} />
          <Group mt={4}>
            <Flags row={r} />
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

/** Publishing: a last confirmation, then the results are frozen and the schools can read them. */
function Publish({ c, preview }: { c: CompetitionDetail; preview: ResultsPreview }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [asking, setAsking] = useState(false);
  const change = useChangePhase(c.id);
  return (
    <>
      <Button leftSection={<IconSpeakerphone size={18} />} onClick={() => setAsking(true)}>
        {t('competitions.manage.moveTo.published')}
      </Button>
      <Modal closeButtonProps={{ 'aria-label': t('common.close') }} opened={asking} onClose={() => setAsking(false)} title={t('competitions.manage.moveTo.published')} centered>
        <Stack gap="sm">
          <Text size="sm">{t('competitions.manage.moveText.published')}</Text>
          {preview.flaggedEntries > 0 && <Text size="sm" fw={600}>{t('competitions.preview.flaggedWarning', { count: preview.flaggedEntries })}</Text>}
          {change.error && <ProblemAlert error={change.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              loading={change.isPending}
              onClick={() =>
                change.mutate('published', {
                  onSuccess: () => {
                    notify(t('competitions.manage.moved', { phase: t('competitions.phase.published') }));
                    void navigate(`/competitions/${c.id}`);
                  },
                })
              }
            >
              {t('competitions.manage.confirm.published')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** The results as they would be published now, with every judge's part and what to check first (CSR officer). */
export function ResultsPreviewPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const competition = useCompetition(id);
  const judging = competition.data?.phase === 'judging';
  const preview = useResultsPreview(id, judging);

  if (competition.isPending) return <PageState loading />;
  if (competition.isError) return <PageState error={competition.error} />;
  const c = competition.data;
  return (
    <Stack gap="lg">
      <BackLink to={`/competitions/${c.id}`}>{t('competitions.entry.backToCompetition')}</BackLink>
      <CompetitionHeading c={c}>{judging && preview.data && <Publish c={c} preview={preview.data} />}</CompetitionHeading>
      <Title order={2} size="h3">
        {t('competitions.preview.title')}
      </Title>
      {!judging ? (
        <Alert color="gray" title={t('competitions.preview.notJudgingTitle')}>
          {t('competitions.preview.notJudging', { phase: t(`competitions.phase.${c.phase}`) })}
        </Alert>
      ) : preview.isPending ? (
        <PageState loading />
      ) : preview.isError ? (
        <PageState error={preview.error} />
      ) : (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('competitions.results.method')} {t('competitions.preview.flagsHint', { min: preview.data.minJudgesPerEntry })}
          </Text>
          <Alert color={preview.data.unscoredEntries > 0 || preview.data.flaggedEntries > 0 ? 'orange' : 'teal'} role="status">
            {t('competitions.preview.summary', { flagged: preview.data.flaggedEntries, unscored: preview.data.unscoredEntries })}
          </Alert>
          {preview.data.categories.map((k) => (
            <Card key={k.id} withBorder padding="md" component="section" aria-labelledby={`preview-${k.id}`}>
              <Title order={3} size="h4" id={`preview-${k.id}`} mb="xs">
                {k.name}
              </Title>
              <TableOrCards minWidth={860} table={<PreviewTable category={k} />} cards={<PreviewCards category={k} />} />
            </Card>
          ))}
          {preview.data.categories.length === 0 && <Text c="dimmed">{t('competitions.manage.noEntries')}</Text>}
        </Stack>
      )}
    </Stack>
  );
}
