import { Box, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useI18n } from '../../i18n';
import { formatNumber } from '../../ui/format';
import type { Evaluation } from './api';

interface Bar {
  label: string;
  value: number | null;
  color: string;
}

/**
 * A small horizontal bar chart drawn as SVG: one bar per value on a common scale. Decorative for
 * screen readers (aria-hidden): the table beside it holds the same figures.
 */
function Bars({ bars, min, max, lang }: { bars: Bar[]; min: number; max: number; lang: 'id' | 'en' }) {
  const row = 30;
  const labelWidth = 120;
  const width = 360;
  const plot = width - labelWidth - 48;
  const span = max - min || 1;
  const height = bars.length * row + 8;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: width, display: 'block' }} aria-hidden="true" focusable="false">
      {bars.map((b, i) => {
        const y = i * row + 4;
        const share = b.value === null ? 0 : Math.max(0, Math.min(1, (b.value - min) / span));
        return (
          <g key={b.label}>
            <text x={0} y={y + 17} fontSize={12} fill="#212529">
              {b.label.length > 18 ? `${b.label.slice(0, 17)}…` : b.label}
            </text>
            <rect x={labelWidth} y={y + 4} width={plot} height={18} fill="#f1f3f5" rx={3} />
            <rect x={labelWidth} y={y + 4} width={Math.max(share * plot, b.value === null ? 0 : 2)} height={18} fill={b.color} rx={3} />
            <text x={labelWidth + plot + 6} y={y + 17} fontSize={12} fill="#212529">
              {b.value === null ? '–' : formatNumber(b.value, lang)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** The evaluation: pre vs post means and the gain on the training's scale, and satisfaction per item (1–5); each chart with its table. */
export function EvaluationSection({ evaluation }: { evaluation: Evaluation }) {
  const { t, lang } = useI18n();
  const o = evaluation.overall;
  const s = o.scores;
  const { min, max } = evaluation.scoreScale;
  const n = (v: number | null) => formatNumber(v, lang);
  const pct = (v: number | null) => (v === null ? '–' : `${formatNumber(v, lang)}%`);
  return (
    <Card withBorder component="section" aria-labelledby="evaluation-title">
      <Title order={2} size="h3" id="evaluation-title" mb={4}>
        {t('trainings.evaluation.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('trainings.evaluation.summary', { participants: o.participants, attended: o.attended, rate: pct(o.attendanceRatePercent) })}
        {o.attendanceNotRecorded > 0 ? ` ${t('trainings.evaluation.notRecorded', { count: o.attendanceNotRecorded })}` : ''}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('trainings.evaluation.understanding', { min, max })}
          </Title>
          <Group align="flex-start" gap="md" wrap="wrap">
            <Box style={{ flex: '1 1 240px', minWidth: 0 }}>
              <Bars
                lang={lang}
                min={min}
                max={max}
                bars={[
                  { label: t('trainings.evaluation.pre'), value: s.meanPre, color: '#868e96' },
                  { label: t('trainings.evaluation.post'), value: s.meanPost, color: '#0c8599' },
                ]}
              />
              <Bars lang={lang} min={0} max={max - min} bars={[{ label: t('trainings.evaluation.gain'), value: s.meanGain, color: '#2b8a3e' }]} />
            </Box>
            <Table withTableBorder verticalSpacing={4} style={{ flex: '1 1 200px' }}>
              <caption style={{ captionSide: 'top', textAlign: 'left', fontSize: 'var(--mantine-font-size-xs)' }}>{t('trainings.evaluation.scoresCaption')}</caption>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th scope="row">{t('trainings.evaluation.pre')}</Table.Th>
                  <Table.Td>{n(s.meanPre)}</Table.Td>
                  <Table.Td>{t('trainings.evaluation.n', { n: s.preCount })}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th scope="row">{t('trainings.evaluation.post')}</Table.Th>
                  <Table.Td>{n(s.meanPost)}</Table.Td>
                  <Table.Td>{t('trainings.evaluation.n', { n: s.postCount })}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th scope="row">{t('trainings.evaluation.gain')}</Table.Th>
                  <Table.Td>{n(s.meanGain)}</Table.Td>
                  <Table.Td>{t('trainings.evaluation.n', { n: s.pairedCount })}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th scope="row">{t('trainings.evaluation.improved')}</Table.Th>
                  <Table.Td colSpan={2}>{t('trainings.evaluation.improvedText', { improved: s.improved, unchanged: s.unchanged, declined: s.declined })}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </Group>
        </Stack>
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('trainings.evaluation.satisfaction')}
          </Title>
          {o.satisfaction.every((i) => i.answers === 0) ? (
            <Text size="sm" c="dimmed">
              {t('trainings.evaluation.noAnswers')}
            </Text>
          ) : (
            <Group align="flex-start" gap="md" wrap="wrap">
              <Box style={{ flex: '1 1 240px', minWidth: 0 }}>
                <Bars lang={lang} min={0} max={5} bars={o.satisfaction.map((i, k) => ({ label: `${k + 1}. ${i.text}`, value: i.mean, color: '#5f3dc4' }))} />
              </Box>
              <Table withTableBorder verticalSpacing={4} style={{ flex: '1 1 200px' }}>
                <caption style={{ captionSide: 'top', textAlign: 'left', fontSize: 'var(--mantine-font-size-xs)' }}>{t('trainings.evaluation.satisfactionCaption')}</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('trainings.evaluation.item')}</Table.Th>
                    <Table.Th scope="col">{t('trainings.evaluation.mean')}</Table.Th>
                    <Table.Th scope="col">{t('trainings.evaluation.positive')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {o.satisfaction.map((i, k) => (
                    <Table.Tr key={i.itemId}>
                      <Table.Th scope="row" fw={400}>{`${k + 1}. ${i.text}`}</Table.Th>
                      <Table.Td>{n(i.mean)}</Table.Td>
                      <Table.Td>{`${pct(i.positivePercent)} (${i.positive}/${i.answers})`}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Group>
          )}
        </Stack>
      </SimpleGrid>
    </Card>
  );
}
