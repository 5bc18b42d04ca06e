import { Alert, Anchor, Badge, Button, Card, Group, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconLock, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { toProblem } from '../../api/problem';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n';
import { BackLink } from '../../ui/back-link';
import { DateText, Money } from '../../ui/money';
import { notify } from '../../ui/notify';
import { PageState, ProblemAlert } from '../../ui/problems';
import { StatusBadge } from '../../ui/status-badge';
import { useCohort, useProgram, useProgramYears, useUpdateProgram, useYearMutations, type Program, type ProgramYear } from './api';
import { programBody, ProgramFormModal } from './ProgramForm';
import { yearsText } from './ProgramsPage';
import { canManagePrograms } from './roles';
import { PartnershipStatusBadge, YEAR_STATUS_COLOR } from './badges';
import { yearBody, YearFormModal } from './YearForm';

/** /programs/:id: one program with its years (theme, envelope and room left, calendar, status, cohort). */
export function ProgramPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const session = useSession();
  const program = useProgram(id);
  const years = useProgramYears(id, program.isSuccess);
  const update = useUpdateProgram(id);
  const mutations = useYearMutations(id);
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const manage = canManagePrograms(session);

  if (program.isPending || program.isError) return <PageState loading={program.isPending} error={program.error} />;
  const p = program.data;
  const list = [...(years.data?.items ?? [])].sort((a, b) => b.year - a.year);
  const nextYear = list.length > 0 ? list[0].year + 1 : p.startYear;

  return (
    <Stack gap="lg">
      <BackLink to="/programs">{t('programs.backToList')}</BackLink>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div>
          <Title order={1}>{p.name}</Title>
          <Text c="gray.7">
            {p.company.name} · {yearsText(t, p)}
          </Text>
        </div>
        {manage && (
          <Button variant="default" onClick={() => setEditing(true)}>
            {t('programs.edit')}
          </Button>
        )}
      </Group>
      <ProgramFacts program={p} />
      <section aria-labelledby="years-heading">
        <Group justify="space-between" mb="sm" wrap="wrap">
          <Title order={2} id="years-heading">
            {t('programs.years.title')}
          </Title>
          {manage && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
              {t('programs.years.add')}
            </Button>
          )}
        </Group>
        {years.isPending || years.isError ? (
          <PageState loading={years.isPending} error={years.error} />
        ) : list.length === 0 ? (
          <Card withBorder>
            <Text>{t('programs.years.empty')}</Text>
          </Card>
        ) : (
          <Stack gap="md">
            {list.map((y) => (
              <YearCard key={y.id} program={p} year={y} manage={manage} mutations={mutations} />
            ))}
          </Stack>
        )}
      </section>
      {editing && (
        <ProgramFormModal
          title={t('programs.edit')}
          program={p}
          onClose={() => setEditing(false)}
          onSubmit={async (values) => {
            try {
              await update.mutateAsync({ ...programBody(values), version: p.version });
            } catch (err) {
              if (toProblem(err).isConflict) await program.refetch();
              throw err;
            }
            notify(t('programs.saved'));
            setEditing(false);
          }}
        />
      )}
      {adding && (
        <YearFormModal
          title={t('programs.years.add')}
          defaultYear={nextYear}
          onClose={() => setAdding(false)}
          onSubmit={async (values) => {
            await mutations.create.mutateAsync({ year: Number(values.year), ...yearBody(values, false) } as never);
            notify(t('programs.year.saved'));
            setAdding(false);
          }}
        />
      )}
    </Stack>
  );
}

function ProgramFacts({ program: p }: { program: Program }) {
  const { t } = useI18n();
  return (
    <Card withBorder>
      <Stack gap="xs">
        {p.description && <Text>{p.description}</Text>}
        <div>
          <Text size="sm" fw={600}>
            {t('programs.field.focusAreas')}
          </Text>
          {p.focusAreas.length === 0 ? (
            <Text size="sm">{t('common.none')}</Text>
          ) : (
            <Group gap={6} mt={4}>
              {p.focusAreas.map((f) => (
                <Badge key={f} variant="outline" color="gray.8" tt="none" fw={500}>
                  {t(`common.topic.${f}`)}
                </Badge>
              ))}
            </Group>
          )}
        </div>
        <Text size="sm">
          <Text span fw={600}>
            {t('programs.field.regions')}:
          </Text>{' '}
          {p.regions.length > 0 ? p.regions.map((r) => r.name).join(', ') : t('common.none')}
        </Text>
        <Text size="sm">
          <Text span fw={600}>
            {t('programs.field.facilitators')}:
          </Text>{' '}
          {p.facilitators.length > 0 ? p.facilitators.map((f) => f.name).join(', ') : t('common.none')}
        </Text>
        <Group gap="md">
          <Anchor component={Link} to={`/partnerships?programId=${p.id}`} size="sm">
            {t('programs.allPartnerships')}
          </Anchor>
        </Group>
      </Stack>
    </Card>
  );
}

type Mutations = ReturnType<typeof useYearMutations>;

function YearCard({ program, year: y, manage, mutations }: { program: Program; year: ProgramYear; manage: boolean; mutations: Mutations }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [moving, setMoving] = useState(false);
  const headingId = `year-${y.id}`;
  const calendar: Array<[string, string | null]> = [
    [t('programs.year.planningWorkshopDate'), y.planningWorkshopDate],
    [t('programs.year.planDeadline'), y.planDeadline],
    [t('programs.year.grantReportingDeadline'), y.grantReportingDeadline],
    [t('programs.year.competitionDate'), y.competitionDate],
  ];
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <div style={{ minWidth: 0 }}>
            <Title order={3} id={headingId}>
              {t('programs.year.heading', { year: y.year })}
            </Title>
            <Text>{y.theme}</Text>
          </div>
          <StatusBadge color={YEAR_STATUS_COLOR[y.status]}>{t(`programs.yearStatus.${y.status}`)}</StatusBadge>
        </Group>
        {y.readOnly && (
          <Alert color="gray" icon={<IconLock size={18} />} title={t('programs.year.closedTitle')}>
            {t('programs.year.closedText')}
          </Alert>
        )}
        {y.description && <Text size="sm">{y.description}</Text>}
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
          <Figure label={t('programs.year.envelope')} value={<Money value={y.budgetEnvelope} />} />
          {y.grantsCommitted !== null && <Figure label={t('programs.year.committed')} value={<Money value={y.grantsCommitted} />} />}
          {y.budgetRemaining !== null && <Figure label={t('programs.year.remaining')} value={<Money value={y.budgetRemaining} />} strong />}
        </SimpleGrid>
        <div>
          <Text size="sm" fw={600}>
            {t('programs.year.calendar')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4} verticalSpacing={2} mt={4} component="dl" style={{ margin: 0 }}>
            {calendar.map(([label, value]) => (
              <Group key={label} gap={6} wrap="nowrap">
                <Text component="dt" size="sm" c="gray.7">
                  {label}:
                </Text>
                <Text component="dd" size="sm" m={0}>
                  {value ? <DateText value={value} /> : t('programs.year.noDate')}
                </Text>
              </Group>
            ))}
          </SimpleGrid>
        </div>
        <Cohort programId={program.id} year={y} />
        <Group gap="md">
          <Anchor component={Link} to={`/plans?programYearId=${y.id}`} size="sm">
            {t('programs.year.plans', { year: y.year })}
          </Anchor>
          <Anchor component={Link} to={`/grants?programYearId=${y.id}`} size="sm">
            {t('programs.year.grants', { year: y.year })}
          </Anchor>
        </Group>
        {manage && !y.readOnly && (
          <Group gap="xs">
            <Button variant="default" onClick={() => setEditing(true)} aria-label={t('programs.year.editAria', { year: y.year })}>
              {t('programs.year.edit')}
            </Button>
            {y.nextStatus && (
              <Button onClick={() => setMoving(true)}>{t('programs.year.moveTo', { status: t(`programs.yearStatus.${y.nextStatus}`) })}</Button>
            )}
          </Group>
        )}
      </Stack>
      {editing && (
        <YearFormModal
          title={t('programs.year.editTitle', { year: y.year })}
          year={y}
          onClose={() => setEditing(false)}
          onSubmit={async (values) => {
            await mutations.update.mutateAsync({ yearId: y.id, body: { version: y.version, ...yearBody(values, true) } as never });
            notify(t('programs.year.saved'));
            setEditing(false);
          }}
        />
      )}
      {moving && y.nextStatus && <MoveYearModal year={y} mutations={mutations} onClose={() => setMoving(false)} />}
    </Card>
  );
}

function Figure({ label, value, strong }: { label: string; value: React.ReactNode; strong?: boolean }) {
  return (
    <div>
      <Text size="xs" c="gray.7">
        {label}
      </Text>
      <Text fw={strong ? 700 : 600}>{value}</Text>
    </div>
  );
}

function MoveYearModal({ year: y, mutations, onClose }: { year: ProgramYear; mutations: Mutations; onClose(): void }) {
  const { t } = useI18n();
  const next = y.nextStatus as NonNullable<ProgramYear['nextStatus']>;
  const move = mutations.move;
  return (
    <Modal opened onClose={onClose} title={t('programs.year.moveTitle', { year: y.year })} centered>
      <Stack gap="sm">
        <Text size="sm">{t('programs.year.moveText', { from: t(`programs.yearStatus.${y.status}`), to: t(`programs.yearStatus.${next}`) })}</Text>
        {next === 'closed' && (
          <Alert color="orange" title={t('programs.year.closeWarnTitle')}>
            {t('programs.year.closeWarn')}
          </Alert>
        )}
        <ProblemAlert error={move.error} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={move.isPending}
            onClick={() =>
              move.mutate(
                { yearId: y.id, status: next },
                {
                  onSuccess: () => {
                    notify(t('programs.year.moved', { status: t(`programs.yearStatus.${next}`) }));
                    onClose();
                  },
                },
              )
            }
          >
            {t('programs.year.moveTo', { status: t(`programs.yearStatus.${next}`) })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function Cohort({ programId, year }: { programId: string; year: ProgramYear }) {
  const { t } = useI18n();
  const cohort = useCohort(programId, year.id);
  const items = cohort.data?.items ?? [];
  return (
    <div>
      <Text size="sm" fw={600}>
        {t('programs.cohort.title', { n: items.length })}
      </Text>
      {cohort.isPending ? (
        <Text size="sm">{t('common.loading')}</Text>
      ) : cohort.isError ? (
        <ProblemAlert error={cohort.error} />
      ) : items.length === 0 ? (
        <Text size="sm">{t('programs.cohort.empty')}</Text>
      ) : (
        <Stack gap={4} component="ul" mt={4} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {items.map((c) => (
            <Group key={c.partnershipId} component="li" gap="xs" wrap="wrap">
              <Anchor component={Link} to={`/partnerships/${c.partnershipId}`} size="sm">
                {c.school.name}
              </Anchor>
              <PartnershipStatusBadge status={c.status} size="sm" />
              {c.explicit && (
                <Text size="xs" c="gray.7">
                  {t('programs.cohort.explicit')}
                </Text>
              )}
            </Group>
          ))}
        </Stack>
      )}
    </div>
  );
}
