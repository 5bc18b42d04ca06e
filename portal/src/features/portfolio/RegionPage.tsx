import { Box, Card, Group, List, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n';
import { formatDate, formatNumber, formatRupiah } from '../../ui/format';
import { DistrictSelect } from '../../ui/district-select';
import { useSetUrlParams } from '../../ui/url-filters';
import { PageState } from '../../ui/problems';
import { reportFiles, useRegion, useRegions, type Region } from './api';
import { DownloadButton, FigureTile, FileLangSwitch, ScrollBox, Section, useFileLang } from './components';
import { SchoolParentsLink } from '../parent-engagement/SchoolParentsLink';

const YEARS_BACK = 15;

/** /region: the education office's view of its region (admins pick any region). */
export function RegionPage() {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const isAdmin = me?.user.role === 'admin';
  const [params] = useSearchParams();
  const regionCode = params.get('regionCode') ?? undefined;
  const districtCode = params.get('districtCode') ?? undefined;
  const yearParam = params.get('year');
  const year = yearParam && /^\d{4}$/.test(yearParam) ? Number(yearParam) : undefined;
  // Admins must name a region; an office reads its own jurisdiction without one.
  const report = useRegion(regionCode, districtCode, year, !isAdmin || !!regionCode);
  // An office's jurisdiction; a province office may narrow to one of its regencies/cities.
  const jurisdiction = isAdmin ? undefined : (me?.organization.regionCode ?? undefined);
  const regency = [regionCode, jurisdiction].find((c) => c && c.includes('.'));
  const [fileLang, setFileLang] = useFileLang();
  const thisYear = new Date().getUTCFullYear();
  const setUrl = useSetUrlParams();
  const set = (key: string, value: string | null) => setUrl({ [key]: value });

  const shownYear = report.data?.year ?? year ?? thisYear;
  const yearOptions = Array.from({ length: YEARS_BACK }, (_, i) => String(thisYear - i));
  if (!yearOptions.includes(String(shownYear))) yearOptions.unshift(String(shownYear));

  return (
    <Stack gap="xl">
      <div>
        <Title order={1}>{report.data ? t('portfolio.region.titleOf', { region: report.data.region.name }) : t('portfolio.region.title')}</Title>
        <Text c="gray.7">{t('portfolio.region.intro')}</Text>
      </div>
      <Group align="flex-end" gap="md" wrap="wrap">
        {isAdmin && <RegionPicker regionCode={regionCode} onChange={(code) => setUrl({ regionCode: code, districtCode: null })} />}
        {jurisdiction && !jurisdiction.includes('.') && <OfficeRegencySelect province={jurisdiction} regionCode={regionCode} onChange={(code) => setUrl({ regionCode: code, districtCode: null })} />}
        {regency && (
          <DistrictSelect
            label={t('portfolio.region.district')}
            emptyLabel={t('portfolio.region.allDistricts')}
            regencyCode={regency}
            value={districtCode ?? ''}
            onChange={(code) => set('districtCode', code || null)}
            w={{ base: '100%', sm: 240 }}
          />
        )}
        <Select label={t('portfolio.year')} data={yearOptions} value={String(shownYear)} onChange={(v) => set('year', v)} allowDeselect={false} w={{ base: '100%', sm: 160 }} />
      </Group>
      {isAdmin && !regionCode ? (
        <Text>{t('portfolio.region.pickRegion')}</Text>
      ) : report.isError ? (
        <PageState error={report.error} />
      ) : !report.data ? (
        <PageState loading />
      ) : (
        <>
          <Text size="sm" c="gray.7" aria-live="polite">
            {t('portfolio.region.asOf', { date: formatDate(report.data.asOf, lang), year: report.data.year })}
            {report.data.district && ` ${t('portfolio.region.inDistrict', { district: report.data.district.name })}`}
          </Text>
          <RegionFigures report={report.data} />
          <Section title={t('portfolio.download.title')} id="downloads">
            <Card withBorder padding="md" radius="md">
              <Stack gap="md">
                <FileLangSwitch value={fileLang} onChange={setFileLang} />
                <Group gap="sm" wrap="wrap">
                  <DownloadButton label={t('portfolio.download.xlsx')} run={() => reportFiles.region(regionCode, districtCode, report.data.year, 'xlsx', fileLang)} />
                  <DownloadButton label={t('portfolio.download.csv')} run={() => reportFiles.region(regionCode, districtCode, report.data.year, 'csv', fileLang)} />
                </Group>
              </Stack>
            </Card>
          </Section>
        </>
      )}
    </Stack>
  );
}

/** A province office's choice: the whole province or one of its regencies/cities. */
function OfficeRegencySelect({ province, regionCode, onChange }: { province: string; regionCode: string | undefined; onChange: (code: string | null) => void }) {
  const { t } = useI18n();
  const regencies = useRegions(province);
  return (
    <Select
      label={t('portfolio.region.regency')}
      data={[
        { value: '', label: t('portfolio.region.wholeProvince') },
        ...(regencies.data?.items ?? []).filter((r) => r.level === 'regency').map((r) => ({ value: r.code, label: `${r.name} (${r.code})` })),
      ]}
      value={regionCode && regionCode.includes('.') ? regionCode : ''}
      onChange={(v) => onChange(v || null)}
      allowDeselect={false}
      searchable
      w={{ base: '100%', sm: 280 }}
    />
  );
}

/** A province, then (optionally) one of its regencies/cities. */
function RegionPicker({ regionCode, onChange }: { regionCode: string | undefined; onChange: (code: string | null) => void }) {
  const { t } = useI18n();
  const province = regionCode?.slice(0, 2);
  const provinces = useRegions();
  const regencies = useRegions(province, !!province);
  return (
    <>
      <Select
        label={t('portfolio.region.province')}
        placeholder={t('portfolio.region.provincePlaceholder')}
        data={(provinces.data?.items ?? []).filter((r) => r.level === 'province').map((r) => ({ value: r.code, label: `${r.name} (${r.code})` }))}
        value={province ?? null}
        onChange={(v) => onChange(v)}
        searchable
        w={{ base: '100%', sm: 280 }}
      />
      <Select
        label={t('portfolio.region.regency')}
        data={[
          { value: '', label: t('portfolio.region.wholeProvince') },
          ...(regencies.data?.items ?? []).filter((r) => r.level !== 'province').map((r) => ({ value: r.code, label: `${r.name} (${r.code})` })),
        ]}
        value={regionCode && regionCode.length > 2 ? regionCode : ''}
        onChange={(v) => onChange(v || province || null)}
        disabled={!province}
        allowDeselect={false}
        searchable
        w={{ base: '100%', sm: 280 }}
      />
    </>
  );
}

function RegionFigures({ report: r }: { report: Region }) {
  const { t, lang } = useI18n();
  const n = (v: number | null | undefined) => formatNumber(v ?? null, lang);
  const money = (v: string) => formatRupiah(v, lang);
  const regencyName = (code: string, name: string | null) => name ?? code;
  return (
    <Stack gap="xl">
      <Section title={t('portfolio.region.schoolsTitle')} id="schools">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <FigureTile label={t('portfolio.region.schools')} value={n(r.totals.schools)} />
          <FigureTile label={t('portfolio.region.withPartner')} value={n(r.totals.withPartner)} />
          <FigureTile label={t('portfolio.region.withoutPartner')} value={n(r.totals.withoutPartner)} tone={r.totals.withoutPartner > 0 ? 'warn' : undefined} />
          <FigureTile label={t('portfolio.region.severalPartners')} value={n(r.totals.severalPartners)} />
          <FigureTile label={t('portfolio.region.companiesActive')} value={n(r.companies.length)} />
          <FigureTile label={t('portfolio.region.plans')} value={n(r.totals.plans.plans)} hint={t('portfolio.region.latePlans', { count: r.totals.plans.late })} />
          <FigureTile label={t('portfolio.grants.awarded')} value={money(r.totals.grants.awarded)} hint={t('portfolio.region.disbursedHint', { amount: money(r.totals.grants.disbursed) })} />
          <FigureTile
            label={t('portfolio.mentoring.hours')}
            value={t('portfolio.mentoring.ofPlanned', { done: n(r.totals.mentoring.hoursDone), planned: n(r.totals.mentoring.plannedHours) })}
          />
        </SimpleGrid>
      </Section>

      <Section title={t('portfolio.region.chartTitle')} id="chart">
        <PartnerChart report={r} />
      </Section>

      <Section title={t('portfolio.region.byRegency')} id="regencies">
        <ScrollBox label={t('portfolio.region.byRegencyCaption')} minWidth={980}>
          <Table striped verticalSpacing="xs" fz="sm">
            <Table.Caption c="gray.7">{t('portfolio.region.byRegencyCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('portfolio.region.regencyCol')}</Table.Th>
                {(['schools', 'withPartner', 'withoutPartner', 'severalPartners', 'partnerLinks', 'plans', 'late', 'awarded', 'disbursed', 'balance', 'hoursDone', 'noContact'] as const).map((k) => (
                  <Table.Th key={k} scope="col" ta="right">
                    {t(`portfolio.region.cols.${k}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...r.regencies.map((g) => ({ key: g.code, label: regencyName(g.code, g.name), row: g })), { key: 'total', label: t('portfolio.region.total'), row: r.totals }].map(({ key, label, row }) => (
                <Table.Tr key={key} fw={key === 'total' ? 700 : undefined}>
                  <Table.Th scope="row" fw={key === 'total' ? 700 : 400}>
                    {label}
                  </Table.Th>
                  {[
                    n(row.schools),
                    n(row.withPartner),
                    n(row.withoutPartner),
                    n(row.severalPartners),
                    n(row.partnerLinks),
                    n(row.plans.plans),
                    n(row.plans.late),
                    money(row.grants.awarded),
                    money(row.grants.disbursed),
                    money(row.grants.balanceAtSchools),
                    t('portfolio.mentoring.ofPlanned', { done: n(row.mentoring.hoursDone), planned: n(row.mentoring.plannedHours) }),
                    n(row.mentoring.schoolsWithoutContact),
                  ].map((c, i) => (
                    <Table.Td key={i} ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {c}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollBox>
      </Section>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <Section title={t('portfolio.region.partnersPerSchool')} id="per-school">
          <Table striped verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('portfolio.region.cols.partners')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('portfolio.region.cols.schools')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.partnersPerSchool.map((d) => (
                <Table.Tr key={d.partners}>
                  <Table.Th scope="row" fw={400}>
                    {t('portfolio.region.partnersCount', { count: d.partners })}
                  </Table.Th>
                  <Table.Td ta="right">{n(d.schools)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Section>
        <Section title={t('portfolio.region.companies')} id="companies">
          {r.companies.length === 0 ? (
            <Text size="sm">{t('portfolio.region.noCompanies')}</Text>
          ) : (
            <Table striped verticalSpacing={4} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('portfolio.region.cols.company')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('portfolio.region.cols.schools')}
                  </Table.Th>
                  <Table.Th scope="col">{t('portfolio.region.cols.programs')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.companies.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Th scope="row" fw={400}>
                      {c.name}
                    </Table.Th>
                    <Table.Td ta="right">{n(c.schools)}</Table.Td>
                    <Table.Td>{c.programs.join(', ')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Section>
      </SimpleGrid>

      <Section title={t('portfolio.region.schoolsWithPartners')} id="partner-schools">
        {r.schoolsWithPartners.length === 0 ? (
          <Text size="sm">{t('portfolio.region.noPartnerSchools')}</Text>
        ) : (
          <List spacing={6} size="sm">
            {r.schoolsWithPartners.map((s) => (
              <List.Item key={s.id}>
                <Text span fw={600} size="sm">
                  {s.name}
                </Text>
                <Text span size="sm" c="gray.7">
                  {` — ${s.companies.map((c) => c.name).join(', ')}`}
                  {s.companies.length > 1 ? ` (${t('portfolio.region.severalTag')})` : ''}
                </Text>
                <Text span size="sm">
                  {' · '}
                  <SchoolParentsLink schoolId={s.id} schoolName={s.name} />
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </Section>
    </Stack>
  );
}

/** Schools with and without a partner per regency/city as bars; the table above holds the same figures. */
function PartnerChart({ report: r }: { report: Region }) {
  const { t, lang } = useI18n();
  const n = (v: number) => formatNumber(v, lang);
  const max = Math.max(1, ...r.regencies.map((g) => g.schools));
  const summary = r.regencies
    .map((g) => t('portfolio.region.chartRow', { name: g.name ?? g.code, with: g.withPartner, without: g.withoutPartner }))
    .join('; ');
  return (
    <Card withBorder padding="md" radius="md">
      <Stack gap="sm" role="img" aria-label={t('portfolio.region.chartAlt', { summary })}>
        <Group gap="md" aria-hidden="true">
          <Group gap={6}>
            <Box w={14} h={14} bg="teal.7" style={{ borderRadius: 3 }} />
            <Text size="sm">{t('portfolio.region.withPartner')}</Text>
          </Group>
          <Group gap={6}>
            <Box w={14} h={14} bg="gray.4" style={{ borderRadius: 3 }} />
            <Text size="sm">{t('portfolio.region.withoutPartner')}</Text>
          </Group>
        </Group>
        {r.regencies.map((g) => (
          <div key={g.code} aria-hidden="true">
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text size="sm" fw={500} truncate>
                {g.name ?? g.code}
              </Text>
              <Text size="sm" c="gray.7" style={{ whiteSpace: 'nowrap' }}>
                {t('portfolio.region.chartCounts', { with: n(g.withPartner), schools: n(g.schools) })}
              </Text>
            </Group>
            <Box style={{ display: 'flex', height: 18, width: `${(g.schools / max) * 100}%`, minWidth: 8, borderRadius: 4, overflow: 'hidden' }}>
              <Box bg="teal.7" style={{ width: `${g.schools ? (g.withPartner / g.schools) * 100 : 0}%` }} />
              <Box bg="gray.4" style={{ flex: 1 }} />
            </Box>
          </div>
        ))}
      </Stack>
    </Card>
  );
}
