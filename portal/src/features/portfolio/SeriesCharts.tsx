import { Box, Card, Center, Loader, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../i18n';
import { formatNumber, formatRupiah } from '../../ui/format';
import { useChart, type ChartName, type SeriesYear } from './api';
import { ScrollBox } from './components';

/**
 * The year-by-year series as the API's SVG charts, each with a text alternative and the same figures
 * as a table (open it, or shown in the chart's place when the image cannot be drawn).
 */
export function SeriesCharts({ programId, series }: { programId: string; series: SeriesYear[] }) {
  const { t, lang } = useI18n();
  const n = (v: number | null | undefined) => formatNumber(v ?? null, lang);
  const money = (v: string) => formatRupiah(v, lang);
  const years = series.map((y) => y.year);
  const span = years.length ? `${years[0]}–${years[years.length - 1]}` : '';
  const th = (key: string, right = false): [string, boolean] => [t(key), right];
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
      <Chart
        name="grant-money-by-year"
        programId={programId}
        title={t('portfolio.chart.grants.title')}
        alt={t('portfolio.chart.grants.alt', { span })}
        head={[th('portfolio.chart.year'), th('portfolio.grants.awarded', true), th('portfolio.grants.disbursed', true), th('portfolio.grants.accepted', true)]}
        rows={series.map((y) => [y.year, money(y.grants.awarded), money(y.grants.disbursed), money(y.grants.accepted)])}
      />
      <Chart
        name="cohort-by-year-province"
        programId={programId}
        title={t('portfolio.chart.cohort.title')}
        alt={t('portfolio.chart.cohort.alt', { span })}
        head={[th('portfolio.chart.year'), th('portfolio.cohort.schoolsShort', true), th('portfolio.chart.provinces')]}
        rows={series.map((y) => [y.year, n(y.cohort.schools), y.cohort.byProvince.map((p) => `${p.provinceName ?? p.provinceCode ?? '–'} ${n(p.schools)}`).join(', ')])}
      />
      <Chart
        name="mentoring-hours"
        programId={programId}
        title={t('portfolio.chart.mentoring.title')}
        alt={t('portfolio.chart.mentoring.alt', { span })}
        head={[th('portfolio.chart.year'), th('portfolio.chart.hoursPlanned', true), th('portfolio.chart.hoursDone', true)]}
        rows={series.map((y) => [y.year, n(y.mentoring.plannedHours), n(y.mentoring.hoursDone)])}
      />
      <Chart
        name="competition-scores"
        programId={programId}
        title={t('portfolio.chart.competitions.title')}
        alt={t('portfolio.chart.competitions.alt', { span })}
        head={[th('portfolio.chart.year'), th('portfolio.competitions.entries', true), th('portfolio.competitions.results', true), th('portfolio.competitions.meanScore', true)]}
        rows={series.map((y) => [y.year, n(y.competitions.entries), n(y.competitions.results), y.competitions.meanScore === null ? '–' : n(y.competitions.meanScore)])}
      />
    </SimpleGrid>
  );
}

function Chart({ name, programId, title, alt, head, rows }: { name: ChartName; programId: string; title: string; alt: string; head: Array<[string, boolean]>; rows: Array<Array<string | number>> }) {
  const { t, lang } = useI18n();
  const chart = useChart(name, programId, lang);
  const [broken, setBroken] = useState(false);
  const failed = chart.isError || broken;
  const id = `chart-${name}`;
  const table = (
    <ScrollBox label={t('portfolio.chart.tableCaption', { title })} minWidth={320}>
      <Table striped verticalSpacing={4} fz="sm">
        <Table.Caption c="gray.7">{t('portfolio.chart.tableCaption', { title })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {head.map(([label, right]) => (
              <Table.Th key={label} scope="col" ta={right ? 'right' : undefined}>
                {label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={String(r[0])}>
              {r.map((c, i) =>
                i === 0 ? (
                  <Table.Th key={i} scope="row" fw={400}>
                    {c}
                  </Table.Th>
                ) : (
                  <Table.Td key={i} ta={head[i]?.[1] ? 'right' : undefined} style={head[i]?.[1] ? { whiteSpace: 'nowrap' } : undefined}>
                    {c}
                  </Table.Td>
                ),
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollBox>
  );
  return (
    <Card withBorder padding="sm" radius="md" component="figure" m={0} aria-labelledby={id}>
      <Stack gap="xs">
        <Text component="h3" id={id} fw={600} m={0}>
          {title}
        </Text>
        {failed ? (
          <>
            <Text size="sm" c="gray.7">
              {t('portfolio.chart.failed')}
            </Text>
            {table}
          </>
        ) : (
          <>
            {chart.url ? (
              // On a phone the chart keeps a readable size and scrolls sideways in its own box.
              <Box tabIndex={0} aria-label={t('portfolio.chart.scroll', { title })} role="group" style={{ overflowX: 'auto' }}>
                <img src={chart.url} alt={alt} onError={() => setBroken(true)} style={{ display: 'block', width: '100%', minWidth: 520, height: 'auto' }} />
              </Box>
            ) : (
              <Center h={200}>
                <Loader size="sm" aria-label={t('portfolio.chart.loading', { title })} />
              </Center>
            )}
            <details>
              <summary style={{ cursor: 'pointer' }}>
                <Text span size="sm" fw={500}>
                  {t('portfolio.chart.showTable')}
                </Text>
              </summary>
              {table}
            </details>
          </>
        )}
      </Stack>
    </Card>
  );
}
