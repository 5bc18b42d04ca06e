import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, download, unwrap } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import type { components } from '../../api/schema';
import { useI18n } from '../../i18n';

export type Portfolio = components['schemas']['PortfolioReportResponse'];
export type SeriesYear = components['schemas']['SeriesYearResponse'];
export type Health = components['schemas']['PortfolioHealthResponse'];
export type PartnershipHealth = components['schemas']['PartnershipHealthResponse'];
export type Region = components['schemas']['RegionReportResponse'];
export type Regency = components['schemas']['RegencyReportResponse'];
export type Program = components['schemas']['ProgramResponse'];
export type ProgramYear = components['schemas']['ProgramYearResponse'];

export const HEALTH_REASONS = ['no_contact_60_days', 'plan_late', 'expense_report_overdue', 'mou_expiring', 'mou_lapsed', 'overdue_followups', 'falling_indicators'] as const;
export type HealthReason = (typeof HEALTH_REASONS)[number];
export const HEALTH_BANDS = ['at_risk', 'watch', 'healthy'] as const;
export type HealthBand = (typeof HEALTH_BANDS)[number];
export const HEALTH_SORTS = ['score', '-score', 'school', '-school'] as const;
export type HealthSort = (typeof HEALTH_SORTS)[number];
export const CHART_NAMES = ['grant-money-by-year', 'cohort-by-year-province', 'mentoring-hours', 'competition-scores'] as const;
export type ChartName = (typeof CHART_NAMES)[number];
export type FileLang = 'id' | 'en';

/** The filters of the health list, as in the URL and the API's query. */
export interface HealthFilters {
  programId: string;
  reason?: HealthReason;
  band?: HealthBand;
  q?: string;
  sort?: HealthSort;
}

/** Cache keys, named after the API's resources. */
export const reportKeys = {
  programs: () => ['programs', 'list', 'reports'] as const,
  years: (programId: string) => ['programs', programId, 'years'] as const,
  portfolio: (programId: string, year: number | undefined) => ['reports', 'portfolio', programId, year ?? 'current'] as const,
  health: (f: HealthFilters, limit: number, lang: string) => ['reports', 'portfolio', 'health', f, limit, lang] as const,
  chart: (name: ChartName, programId: string, lang: FileLang) => ['reports', 'portfolio', 'charts', name, programId, lang] as const,
  region: (regionCode: string | undefined, districtCode: string | undefined, year: number | undefined) => ['reports', 'region', regionCode ?? 'own', districtCode ?? 'all', year ?? 'current'] as const,
  regions: (provinceCode?: string) => ['regions', provinceCode ?? 'all'] as const,
};

/** The programs the reader may report on (their company's; admins every company's), first 100 by the API's order. */
export function usePrograms() {
  return useQuery({ queryKey: reportKeys.programs(), queryFn: () => unwrap(api.GET('/api/v1/programs', { params: { query: { limit: 100 } } })) });
}

export function useProgramYears(programId: string | undefined) {
  return useQuery({
    queryKey: reportKeys.years(programId ?? ''),
    enabled: !!programId,
    queryFn: () => unwrap(api.GET('/api/v1/programs/{id}/years', { params: { path: { id: programId ?? '' } } })),
  });
}

/** The year a portfolio opens on: the latest running year, else the latest year, else none (the API's current year). */
export function defaultYear(years: ProgramYear[]): number | undefined {
  const sorted = [...years].sort((a, b) => b.year - a.year);
  return (sorted.find((y) => y.status === 'running') ?? sorted[0])?.year;
}

export function usePortfolio(programId: string | undefined, year: number | undefined) {
  return useQuery({
    queryKey: reportKeys.portfolio(programId ?? '', year),
    enabled: !!programId,
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.GET('/api/v1/reports/portfolio', { params: { query: { programId: programId ?? '', year } } })),
  });
}

/** The health list, one API page at a time (filters and order applied by the API). */
export function useHealth(filters: HealthFilters | null, limit = 20) {
  const f = filters ?? { programId: '' };
  // The reasons' details come in the reader's language: a switch reads them again.
  const { lang } = useI18n();
  return useInfiniteQuery({
    queryKey: reportKeys.health(f, limit, lang),
    enabled: !!filters?.programId,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/reports/portfolio/health', {
          params: { query: { programId: f.programId, reason: f.reason, band: f.band, q: f.q || undefined, sort: f.sort, limit, cursor: pageParam } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/**
 * A chart of the API as an object URL for an <img> (the image needs the session's token, so it is
 * fetched through the client); revoked when no longer shown.
 */
export function useChart(name: ChartName, programId: string | undefined, lang: FileLang) {
  const query = useQuery({
    queryKey: reportKeys.chart(name, programId ?? '', lang),
    enabled: !!programId,
    staleTime: 5 * 60_000,
    queryFn: async () => {
      const res = await api.GET('/api/v1/reports/portfolio/charts/{name}', {
        params: { path: { name }, query: { programId: programId ?? '', format: 'svg', locale: lang } },
        parseAs: 'blob',
      });
      if (!res.response.ok) throw new ApiProblem({}, res.response.status);
      return res.data as unknown as Blob;
    },
  });
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!query.data) return undefined;
    const next = URL.createObjectURL(query.data);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [query.data]);
  return { ...query, url };
}

export function useRegion(regionCode: string | undefined, districtCode: string | undefined, year: number | undefined, enabled = true) {
  return useQuery({
    queryKey: reportKeys.region(regionCode, districtCode, year),
    enabled,
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.GET('/api/v1/reports/region', { params: { query: { regionCode, districtCode, year } } })),
  });
}

/** Provinces (no code) or the regencies/cities of one province. */
export function useRegions(provinceCode?: string, enabled = true) {
  return useQuery({
    queryKey: reportKeys.regions(provinceCode),
    enabled,
    staleTime: 60 * 60_000,
    queryFn: () => unwrap(api.GET('/api/v1/regions', { params: { query: provinceCode ? { provinceCode } : {} } })),
  });
}

const qs = (params: Record<string, string | number | undefined>) =>
  Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');

/** The report files, through the client's download (the browser saves them). */
export const reportFiles = {
  portfolio: (programId: string, year: number | undefined, format: 'csv' | 'xlsx', locale: FileLang) =>
    download(`/api/v1/reports/portfolio?${qs({ programId, year, format, locale })}`, `portfolio-${year ?? ''}.${format}`),
  health: (f: HealthFilters, format: 'csv' | 'xlsx', locale: FileLang) =>
    download(`/api/v1/reports/portfolio/health?${qs({ programId: f.programId, reason: f.reason, band: f.band, q: f.q, sort: f.sort, format, locale })}`, `health.${format}`),
  region: (regionCode: string | undefined, districtCode: string | undefined, year: number | undefined, format: 'csv' | 'xlsx', locale: FileLang) =>
    download(`/api/v1/reports/region?${qs({ regionCode, districtCode, year, format, locale })}`, `region-${districtCode ?? regionCode ?? ''}-${year ?? ''}.${format}`),
  summary: (partnershipId: string, locale: FileLang) => download(`/api/v1/reports/partnerships/${partnershipId}/summary.pdf?${qs({ locale })}`, `summary-${partnershipId}.pdf`),
};
