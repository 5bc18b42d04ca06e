import { Alert, Button, Checkbox, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useNavigate, useSearchParams } from 'react-router';
import { toProblem } from '../../api/problem';
import { useI18n } from '../../i18n';
import { BackLink } from '../../ui/back-link';
import { applyProblemToForm } from '../../ui/field-problems';
import { formatRupiah } from '../../ui/format';
import { Money, MoneyInput } from '../../ui/money';
import { notify } from '../../ui/notify';
import { PageState, ProblemAlert } from '../../ui/problems';
import { grantCalls, grantKeys, usePartnerships, usePlan, useProgramYears, useYearPlans, type ProgramYear } from './api';
import { conditionsOf, READABLE_ERRORS } from './grant-form';

interface AwardValues {
  partnershipId: string;
  programYearId: string;
  fundedBudgetLineIds: string[];
  awardedAmount: string;
  conditions: string;
  requireReportBeforeNextTranche: boolean;
}

/** Plan statuses a grant can fund (the API checks; this only explains an empty choice). */
const APPROVED = ['approved', 'in_progress', 'completed'];

/** /grants/new: the CSR officer awards a school's stimulus grant for a program year. */
export function NewGrantPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const [problem, setProblem] = useState<unknown>(null);
  const form = useForm<AwardValues>({
    defaultValues: { partnershipId: params.get('partnershipId') ?? '', programYearId: params.get('programYearId') ?? '', fundedBudgetLineIds: [], awardedAmount: '', conditions: '', requireReportBeforeNextTranche: false },
  });
  const partnershipId = form.watch('partnershipId');
  const programYearId = form.watch('programYearId');

  const partnerships = usePartnerships();
  const allPartnerships = partnerships.data?.pages.flatMap((p) => p.items) ?? [];
  const partnership = allPartnerships.find((p) => p.id === partnershipId) ?? null;
  const years = useProgramYears(partnership?.program.id ?? null);
  // The year as the API gives it to the company: its envelope, what live grants take and the room left.
  const year = years.data?.items.find((y) => y.id === programYearId) ?? null;
  const plans = useYearPlans(programYearId || null, partnership?.school.id ?? null);
  const planSummary = plans.data?.items.find((p) => p.partnershipId === partnershipId) ?? plans.data?.items[0] ?? null;
  const plan = usePlan(planSummary?.id ?? null);
  const grantLines = (plan.data?.content.programs ?? []).flatMap((p) => p.budgetLines.filter((b) => b.fundingSource === 'stimulus_grant').map((b) => ({ ...b, programName: p.name })));

  // A new plan: every line it funds from the stimulus grant is ticked, as most grants fund them all.
  const planId = plan.data?.id;
  useEffect(() => {
    if (planId) form.setValue('fundedBudgetLineIds', grantLines.map((b) => b.id));
  }, [planId]);

  // The year list belongs to the partnership's program: a year of another program is dropped.
  const yearIds = years.data?.items.map((y) => y.id);
  useEffect(() => {
    if (yearIds && programYearId && !yearIds.includes(programYearId)) form.setValue('programYearId', '');
  }, [yearIds?.join(',')]);

  const labels: Record<string, string> = {
    partnershipId: t('grants.award.partnership'),
    programYearId: t('grants.award.year'),
    fundedBudgetLineIds: t('grants.award.lines'),
    awardedAmount: t('grants.award.amount'),
    conditions: t('grants.award.conditions'),
  };

  const onSubmit = async (v: AwardValues) => {
    setProblem(null);
    if (!planSummary) {
      form.setError('programYearId', { message: t('grants.award.noPlan') });
      return;
    }
    try {
      const created = await grantCalls.award({
        planId: planSummary.id,
        awardedAmount: v.awardedAmount,
        fundedBudgetLineIds: v.fundedBudgetLineIds,
        conditions: conditionsOf(v.conditions),
        requireReportBeforeNextTranche: v.requireReportBeforeNextTranche,
      });
      await queryClient.invalidateQueries({ queryKey: grantKeys.all });
      await queryClient.invalidateQueries({ queryKey: ['programs'] });
      notify(t('grants.award.done', { school: created.school.name, amount: formatRupiah(created.awardedAmount, lang) }));
      navigate(`/grants/${created.id}`);
    } catch (err) {
      // The envelope may have moved since it was read: show what is left now.
      void years.refetch();
      const rest = applyProblemToForm(form, err, {
        toFormName: (f) => (f === 'planId' ? 'programYearId' : f.startsWith('fundedBudgetLineIds') ? 'fundedBudgetLineIds' : f.startsWith('conditions') ? 'conditions' : f in labels ? f : null),
        label: (name) => labels[name],
      });
      setProblem(toProblem(err).fields.length > 0 && rest.length === 0 && toProblem(err).code === 'validation_failed' ? null : err);
    }
  };

  if (partnerships.isPending || partnerships.isError) return <PageState loading={partnerships.isPending} error={partnerships.error} />;

  const yearOptions = (years.data?.items ?? [])
    .slice()
    .sort((a, b) => b.year - a.year)
    .map((y) => ({ value: y.id, label: `${y.year} · ${y.theme}${y.readOnly ? ` (${t('grants.award.closedYear')})` : ''}` }));

  return (
    <Stack gap="lg" maw={860}>
      <BackLink to="/grants">{t('grants.award.back')}</BackLink>
      <div>
        <Title order={1} id="award-title">
          {t('grants.award.title')}
        </Title>
        <Text c="gray.7">{t('grants.award.intro')}</Text>
      </div>
      <form noValidate aria-labelledby="award-title" onSubmit={(e) => void form.handleSubmit(onSubmit)(e)} style={READABLE_ERRORS}>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NativeSelect
              label={labels.partnershipId}
              withAsterisk
              data={[{ value: '', label: t('grants.award.choosePartnership') }, ...allPartnerships.map((p) => ({ value: p.id, label: `${p.school.name} · ${p.program.name}` }))]}
              {...form.register('partnershipId', { required: t('grants.award.required', { label: labels.partnershipId }) })}
              error={form.formState.errors.partnershipId?.message}
            />
            <NativeSelect
              label={labels.programYearId}
              withAsterisk
              disabled={!partnership}
              description={!partnership ? t('grants.award.yearAfterPartnership') : undefined}
              data={[{ value: '', label: t('grants.award.chooseYear') }, ...yearOptions]}
              {...form.register('programYearId', { required: t('grants.award.required', { label: labels.programYearId }) })}
              error={form.formState.errors.programYearId?.message}
            />
          </SimpleGrid>

          {programYearId && partnership && <EnvelopeBox year={year} programName={partnership.program.name} loading={years.isPending} error={years.error} />}

          {partnership && programYearId && (
            <section aria-labelledby="award-plan">
              <Title order={2} size="h4" id="award-plan" mb={6}>
                {t('grants.award.purpose')}
              </Title>
              {plans.isPending ? (
                <PageState loading />
              ) : !planSummary ? (
                <Alert color="orange" title={t('grants.award.noPlanTitle')}>
                  {t('grants.award.noPlan')}
                </Alert>
              ) : (
                <Stack gap="xs">
                  <Text>
                    {planSummary.title} · <Text span c="gray.7">{t(`grants.award.planStatus.${APPROVED.includes(planSummary.status) ? 'approved' : 'notApproved'}`)}</Text>
                  </Text>
                  {!APPROVED.includes(planSummary.status) && (
                    <Alert color="orange" title={t('grants.award.planNotApprovedTitle')}>
                      {t('grants.award.planNotApproved')}
                    </Alert>
                  )}
                  {plan.data && (
                    <Controller
                      control={form.control}
                      name="fundedBudgetLineIds"
                      rules={{ validate: (v) => v.length > 0 || t('grants.award.linesRequired') }}
                      render={({ field, fieldState }) => (
                        <Checkbox.Group label={labels.fundedBudgetLineIds} description={t('grants.award.linesHint')} withAsterisk value={field.value} onChange={field.onChange} error={fieldState.error?.message}>
                          <Stack gap={6} mt={6}>
                            {grantLines.length === 0 && <Text size="sm">{t('grants.award.noLines')}</Text>}
                            {grantLines.map((b) => (
                              <Checkbox key={b.id} value={b.id} label={`${b.item} · ${formatRupiah(b.total, lang)}${b.programName ? ` (${b.programName})` : ''}`} />
                            ))}
                          </Stack>
                        </Checkbox.Group>
                      )}
                    />
                  )}
                  {plan.data && (
                    <Text size="sm" c="gray.7">
                      {t('grants.award.planStimulus', { amount: formatRupiah(plan.data.stimulusGrantTotal, lang) })}
                    </Text>
                  )}
                </Stack>
              )}
            </section>
          )}

          <Controller
            control={form.control}
            name="awardedAmount"
            rules={{ validate: (v) => /^[1-9]\d*$/.test(v) || t('grants.award.amountInvalid') }}
            render={({ field, fieldState }) => (
              <MoneyInput
                ref={field.ref}
                name={field.name}
                label={labels.awardedAmount}
                withAsterisk
                maw={320}
                description={year?.budgetRemaining ? t('grants.award.amountHint', { room: formatRupiah(year.budgetRemaining, lang) }) : undefined}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={fieldState.error?.message}
              />
            )}
          />
          <Textarea label={labels.conditions} description={t('grants.award.conditionsHint')} autosize minRows={3} {...form.register('conditions')} error={form.formState.errors.conditions?.message} />
          <Checkbox label={t('grants.award.reportFirst')} description={t('grants.award.reportFirstHint')} {...form.register('requireReportBeforeNextTranche')} />

          {problem !== null && <ProblemAlert error={problem} />}
          {toProblem(problem).fields.some((f) => f.field === 'awardedAmount') && <Text size="sm">{t('grants.award.overWhatToDo')}</Text>}

          <Group>
            <Button type="submit" loading={form.formState.isSubmitting}>
              {t('grants.award.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

/** The year's envelope, what its grants already take, and the room left for this award. */
function EnvelopeBox({ year, programName, loading, error }: { year: ProgramYear | null; programName: string; loading: boolean; error: unknown }) {
  const { t } = useI18n();
  if (!year) return loading ? <PageState loading /> : <ProblemAlert error={error} />;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={t('grants.envelope.title')}>
      <Text fw={600} mb={6}>
        {t('grants.envelope.title')} · {year.year} · {programName}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <div>
          <Text size="sm" c="gray.7">
            {t('grants.envelope.envelope')}
          </Text>
          <Text fw={600}>
            <Money value={year.budgetEnvelope} />
          </Text>
        </div>
        <div>
          <Text size="sm" c="gray.7">
            {t('grants.envelope.committed')}
          </Text>
          <Text fw={600}>
            <Money value={year.grantsCommitted} />
          </Text>
        </div>
        <div>
          <Text size="sm" c="gray.7">
            {t('grants.envelope.roomLeft')}
          </Text>
          <Text fw={700} size="lg" c="teal.9">
            <Money value={year.budgetRemaining} />
          </Text>
        </div>
      </SimpleGrid>
      {year.readOnly && (
        <Alert color="orange" mt="sm" title={t('grants.envelope.closedTitle')}>
          {t('grants.envelope.closed')}
        </Alert>
      )}
    </Paper>
  );
}
