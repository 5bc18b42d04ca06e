import { Badge, Group, Text } from '@mantine/core';
import { useI18n } from '../../i18n';
import { formatNumber } from '../../ui/format';
import type { GradeCount } from './api';

/** "Kelas 1: 20 · Kelas 2: 18", or nothing when the parents were not split by grade. */
export function GradeSplit({ split }: { split: GradeCount[] | null | undefined }) {
  const { t, lang } = useI18n();
  if (!split || split.length === 0) return null;
  return (
    <Group gap={4} wrap="wrap">
      {split.map((g) => (
        <Badge key={g.grade} variant="light" color="teal" c="dark.8" size="sm" style={{ textTransform: 'none' }}>
          {t('parents.grade.short', { grade: g.grade, parents: formatNumber(g.parents, lang) })}
        </Badge>
      ))}
    </Group>
  );
}

/** "38 orang tua · 4 guru". */
export function ReachLine({ parents, teachers }: { parents: number; teachers: number }) {
  const { t, lang } = useI18n();
  return (
    <Text size="sm">
      {t('parents.reach.parents', { count: formatNumber(parents, lang) })}
      {teachers > 0 ? ` · ${t('parents.reach.teachers', { count: formatNumber(teachers, lang) })}` : ''}
    </Text>
  );
}
