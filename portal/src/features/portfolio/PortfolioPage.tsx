import { Anchor, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconHeartbeat } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../../i18n';
import { formatDate, formatNumber, formatRupiah } from '../../ui/format';
import { PageState } from '../../ui/problems';
import { defaultYear, reportFiles, useHealth, usePortfolio, usePrograms, useProgramYears, type Portfolio } from './api';
import { DownloadButton, FigureTile, FileLangSwitch, Section, useFileLang } from './components';
import { SeriesCharts } from './SeriesCharts';
import { ParentsReachedSection } from '../parent-engagement/ParentsReachedSection';

const PLAN_STATUSES = ['draft', 'submitted', 'changes_requested', 'approved', 'in_progress', 'completed', 'withdrawn'] as const;

/** `?a=1&b=2` from the values that are set. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') s.set(k, String(v));
  const text = s.toString();
  return text ? `?${text}` : '';
}

/** The program and year of the URL, defaulting to the first program and its latest running year. */
export function useProgramChoice() {
  const [params, setParams] = useSearchParams();
  const programs = usePrograms();
  const list = programs.data?.items ?? [];
  const programId = params.get('programId') ?? list[0]?.id;
  const years = useProgramYears(programId);
  const yearParam = params.get('year');
  const year = yearParam && /^\d{4}$/.test(yearParam) ? Number(yearParam) : years.data ? defaultYear(years.data.items) : undefined;
  const set = (next: { programId?: string; year?: number | null }) => {
    const p = new URLSearchParams(params);
    if (programId && !p.get('programId')) p.set('programId', programId);
    if (next.programId !== undefined) {
      p.set('programId', next.programId);
      p.delete('year');
    }
    if (next.year !== undefined) {
      if (next.year === null) p.delete('year');
      else p.set('year', String(next.year));
    }
    setParams(p, { replace: true });
  };
  return { programs, list, programId, years, year, yearsReady: !programId || !years.isPending || !!yearParam, set, params, setParams };
}

/** /portfolio: how a program is doing in a year and over the years, each figure a link to its records. */
export function PortfolioPage() {
  const { t, lang } = useI18n();
  const choice = useProgramChoice();
  const { programId, year, list, years } = choice;
  const report = usePortfolio(choice.yearsReady ? programId : undefined, year);
  const [fileLang, setFileLang] = useFileLang();

  const programOptions = list.map((p) => ({ value: p.id, label: list.some((o) => o.company.id !== p.company.id) ? `${p.name} · ${p.company.name}` : p.name }));
  // A program typed in the URL that is not in the list (another company's): the report says not found.
  const yearOptions = (years.data?.items ?? [])
    .slice()
    .sort((a, b) => b.year - a.year)
    .map((y) => ({ value: String(y.year), label: t('portfolio.yearOption', { year: y.year, status: t(`portfolio.yearStatus.${y.status}`) }) }));

  if (choice.programs.isPending) return <PageState loading />;
  if (choice.programs.isError) return <PageState error={choice.programs.error} />;
  if (!programId) {
    return (
      <Stack gap="lg">
        <Title order={1}>{t('portfolio.title')}</Title>
        <Text>{t('portfolio.noPrograms')}</Text>
      </Stack>
    );
  }
  if (years.isError) return <PageState error={years.error} />;
  if (report.isError) return <PageState error={report.error} />;

  return (
    <Stack gap="xl">
      <div>
        <Title order={1}>{t('portfolio.title')}</Title>
        <Text c="gray.7">{t('portfolio.intro')}</Text>
      </div>
      <Group align="flex-end" gap="md" wrap="wrap">
        <Select
          label={t('portfolio.program')}
          data={programOptions.some((o) => o.value === programId) ? programOptions : [...programOptions, { value: programId, label: report.data?.program.name ?? programId }]}
          value={programId}
          onChange={(v) => v && choice.set({ programId: v })}
          allowDeselect={false}
          w={{ base: '100%', sm: 320 }}
        />
        <Select
          label={t('portfolio.year')}
          data={year && !yearOptions.some((o) => o.value === String(year)) ? [{ value: String(year), label: String(year) }, ...yearOptions] : yearOptions}
          value={year ? String(year) : null}
          onChange={(v) => v && choice.set({ year: Number(v) })}
          allowDeselect={false}
          w={{ base: '100%', sm: 260 }}
        />
        <Button component={Link} to={`/portfolio/health${query({ programId })}`} variant="light" leftSection={<IconHeartbeat size={18} aria-hidden="true" />}>
          {t('portfolio.healthLink')}
        </Button>
      </Group>
      {!report.data ? (
        <PageState loading />
      ) : (
        <>
          <Text size="sm" c="gray.7" aria-live="polite">
            {report.data.programYear
              ? t('portfolio.asOfTheme', { date: formatDate(report.data.asOf, lang), theme: report.data.programYear.theme })
              : t('portfolio.asOfNoYear', { date: formatDate(report.data.asOf, lang), year: report.data.year })}
          </Text>
          <YearFigures report={report.data} />
          <ParentsReachedSection rows={report.data.parentsReached} year={report.data.year} />
          <Section title={t('portfolio.series.title')} id="series">
            <Text size="sm" c="gray.7" mb="sm">
              {t('portfolio.series.intro', { from: report.data.program.startYear })}
            </Text>
            <SeriesCharts programId={report.data.program.id} series={report.data.series} />
          </Section>
          <Downloads report={report.data} fileLang={fileLang} setFileLang={setFileLang} />
        </>
      )}
    </Stack>
  );
}

/** The figures of the chosen year, in sections, each figure linking to its records. */
function YearFigures({ report: r }: { report: Portfolio }) {
  const { t, lang } = useI18n();
  const py = r.programYear?.id;
  const pid = r.program.id;
  const n = (v: number | null | undefined) => formatNumber(v ?? null, lang);
  const money = (v: string) => formatRupiah(v, lang);
  const plansOf = (extra: Record<string, string | boolean | undefined> = {}) => (py ? `/plans${query({ programYearId: py, ...extra })}` : undefined);
  const grantsOf = (extra: Record<string, string | undefined> = {}) => (py ? `/grants${query({ programYearId: py, ...extra })}` : undefined);
  const facilitiesOf = (extra: Record<string, string | undefined> = {}) => (py ? `/facilities${query({ programYearId: py, ...extra })}` : undefined);
  const mentoringOf = (extra: Record<string, string | boolean | undefined> = {}) => (py ? `/mentoring${query({ programYearId: py, ...extra })}` : undefined);
  const cols = { base: 2, md: 4 };
  return (
    <Stack gap="xl">
      <Section title={t('portfolio.cohort.title')} id="cohort">
        <SimpleGrid cols={cols} spacing="sm">
          <FigureTile label={t('portfolio.cohort.schools')} value={n(r.cohort.schools)} to={`/partnerships${query({ programId: pid, status: 'active' })}`} />
          <FigureTile label={t('portfolio.cohort.partnerships')} value={n(r.cohort.partnerships)} to={`/partnerships${query({ programId: pid })}`} />
          <FigureTile label={t('portfolio.cohort.missingPlans')} value={n(r.cohort.missingPlans)} to={plansOf()} tone={r.cohort.missingPlans > 0 ? 'warn' : undefined} />
        </SimpleGrid>
        {r.cohort.byProvince.length > 0 && (
          <Table striped verticalSpacing={4} maw={480} mt="sm">
              <Table.Caption c="gray.7">{t('portfolio.cohort.byProvince')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('portfolio.cohort.province')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('portfolio.cohort.schoolsShort')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.cohort.byProvince.map((p) => (
                  <Table.Tr key={p.provinceCode ?? 'none'}>
                    <Table.Th scope="row" fw={400}>
                      {p.provinceName ?? p.provinceCode ?? t('portfolio.cohort.unknownProvince')}
                    </Table.Th>
                    <Table.Td ta="right">{n(p.schools)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
        )}
      </Section>

      <Section title={t('portfolio.mous.title')} id="mous">
        <SimpleGrid cols={cols} spacing="sm">
          <FigureTile label={t('portfolio.mous.active')} value={n(r.mous.active)} to={`/mous${query({ status: 'active' })}`} />
          <FigureTile label={t('portfolio.mous.expiring')} value={n(r.mous.expiring)} to={`/mous${query({ expiringWithinDays: 90, sort: 'expiryDate' })}`} tone={r.mous.expiring > 0 ? 'warn' : undefined} />
          <FigureTile label={t('portfolio.mous.expired')} value={n(r.mous.expired)} to={`/mous${query({ status: 'expired' })}`} tone={r.mous.expired > 0 ? 'warn' : undefined} />
        </SimpleGrid>
      </Section>

      <Section title={t('portfolio.plans.title')} id="plans">
        <SimpleGrid cols={cols} spacing="sm">
          <FigureTile label={t('portfolio.plans.all')} value={n(r.plans.plans)} to={plansOf()} />
          <FigureTile label={t('portfolio.plans.late')} value={n(r.plans.late)} to={plansOf({ late: true })} tone={r.plans.late > 0 ? 'warn' : undefined} />
          {PLAN_STATUSES.filter((s) => r.plans.byStatus[s] > 0).map((s) => (
            <FigureTile key={s} label={t(`portfolio.planStatus.${s}`)} value={n(r.plans.byStatus[s])} to={plansOf({ status: s })} />
          ))}
        </SimpleGrid>
      </Section>

      <Section title={t('portfolio.grants.title')} id="grants">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
          <FigureTile label={t('portfolio.grants.awarded')} value={money(r.grants.awarded)} hint={t('portfolio.grants.count', { count: r.grants.grants })} to={grantsOf()} />
          <FigureTile label={t('portfolio.grants.disbursed')} value={money(r.grants.disbursed)} to={grantsOf()} />
          <FigureTile label={t('portfolio.grants.accepted')} value={money(r.grants.accepted)} to={grantsOf()} />
          <FigureTile label={t('portfolio.grants.balance')} value={money(r.grants.balanceAtSchools)} hint={t('portfolio.grants.balanceHint')} to={grantsOf()} />
          <FigureTile
            label={t('portfolio.grants.missingReports')}
            value={n(r.grants.expenseReportsMissing)}
            to={`/portfolio/health${query({ programId: pid, reason: 'expense_report_overdue' })}`}
            tone={r.grants.expenseReportsMissing > 0 ? 'warn' : undefined}
          />
          <FigureTile label={t('portfolio.grants.inKind')} value={money(r.facilities.inKindValue)} hint={t('portfolio.grants.inKindHint', { count: r.facilities.itemsHandedOver })} to={facilitiesOf({ status: 'handed_over' })} />
          <FigureTile label={t('portfolio.grants.awaitingHandover')} value={money(r.facilities.awaitingHandoverValue)} hint={t('portfolio.grants.awaitingHandoverHint', { count: r.facilities.itemsAwaitingHandover })} to={facilitiesOf({ status: 'awaiting_handover' })} />
        </SimpleGrid>
      </Section>

      <Section title={t('portfolio.mentoring.title')} id="mentoring">
        <SimpleGrid cols={cols} spacing="sm">
          <FigureTile
            label={t('portfolio.mentoring.hours')}
            value={t('portfolio.mentoring.ofPlanned', { done: n(r.mentoring.hoursDone), planned: n(r.mentoring.plannedHours) })}
            to={mentoringOf()}
          />
          <FigureTile
            label={t('portfolio.mentoring.sessions')}
            value={t('portfolio.mentoring.ofPlanned', { done: n(r.mentoring.sessionsDone), planned: n(r.mentoring.plannedSessions) })}
            to={mentoringOf()}
          />
          <FigureTile
            label={t('portfolio.mentoring.noContact')}
            value={n(r.mentoring.schoolsWithoutContact)}
            to={mentoringOf({ noContact: true })}
            tone={r.mentoring.schoolsWithoutContact > 0 ? 'warn' : undefined}
          />
          <FigureTile label={t('portfolio.mentoring.unconfirmed')} value={n(r.mentoring.unconfirmedSessions)} to={mentoringOf({ confirmation: 'pending' })} />
          <FigureTile
            label={t('portfolio.mentoring.overdue')}
            value={n(r.mentoring.overdueFollowUps)}
            to={`/mentoring${query({ tab: 'actions', overdue: true })}`}
            tone={r.mentoring.overdueFollowUps > 0 ? 'warn' : undefined}
          />
          <FigureTile label={t('portfolio.mentoring.schools')} value={n(r.mentoring.schoolsAssigned)} to={mentoringOf()} />
        </SimpleGrid>
      </Section>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <Section title={t('portfolio.trainings.title')} id="trainings">
          <SimpleGrid cols={2} spacing="sm">
            <FigureTile label={t('portfolio.trainings.trainings')} value={n(r.trainings.trainings)} to={py ? `/trainings${query({ programYearId: py })}` : undefined} />
            <FigureTile label={t('portfolio.trainings.participants')} value={t('portfolio.trainings.attendedOf', { attended: n(r.trainings.attended), all: n(r.trainings.participants) })} />
            <FigureTile
              label={t('portfolio.trainings.gain')}
              value={r.trainings.meanGain === null ? t('portfolio.none') : `${r.trainings.meanGain > 0 ? '+' : ''}${n(r.trainings.meanGain)}`}
              hint={t('portfolio.trainings.paired', { count: r.trainings.paired })}
            />
          </SimpleGrid>
        </Section>
        <Section title={t('portfolio.competitions.title')} id="competitions">
          <SimpleGrid cols={2} spacing="sm">
            <FigureTile
              label={t('portfolio.competitions.entries')}
              value={n(r.competitions.entries)}
              hint={t('portfolio.competitions.schools', { count: r.competitions.schoolsEntered })}
              to={py ? `/competitions${query({ programYearId: py })}` : undefined}
            />
            <FigureTile
              label={t('portfolio.competitions.results')}
              value={n(r.competitions.results)}
              hint={t('portfolio.competitions.awards', { winners: r.competitions.winners, runnersUp: r.competitions.runnersUp, special: r.competitions.specialMentions })}
            />
            <FigureTile label={t('portfolio.competitions.meanScore')} value={r.competitions.meanScore === null ? t('portfolio.none') : n(r.competitions.meanScore)} />
          </SimpleGrid>
        </Section>
      </SimpleGrid>
    </Stack>
  );
}

/** XLSX and CSV of the portfolio, and the one-page PDF of a partnership, in the chosen language. */
function Downloads({ report, fileLang, setFileLang }: { report: Portfolio; fileLang: 'id' | 'en'; setFileLang: (l: 'id' | 'en') => void }) {
  const { t } = useI18n();
  // The partnerships are read when the picker is first opened, not with the page; what is typed
  // searches the whole program on the server (a program may have thousands of schools).
  const [wanted, setWanted] = useState(false);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const partnerships = useHealth(wanted ? { programId: report.program.id, sort: 'school', q: q && q !== chosen?.label ? q : undefined } : null, 50);
  const options = useMemo(() => {
    const found = (partnerships.data?.pages[0]?.partnerships ?? []).map((p) => ({ value: p.partnershipId, label: p.school.name }));
    return chosen && !found.some((o) => o.value === chosen.value) ? [chosen, ...found] : found;
  }, [partnerships.data, chosen]);
  const partnershipId = chosen?.value ?? null;
  useEffect(() => setChosen(null), [report.program.id]);
  return (
    <Section title={t('portfolio.download.title')} id="downloads">
      <Card withBorder padding="md" radius="md">
        <Stack gap="md">
          <FileLangSwitch value={fileLang} onChange={setFileLang} />
          <Group gap="sm" wrap="wrap">
            <DownloadButton label={t('portfolio.download.xlsx')} run={() => reportFiles.portfolio(report.program.id, report.year, 'xlsx', fileLang)} />
            <DownloadButton label={t('portfolio.download.csv')} run={() => reportFiles.portfolio(report.program.id, report.year, 'csv', fileLang)} />
          </Group>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <Select
              label={t('portfolio.download.partnership')}
              placeholder={t('portfolio.download.partnershipPlaceholder')}
              data={options}
              value={partnershipId}
              onChange={(value, option) => setChosen(value && option ? { value, label: option.label } : null)}
              searchable
              searchValue={search}
              onSearchChange={setSearch}
              filter={({ options: all }) => all}
              onDropdownOpen={() => setWanted(true)}
              onFocus={() => setWanted(true)}
              nothingFoundMessage={partnerships.isFetching ? t('portfolio.download.loadingPartnerships') : t('portfolio.download.noPartnership')}
              w={{ base: '100%', sm: 340 }}
            />
            <DownloadButton label={t('portfolio.download.pdf')} disabled={!partnershipId} run={() => reportFiles.summary(partnershipId ?? '', fileLang)} />
          </Group>
          <Text size="xs" c="gray.7">
            {t('portfolio.download.pdfHint')}{' '}
            <Anchor component={Link} to={`/portfolio/health${query({ programId: report.program.id })}`} size="xs" underline="always">
              {t('portfolio.healthLink')}
            </Anchor>
          </Text>
        </Stack>
      </Card>
    </Section>
  );
}
