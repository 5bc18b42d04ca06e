import { Anchor, Button, Card, Group, Modal, NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useI18n } from '../../i18n';
import { LoadMore } from '../../ui/load-more';
import { useIdempotencyKey } from '../../ui/drafts';
import { DateText, Money } from '../../ui/money';
import { PageState, ProblemAlert } from '../../ui/problems';
import { useAssignedFacilitator, useCreatePlan, usePartnerships, usePlanList, usePlanQueue, useProgramYears, useReviewYears, type PlanFilters, type PlanStatus, type ProgramYear } from './plan-api';
import type { PlanSummary } from './plan-form';
import { actsForSchool } from './plan-status';
import { PlainBadge, StatusBadge } from './PlanParts';
import { usePlanViewer } from './use-plan-viewer';

const STATUSES: PlanStatus[] = ['draft', 'submitted', 'changes_requested', 'approved', 'in_progress', 'completed', 'withdrawn'];

/** The plans by program year, each with its status and what to do next; a year without a plan can be started here. */
export function PlansPage() {
  const viewer = usePlanViewer();
  const isSchool = viewer.role === 'principal' || (viewer.canWrite && viewer.role !== 'admin');
  return isSchool ? <SchoolPlans /> : <ReviewQueue />;
}

/** The school's plans, by program year, with the years still to start. */
function SchoolPlans() {
  const { t } = useI18n();
  const viewer = usePlanViewer();
  const list = usePlanList(null);
  const plans = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('plans.index.title')}</Title>
        <Text c="dimmed">{t('plans.index.introSchool')}</Text>
      </div>
      {!list.isPending && !list.hasNextPage && !list.isError && <YearsWithoutPlan plans={plans} />}
      <PlanList list={list} plans={plans} school={(p) => actsForSchool(viewer, p.school.id)} showSchool={false} />
    </Stack>
  );
}

type PlanPages = ReturnType<typeof usePlanList>;

function PlanList({ list, plans, school, showSchool, empty }: { list: PlanPages; plans: PlanSummary[]; school(p: PlanSummary): boolean; showSchool: boolean; empty?: string }) {
  const { t } = useI18n();
  return (
    <>
      {list.isPending ? (
        <PageState loading />
      ) : list.isError ? (
        <PageState error={list.error} />
      ) : plans.length === 0 ? (
        <Card withBorder>
          <Text>{empty ?? t('plans.index.none')}</Text>
        </Card>
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {plans.map((p) => (
            <li key={p.id}>
              <PlanCard plan={p} school={school(p)} showSchool={showSchool} />
            </li>
          ))}
        </Stack>
      )}
      <LoadMore list={list} />
    </>
  );
}

/** The filters of the queue, read from and written to the URL with the API's parameter names. */
function useQueueFilters(): [PlanFilters, (next: PlanFilters) => void] {
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const late = params.get('late');
  const filters: PlanFilters = {
    ...(params.get('programYearId') ? { programYearId: params.get('programYearId') as string } : {}),
    ...(params.get('schoolId') ? { schoolId: params.get('schoolId') as string } : {}),
    ...(status && (STATUSES as string[]).includes(status) ? { status: status as PlanStatus } : {}),
    ...(late === 'true' || late === 'false' ? { late: late === 'true' } : {}),
  };
  const set = (next: PlanFilters) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v !== undefined && v !== '') q.set(k, String(v));
    setParams(q, { replace: true });
  };
  return [filters, set];
}

/**
 * The review queue of CSR officers and facilitators (education offices read it too): the plans waiting
 * for a decision first, then every other plan, filtered by the URL.
 */
function ReviewQueue() {
  const { t } = useI18n();
  const viewer = usePlanViewer();
  const [filters, setFilters] = useQueueFilters();
  const years = useReviewYears();
  const reviewer = viewer.canReview;
  // Without a status chosen, the plans waiting for review come first, in their own list.
  const splitWaiting = filters.status === undefined;
  const waiting = usePlanQueue({ ...filters, status: 'submitted' }, splitWaiting);
  const rest = usePlanQueue(filters);
  const waitingPlans = waiting.data?.pages.flatMap((p) => p.items) ?? [];
  const restPlans = (rest.data?.pages.flatMap((p) => p.items) ?? []).filter((p) => !splitWaiting || p.status !== 'submitted');
  const yearOptions = (years.data ?? []).map((y) => ({ value: y.id, label: `${y.program} ${y.year}` }));
  if (filters.programYearId && !yearOptions.some((o) => o.value === filters.programYearId)) yearOptions.push({ value: filters.programYearId, label: t('plans.queue.chosenYear') });

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('plans.index.title')}</Title>
        <Text c="dimmed">{t(reviewer ? `plans.queue.intro.${viewer.role === 'facilitator' ? 'facilitator' : 'csr'}` : 'plans.index.introOther')}</Text>
      </div>
      <Card withBorder component="section" aria-labelledby="plan-filters" padding="md">
        <Title order={2} size="h4" id="plan-filters" mb="xs">
          {t('plans.queue.filters')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label={t('plans.queue.year')}
            value={filters.programYearId ?? ''}
            onChange={(e) => setFilters({ ...filters, programYearId: e.currentTarget.value || undefined })}
            data={[{ value: '', label: t('plans.queue.allYears') }, ...yearOptions]}
          />
          <NativeSelect
            label={t('plans.index.filter')}
            value={filters.status ?? ''}
            onChange={(e) => setFilters({ ...filters, status: (e.currentTarget.value || undefined) as PlanStatus | undefined })}
            data={[{ value: '', label: t('plans.index.allStatuses') }, ...STATUSES.map((s) => ({ value: s, label: t(`plans.status.${s}`) }))]}
          />
          <NativeSelect
            label={t('plans.queue.late')}
            value={filters.late === undefined ? '' : String(filters.late)}
            onChange={(e) => setFilters({ ...filters, late: e.currentTarget.value === '' ? undefined : e.currentTarget.value === 'true' })}
            data={[
              { value: '', label: t('plans.queue.lateAll') },
              { value: 'true', label: t('plans.queue.lateOnly') },
              { value: 'false', label: t('plans.queue.onTime') },
            ]}
          />
        </SimpleGrid>
        {Object.keys(filters).length > 0 && (
          <Group mt="sm">
            <Button variant="subtle" size="compact-sm" onClick={() => setFilters({})}>
              {t('plans.queue.clear')}
            </Button>
          </Group>
        )}
      </Card>
      {splitWaiting && (
        <section aria-labelledby="plans-waiting">
          <Title order={2} size="h3" id="plans-waiting" mb="xs">
            {t('plans.queue.waiting')}
          </Title>
          <PlanList list={waiting} plans={waitingPlans} school={() => false} showSchool empty={t('plans.queue.noneWaiting')} />
        </section>
      )}
      <section aria-labelledby="plans-rest">
        <Title order={2} size="h3" id="plans-rest" mb="xs">
          {splitWaiting ? t('plans.queue.others') : t('plans.queue.results')}
        </Title>
        <PlanList list={rest} plans={restPlans} school={() => false} showSchool />
      </section>
    </Stack>
  );
}

function PlanCard({ plan, school, showSchool }: { plan: PlanSummary; school: boolean; showSchool: boolean }) {
  const { t } = useI18n();
  const closed = plan.programYear.status === 'closed' && plan.status !== 'completed' && plan.status !== 'withdrawn';
  return (
    <Card withBorder padding="md">
      <Group gap="md" align="flex-start" wrap="nowrap">
        <Text fw={800} size="xl" c="teal.9" aria-hidden="true" style={{ lineHeight: 1.2 }}>
          {plan.programYear.year}
        </Text>
        <Stack gap={6} style={{ minWidth: 0, flex: 1 }}>
          <Title order={2} size="h4">
            <Anchor component={Link} to={`/plans/${plan.id}`} aria-label={t('plans.index.openAria', { year: plan.programYear.year, title: plan.title })}>
              {plan.title}
            </Anchor>
          </Title>
          <Text size="sm" c="dimmed">
            {showSchool ? `${plan.school.name} · ` : ''}
            {`${plan.program.name} ${plan.programYear.year}`}
          </Text>
          <Group gap="xs">
            <StatusBadge status={plan.status} />
            {plan.overdue && <PlainBadge color="red">{t('plans.header.overdue')}</PlainBadge>}
          </Group>
          <Text size="sm">{closed ? t('plans.next.closedYear') : t(`plans.next.${school ? 'school' : 'other'}.${plan.status}`)}</Text>
          {plan.status === 'draft' && plan.programYear.planDeadline && (
            <Text size="sm" c={plan.overdue ? 'red.8' : 'dimmed'}>
              {t('plans.header.deadline')}: <DateText value={plan.programYear.planDeadline} />
            </Text>
          )}
          <Text size="sm" c="dimmed">
            {t('plans.index.budget')}:{' '}
            <Text span fw={600} c="dark">
              <Money value={plan.budgetTotal} />
            </Text>
            {' · '}
            {t('plans.index.stimulus')}: <Money value={plan.stimulusGrantTotal} />
          </Text>
        </Stack>
      </Group>
    </Card>
  );
}

/** The open program years of the school's partnerships that have no plan yet. */
function YearsWithoutPlan({ plans }: { plans: PlanSummary[] }) {
  const partnerships = usePartnerships(true);
  const open = (partnerships.data?.items ?? []).filter((p) => p.status === 'prospective' || p.status === 'active');
  if (open.length === 0) return null;
  return (
    <>
      {open.map((p) => (
        <ProgramYearsToStart key={p.id} programId={p.program.id} programName={p.program.name} schoolId={p.school.id} plans={plans} />
      ))}
    </>
  );
}

function ProgramYearsToStart({ programId, programName, schoolId, plans }: { programId: string; programName: string; schoolId: string; plans: PlanSummary[] }) {
  const { t } = useI18n();
  const years = useProgramYears(programId);
  const [starting, setStarting] = useState<ProgramYear | null>(null);
  const missing = (years.data?.items ?? []).filter((y) => y.status !== 'closed' && !plans.some((p) => p.programYear.id === y.id)).sort((a, b) => b.year - a.year);
  if (missing.length === 0) return null;
  return (
    <section aria-labelledby={`start-${programId}`}>
      <Title order={2} size="h3" id={`start-${programId}`} mb="xs">
        {t('plans.start.heading', { program: programName })}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {missing.map((y) => (
          <Card key={y.id} withBorder padding="md" bg="teal.0">
            <Text fw={700}>{t('plans.start.year', { year: y.year })}</Text>
            <Text size="sm">{y.theme}</Text>
            {y.planDeadline && (
              <Text size="sm" c="dimmed">
                {t('plans.header.deadline')}: <DateText value={y.planDeadline} />
              </Text>
            )}
            <Group mt="sm">
              <Button leftSection={<IconPlus size={16} />} onClick={() => setStarting(y)}>
                {t('plans.start.button', { year: y.year })}
              </Button>
            </Group>
          </Card>
        ))}
      </SimpleGrid>
      {starting && <StartPlanModal year={starting} programName={programName} schoolId={schoolId} onClose={() => setStarting(null)} />}
    </section>
  );
}

function StartPlanModal({ year, programName, schoolId, onClose }: { year: ProgramYear; programName: string; schoolId: string; onClose(): void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [title, setTitle] = useState(t('plans.start.defaultTitle', { year: year.year, theme: year.theme }));
  const facilitator = useAssignedFacilitator(year.id, schoolId);
  const { key, renew } = useIdempotencyKey(`plan.new.${year.id}`);
  const create = useCreatePlan();
  const send = () =>
    create.mutate(
      { key, programYearId: year.id, title, ...(facilitator.data?.id ? { facilitatorUserId: facilitator.data.id } : {}) },
      {
        onSuccess: (plan) => {
          renew();
          void navigate(`/plans/${plan.id}`);
        },
      },
    );
  return (
    <Modal opened onClose={onClose} title={t('plans.start.title', { year: year.year })} centered>
      <Stack gap="sm">
        <Text size="sm">{t('plans.start.text', { program: programName, year: year.year })}</Text>
        <TextInput label={t('plans.field.title')} value={title} maxLength={200} withAsterisk onChange={(e) => setTitle(e.currentTarget.value)} />
        <Text size="sm">
          {t('plans.header.facilitator')}: {facilitator.isPending ? t('common.loading') : (facilitator.data?.fullName ?? t('plans.start.noFacilitator'))}
        </Text>
        <ProblemAlert error={create.error} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={send} loading={create.isPending} disabled={title.trim() === ''}>
            {t('plans.start.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
