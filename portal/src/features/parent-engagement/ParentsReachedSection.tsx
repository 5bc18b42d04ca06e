import { Anchor, Card, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useI18n } from '../../i18n';
import { formatNumber } from '../../ui/format';
import { TableOrCards } from '../../ui/table-or-cards';
import type { ParentsReached, SchoolParentsReached } from './api';

/**
 * The portfolio's "parents reached" of the report's year, school by school: the school's own
 * activities, parents at the program's mentoring sessions and at its trainings (the API adds them up).
 */
export function ParentsReachedSection({ rows, year }: { rows: SchoolParentsReached[]; year: number }) {
  const { t, lang } = useI18n();
  // The schools that reached most parents first; the API's order (by name) among equals.
  const ofYear = rows.filter((r) => r.year === year).sort((a, b) => b.total - a.total);
  const n = (v: number) => formatNumber(v, lang);
  const sum = (k: keyof ParentsReached) => ofYear.reduce((s, r) => s + r[k], 0);
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="parents-reached-title">
      <Title order={2} size="h3" id="parents-reached-title">
        {t('parents.reached.title', { year })}
      </Title>
      <Text size="sm" c="gray.7" mb="sm">
        {t('parents.reached.intro')}
      </Text>
      {ofYear.length === 0 ? (
        <Text size="sm">{t('parents.reached.none')}</Text>
      ) : (
        <TableOrCards
          minWidth={640}
          table={
            <Table striped verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('parents.reached.school')}</Table.Th>
                  <Table.Th ta="right">{t('parents.reached.activities')}</Table.Th>
                  <Table.Th ta="right">{t('parents.reached.mentoring')}</Table.Th>
                  <Table.Th ta="right">{t('parents.reached.trainings')}</Table.Th>
                  <Table.Th ta="right">{t('parents.reached.total')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {ofYear.map((r) => (
                  <Table.Tr key={r.school.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/schools/${r.school.id}/parents?year=${year}`} underline="always">
                        {r.school.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td ta="right">{n(r.activities)}</Table.Td>
                    <Table.Td ta="right">{n(r.mentoring)}</Table.Td>
                    <Table.Td ta="right">{n(r.trainings)}</Table.Td>
                    <Table.Td ta="right" fw={600}>
                      {n(r.total)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th>{t('parents.reached.allSchools')}</Table.Th>
                  <Table.Th ta="right">{n(sum('activities'))}</Table.Th>
                  <Table.Th ta="right">{n(sum('mentoring'))}</Table.Th>
                  <Table.Th ta="right">{n(sum('trainings'))}</Table.Th>
                  <Table.Th ta="right">{n(sum('total'))}</Table.Th>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          }
          cards={
            <Stack gap="xs">
              {ofYear.map((r) => (
                <Card key={r.school.id} withBorder padding="sm" radius="md">
                  <Anchor component={Link} to={`/schools/${r.school.id}/parents?year=${year}`} fw={600} underline="always">
                    {r.school.name}
                  </Anchor>
                  <Text size="sm">{t('parents.reached.line', { total: n(r.total), activities: n(r.activities), mentoring: n(r.mentoring), trainings: n(r.trainings) })}</Text>
                </Card>
              ))}
            </Stack>
          }
        />
      )}
    </Card>
  );
}

/** One year's parents reached in the school timeline: "111 (kegiatan 96, pendampingan 12, pelatihan 3)". */
export function ParentsReachedFigure({ value }: { value: ParentsReached | undefined }) {
  const { t, lang } = useI18n();
  if (!value || value.total === 0) return null;
  const n = (v: number) => formatNumber(v, lang);
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {t('parents.reached.figure')}
      </Text>
      <Text size="sm">{t('parents.reached.line', { total: n(value.total), activities: n(value.activities), mentoring: n(value.mentoring), trainings: n(value.trainings) })}</Text>
    </div>
  );
}
