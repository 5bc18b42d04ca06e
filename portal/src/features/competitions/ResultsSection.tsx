import { Alert, Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconTrophy } from '@tabler/icons-react';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n';
import { formatNumber } from '../../ui/format';
import { DateText } from '../../ui/money';
import { PageState } from '../../ui/problems';
import { TableOrCards } from '../../ui/table-or-cards';
import { useResults, type Results } from './api';

type Category = Results['categories'][number];
type Row = Category['entries'][number];

const AWARD_COLOR: Record<string, string> = { winner: 'yellow', runner_up: 'gray', special_mention: 'orange' };

function AwardBadge({ award }: { award: string | null }) {
  const { t } = useI18n();
  if (!award) return null;
  return (
    <Badge c="dark.8" variant="light" tt="none" color={AWARD_COLOR[award] ?? 'gray'} leftSection={<IconTrophy size={12} aria-hidden="true" />}>
      {t(`competitions.award.${award}`)}
    </Badge>
  );
}

function Score({ value, digits }: { value: number; digits?: number }) {
  const { lang } = useI18n();
  return <span style={{ fontVariantNumeric: 'tabular-nums' }}>{digits === 3 ? new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(value) : formatNumber(value, lang)}</span>;
}

function CategoryTable({ category, ownSchoolId }: { category: Category; ownSchoolId: string }) {
  const { t } = useI18n();
  return (
    <Table striped highlightOnHover verticalSpacing="xs" layout="fixed" aria-labelledby={`results-${category.id}`}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col" w="8%">
            {t('competitions.results.rank')}
          </Table.Th>
          <Table.Th scope="col" w="21%">
            {t('competitions.results.school')}
          </Table.Th>
          <Table.Th scope="col" w="21%">
            {t('competitions.results.entry')}
          </Table.Th>
          <Table.Th scope="col" w="16%">
            {t('competitions.results.award')}
          </Table.Th>
          <Table.Th scope="col" ta="right" w="9%">
            {t('competitions.results.mean')}
          </Table.Th>
          <Table.Th scope="col" ta="right" w="9%">
            {t('competitions.results.median')}
          </Table.Th>
          <Table.Th scope="col" ta="right" w="10%">
            {t('competitions.results.normalized')}
          </Table.Th>
          <Table.Th scope="col" ta="right" w="6%">
            {t('competitions.results.judges')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {category.entries.map((r) => {
          const own = r.school.id === ownSchoolId;
          return (
            <Table.Tr key={r.entry.id} bg={own ? 'teal.0' : undefined} aria-current={own ? 'true' : undefined}>
              <Table.Td fw={700}>{r.rank}</Table.Td>
              <Table.Td>
                {r.school.name}
                {own && (
                  <Text span size="sm" fw={600} c="teal.9">
                    {' '}
                    ({t('competitions.results.yourSchool')})
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{r.entry.name}</Table.Td>
              <Table.Td>
                <AwardBadge award={r.award} />
              </Table.Td>
              <Table.Td ta="right">
                <Score value={r.meanScore} />
              </Table.Td>
              <Table.Td ta="right">
                <Score value={r.medianScore} />
              </Table.Td>
              <Table.Td ta="right">
                <Score value={r.normalizedScore} digits={3} />
              </Table.Td>
              <Table.Td ta="right">{r.judgeCount}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

/** On a phone each result is a short card: no sideways scrolling through a wide table. */
function CategoryCards({ category, ownSchoolId }: { category: Category; ownSchoolId: string }) {
  const { t } = useI18n();
  return (
    <Stack component="ol" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-labelledby={`results-${category.id}`}>
      {category.entries.map((r: Row) => {
        const own = r.school.id === ownSchoolId;
        return (
          <Card key={r.entry.id} component="li" withBorder padding="sm" bg={own ? 'teal.0' : undefined} aria-current={own ? 'true' : undefined}>
            <Text fw={700}>
              {t('competitions.results.rankOf', { rank: r.rank })} · {r.school.name}
              {own && ` (${t('competitions.results.yourSchool')})`}
            </Text>
            <Text size="sm">{r.entry.name}</Text>
            {r.award && (
              <Group mt={4}>
                <AwardBadge award={r.award} />
              </Group>
            )}
            <Text size="sm" c="dimmed" mt={4}>
              {t('competitions.results.mean')} <Score value={r.meanScore} /> · {t('competitions.results.median')} <Score value={r.medianScore} /> · {t('competitions.results.normalized')} <Score value={r.normalizedScore} digits={3} /> ·{' '}
              {t('competitions.results.judgeCount', { count: r.judgeCount })}
            </Text>
          </Card>
        );
      })}
    </Stack>
  );
}

/** The published results: the school's own place first, then every category by rank. Judges stay unnamed. */
export function ResultsSection({ competitionId }: { competitionId: string }) {
  const { t } = useI18n();
  const { me } = useSession();
  const results = useResults(competitionId, true);
  const ownSchoolId = me?.organization.id ?? '';
  const own = results.data?.categories.flatMap((k) => k.entries.filter((e) => e.school.id === ownSchoolId).map((e) => ({ category: k.name, of: k.entries.length, row: e }))) ?? [];

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="results-title">
      <Title order={2} size="h3" id="results-title" mb="xs">
        {t('competitions.results.title')}
      </Title>
      {results.isPending ? (
        <PageState loading />
      ) : results.isError ? (
        <PageState error={results.error} />
      ) : (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('competitions.results.publishedOn')} <DateText value={results.data.publishedAt} />. {t('competitions.results.method')}
          </Text>
          {own.map((o) => (
            <Alert key={o.row.entry.id} color="blue" icon={<IconTrophy size={18} />} title={t('competitions.results.yourResult')}>
              {t('competitions.results.yourResultText', { entry: o.row.entry.name, rank: o.row.rank, of: o.of, category: o.category })}
              {o.row.award ? ` ${t(`competitions.award.${o.row.award}`)}.` : ''}
            </Alert>
          ))}
          {results.data.categories.map((k) => (
            <section key={k.id} aria-labelledby={`results-${k.id}`}>
              <Title order={3} size="h4" id={`results-${k.id}`} mb="xs">
                {k.name}
              </Title>
              <TableOrCards minWidth={720} table={<CategoryTable category={k} ownSchoolId={ownSchoolId} />} cards={<CategoryCards category={k} ownSchoolId={ownSchoolId} />} />
            </section>
          ))}
        </Stack>
      )}
    </Card>
  );
}
