import { Button, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type CSSProperties } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useNavigate, useSearchParams } from 'react-router';
import { toProblem, type FieldProblem } from '../../api/problem';
import { useI18n } from '../../i18n';
import { BackLink } from '../../ui/back-link';
import { applyProblemToForm } from '../../ui/field-problems';
import { notify } from '../../ui/notify';
import { PageState, ProblemAlert } from '../../ui/problems';
import { assignmentCalls, assignmentKeys, useCandidates, useProgramYears } from './api';

interface Values {
  programYearId: string;
  facilitatorUserId: string;
  schoolId: string;
  plannedSessions: number | string;
  plannedHours: number | string;
}

/** /mentoring/assignments/new?programYearId=…: the CSR officer assigns a facilitator to a partner school for a year. */
export function AssignPage() {
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const years = useProgramYears();
  const form = useForm<Values>({ defaultValues: { programYearId: params.get('programYearId') ?? '', facilitatorUserId: params.get('facilitatorUserId') ?? '', schoolId: params.get('schoolId') ?? '', plannedSessions: 12, plannedHours: 30 } });
  const yearId = form.watch('programYearId');
  const candidates = useCandidates(yearId || null);
  const [refusal, setRefusal] = useState<{ error: unknown; extra: FieldProblem[] } | null>(null);
  const labels: Record<string, string> = {
    programYearId: t('mentoring.assignments.year'),
    facilitatorUserId: t('mentoring.assign.facilitator'),
    schoolId: t('mentoring.assign.school'),
    plannedSessions: t('mentoring.assign.sessions'),
    plannedHours: t('mentoring.assign.hours'),
  };
  const create = useMutation({
    mutationFn: (v: Values) =>
      assignmentCalls.create({ programYearId: v.programYearId, facilitatorUserId: v.facilitatorUserId, schoolId: v.schoolId, plannedSessions: Number(v.plannedSessions), plannedHours: Number(v.plannedHours) }),
    onSuccess: (a) => {
      void queryClient.invalidateQueries({ queryKey: assignmentKeys.all });
      notify(t('mentoring.assign.done', { facilitator: a.facilitator.fullName ?? '', school: a.school.name }));
      void navigate(`/mentoring/assignments/${a.id}`);
    },
    onError: (err) => {
      const rest = applyProblemToForm(form, err, { label: (n) => labels[n] });
      setRefusal(toProblem(err).fields.length > 0 && rest.length === 0 ? null : { error: err, extra: rest });
    },
  });
  if (years.isPending || years.isError) return <PageState loading={years.isPending} error={years.error} />;
  const open = years.data.filter((y) => y.status !== 'closed');
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <BackLink to={yearId ? `/mentoring?programYearId=${yearId}` : '/mentoring'}>{t('mentoring.assign.back')}</BackLink>
        <Title order={1}>{t('mentoring.assign.title')}</Title>
        <Text c="gray.7">{t('mentoring.assign.intro')}</Text>
      </Stack>
      <form
        noValidate
        style={{ '--mantine-color-error': 'var(--mantine-color-red-9)', maxWidth: 640 } as CSSProperties}
        onSubmit={(e) => {
          setRefusal(null);
          void form.handleSubmit((v) => create.mutate(v))(e);
        }}
      >
        <Stack gap="md">
          <NativeSelect
            label={labels.programYearId}
            withAsterisk
            data={[{ value: '', label: t('mentoring.assign.chooseYear') }, ...open.map((y) => ({ value: y.id, label: `${y.programName} · ${y.year}` }))]}
            {...form.register('programYearId', {
              required: t('mentoring.assign.yearRequired'),
              onChange: (e: { target: { value: string } }) => {
                form.setValue('facilitatorUserId', '');
                form.setValue('schoolId', '');
                const next = new URLSearchParams(params);
                if (e.target.value) next.set('programYearId', e.target.value);
                else next.delete('programYearId');
                setParams(next, { replace: true });
              },
            })}
            error={form.formState.errors.programYearId?.message}
          />
          {yearId && candidates.isError && <ProblemAlert error={candidates.error} />}
          <NativeSelect
            label={labels.facilitatorUserId}
            withAsterisk
            disabled={!candidates.data}
            data={[{ value: '', label: t('mentoring.assign.chooseFacilitator') }, ...(candidates.data?.facilitators ?? []).map((f) => ({ value: f.id, label: `${f.fullName} · ${f.organization.name}` }))]}
            {...form.register('facilitatorUserId', { required: t('mentoring.assign.facilitatorRequired') })}
            error={form.formState.errors.facilitatorUserId?.message}
          />
          <NativeSelect
            label={labels.schoolId}
            withAsterisk
            disabled={!candidates.data}
            description={t('mentoring.assign.schoolHint')}
            data={[{ value: '', label: t('mentoring.assign.chooseSchool') }, ...(candidates.data?.schools ?? []).map((s) => ({ value: s.id, label: s.name }))]}
            {...form.register('schoolId', { required: t('mentoring.assign.schoolRequired') })}
            error={form.formState.errors.schoolId?.message}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            <Controller
              control={form.control}
              name="plannedSessions"
              rules={{ validate: (v) => (v !== '' && Number(v) >= 0) || t('mentoring.assign.numberRequired') }}
              render={({ field, fieldState }) => (
                <NumberInput label={labels.plannedSessions} withAsterisk min={0} max={1000} allowDecimal={false} {...field} error={fieldState.error?.message} />
              )}
            />
            <Controller
              control={form.control}
              name="plannedHours"
              rules={{ validate: (v) => (v !== '' && Number(v) >= 0) || t('mentoring.assign.numberRequired') }}
              render={({ field, fieldState }) => (
                <NumberInput label={labels.plannedHours} withAsterisk min={0} max={10000} decimalScale={2} decimalSeparator={lang === 'id' ? ',' : '.'} {...field} error={fieldState.error?.message} />
              )}
            />
          </SimpleGrid>
          {refusal && <ProblemAlert error={refusal.error} extra={refusal.extra} />}
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('mentoring.assign.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
