import { Anchor, Button, Card, Group, Modal, NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useI18n } from '../../i18n';
import { useIdempotencyKey } from '../../ui/drafts';
import { DateText, Money } from '../../ui/money';
import { PageState, ProblemAlert } from '../../ui/problems';
import { useAssignedFacilitator, useCreatePlan, usePartnerships, usePlanList, useProgramYears, type PlanStatus, type ProgramYear } from './plan-api';
import type { PlanSummary } from './plan-form';
import { actsForSchool } from './plan-status';
import { PlainBadge, StatusBadge } from './PlanParts';
import { usePlanViewer } from './use-plan-viewer';

const STATUSES: PlanStatus[] = ['draft', 'submitted', 'changes_requested', 'approved', 'in_progress', 'completed', 'withdrawn'];

/** The plans by program year, each with its status and what to do next; a year without a plan can be started here. */
export function PlansPage() {
  const { t } = useI18n();
  const viewer = usePlanViewer();
  const isSchool = viewer.role === 'principal' || (viewer.canWrite && viewer.role !== 'admin');
  const [status, setStatus] = useState<PlanStatus | null>(null);
  const list = usePlanList(status);
  const plans = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('plans.index.title')}</Title>
        <Text c="dimmed">{isSchool ? t('plans.index.introSchool') : t('plans.index.introOther')}</Text>
      </div>
      {!isSchool && (
        <NativeSelect
          label={t('plans.index.filter')}
          maw={320}
          value={status ?? ''}
          onChange={(e) => setStatus((e.currentTarget.value || null) as PlanStatus | null)}
          data={[{ value: '', label: t('plans.index.allStatuses') }, ...STATUSES.map((s) => ({ value: s, label: t(`plans.status.${s}`) }))]}
        />
      )}
      {isSchool && !list.isPending && !list.hasNextPage && !list.isError && <YearsWithoutPlan plans={plans} />}
      {list.isPending ? (
        <PageState loading />
      ) : list.isError ? (
        <PageState error={list.error} />
      ) : plans.length === 0 ? (
        <Card withBorder>
          <Text>{t('plans.index.none')}</Text>
        </Card>
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {plans.map((p) => (
            <li key={p.id}>
              <PlanCard plan={p} school={actsForSchool(viewer, p.school.id)} showSchool={!isSchool} />
            </li>
          ))}
        </Stack>
      )}
      {list.hasNextPage && (
        <Group>
          <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.more')}
          </Button>
        </Group>
      )}
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
