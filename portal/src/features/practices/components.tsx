import { Badge, Group, NativeSelect, SimpleGrid } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { useI18n } from '../../i18n';
import { StatusBadge } from '../../ui/status-badge';
import type { Practice, PracticeStatus } from './api';

const STATUS_COLOR: Record<PracticeStatus, string> = { draft: 'gray', proposed: 'blue', published: 'teal', returned: 'orange' };

/** A practice's status, in words. */
export function PracticeStatusBadge({ status }: { status: PracticeStatus }) {
  const { t } = useI18n();
  return <StatusBadge color={STATUS_COLOR[status]}>{t(`practices.status.${status}`)}</StatusBadge>;
}

/** Topic, level and year of a practice as small labels. */
export function PracticeTags({ practice: p }: { practice: Pick<Practice, 'topic' | 'schoolLevel' | 'year'> }) {
  const { t } = useI18n();
  return (
    <Group gap={6} wrap="wrap" mt={6}>
      <Badge variant="outline" color="teal.9" tt="none">
        {t(`common.topic.${p.topic}`)}
      </Badge>
      <Badge variant="outline" color="gray.8" tt="none">
        {p.schoolLevel}
      </Badge>
      <Badge variant="outline" color="gray.8" tt="none">
        {p.year}
      </Badge>
    </Group>
  );
}

function useRegions(provinceCode: string | null, enabled = true) {
  return useQuery({
    queryKey: ['regions', provinceCode] as const,
    enabled,
    staleTime: Infinity,
    queryFn: () => unwrap(api.GET('/api/v1/regions', { params: { query: provinceCode ? { provinceCode } : {} } })),
  });
}

/** Province, then regency/city, as one region filter (a province code, or a regency/city code). */
export function RegionFilter({ value, onChange }: { value: string; onChange(code: string): void }) {
  const { t } = useI18n();
  const province = value.slice(0, 2);
  const provinces = useRegions(null);
  const regencies = useRegions(province || null, province !== '');
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" style={{ flex: '1 1 24rem' }}>
      <NativeSelect
        label={t('practices.filters.province')}
        value={province}
        onChange={(e) => onChange(e.currentTarget.value)}
        data={[{ value: '', label: t('practices.filters.allProvinces') }, ...(provinces.data?.items ?? []).map((r) => ({ value: r.code, label: r.name }))]}
      />
      <NativeSelect
        label={t('practices.filters.regency')}
        value={value.includes('.') ? value : ''}
        disabled={!province}
        onChange={(e) => onChange(e.currentTarget.value || province)}
        data={[{ value: '', label: t('practices.filters.wholeProvince') }, ...(province ? (regencies.data?.items ?? []) : []).map((r) => ({ value: r.code, label: r.name }))]}
      />
    </SimpleGrid>
  );
}
