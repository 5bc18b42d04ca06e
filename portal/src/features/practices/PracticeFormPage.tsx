import { ActionIcon, Button, Card, Group, NativeSelect, Radio, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useFieldArray, useForm, type UseFormReturn } from 'react-hook-form';
import { useNavigate, useParams } from 'react-router';
import { TOPICS, type Topic } from '../../api/catalog';
import { toProblem } from '../../api/problem';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n';
import { BackLink } from '../../ui/back-link';
import { applyProblemToForm } from '../../ui/field-problems';
import { notify } from '../../ui/notify';
import { PageState, ProblemAlert } from '../../ui/problems';
import { SCHOOL_LEVELS, practiceCalls, practiceKeys, useCompletedPlans, usePractice, usePrefill, useSchoolEntries, type PracticeDetail, type PracticeDraft, type SchoolLevel } from './api';

interface PracticeValues {
  title: string;
  summary: string;
  topic: Topic | '';
  schoolLevel: SchoolLevel | '';
  whatWasDone: string;
  year: string;
  results: Array<{ indicator: string; value: string; unit: string }>;
}

type Source = { kind: 'fresh' } | { kind: 'plan'; planId: string; planProgramId: string } | { kind: 'entry'; entryId: string };

const empty = (level: SchoolLevel | ''): PracticeValues => ({ title: '', summary: '', topic: '', schoolLevel: level, whatWasDone: '', year: String(new Date().getFullYear()), results: [{ indicator: '', value: '', unit: '' }] });

function valuesOf(d: Pick<PracticeDraft, 'title' | 'summary' | 'topic' | 'schoolLevel' | 'whatWasDone' | 'year' | 'results'>): PracticeValues {
  return {
    title: d.title,
    summary: d.summary,
    topic: d.topic,
    schoolLevel: d.schoolLevel,
    whatWasDone: d.whatWasDone,
    year: String(d.year),
    results: d.results.length > 0 ? d.results.map((r) => ({ indicator: r.indicator, value: r.value, unit: r.unit ?? '' })) : [{ indicator: '', value: '', unit: '' }],
  };
}

function bodyOf(v: PracticeValues) {
  return {
    title: v.title,
    summary: v.summary,
    topic: v.topic as Topic,
    schoolLevel: v.schoolLevel as SchoolLevel,
    whatWasDone: v.whatWasDone,
    year: Number(v.year),
    results: v.results.filter((r) => r.indicator.trim() || r.value.trim()).map((r) => ({ indicator: r.indicator, value: r.value, ...(r.unit.trim() ? { unit: r.unit } : {}) })),
  };
}

/** /practices/new: the principal shares a practice of the school, fresh or from a completed plan program or a competition entry. */
export function NewPracticePage() {
  const { t } = useI18n();
  const { me } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<PracticeValues>({ defaultValues: empty('SD') });
  const [kind, setKind] = useState<Source['kind']>('fresh');
  const [planChoice, setPlanChoice] = useState('');
  const [entryChoice, setEntryChoice] = useState('');
  const [source, setSource] = useState<Source>({ kind: 'fresh' });
  const plans = useCompletedPlans(kind === 'plan');
  const entries = useSchoolEntries(me?.organization.id, kind === 'entry');
  const prefillSource = source.kind === 'plan' ? { planId: source.planId, planProgramId: source.planProgramId } : source.kind === 'entry' ? { entryId: source.entryId } : null;
  const prefill = usePrefill(prefillSource);
  const [problem, setProblem] = useState<unknown>(null);

  useEffect(() => {
    if (prefill.data) form.reset(valuesOf(prefill.data));
  }, [prefill.data]);

  const planOptions = (plans.data ?? []).flatMap((p) => p.programs.map((pr) => ({ value: `${p.id}|${pr.id}`, label: `${p.year} · ${pr.name ?? t(`common.topic.${pr.topic}`)}` })));
  const entryOptions = (entries.data ?? []).map((e) => ({ value: e.id, label: `${e.title} · ${e.competitionTitle}` }));

  const useSource = () => {
    if (kind === 'plan' && planChoice) {
      const [planId, planProgramId] = planChoice.split('|');
      setSource({ kind: 'plan', planId, planProgramId });
    } else if (kind === 'entry' && entryChoice) setSource({ kind: 'entry', entryId: entryChoice });
  };

  const onSubmit = async (v: PracticeValues) => {
    setProblem(null);
    try {
      const extra =
        source.kind === 'plan' ? { sourcePlanId: source.planId, sourcePlanProgramId: source.planProgramId } : source.kind === 'entry' ? { sourceEntryId: source.entryId } : {};
      const created = await practiceCalls.create({ ...bodyOf(v), ...extra });
      await queryClient.invalidateQueries({ queryKey: practiceKeys.all });
      notify(t('practices.share.saved', { title: created.title }));
      navigate(`/practices/${created.id}`);
    } catch (err) {
      setProblem(showProblem(form, err, t));
    }
  };

  return (
    <Stack gap="lg" maw={860}>
      <BackLink to="/practices">{t('practices.page.back')}</BackLink>
      <div>
        <Title order={1} id="share-title">
          {t('practices.share.title')}
        </Title>
        <Text c="gray.7">{t('practices.share.intro')}</Text>
      </div>
      <Card withBorder padding="md" radius="md" component="section" aria-labelledby="source-heading">
        <Title order={2} size="h4" id="source-heading" mb="xs">
          {t('practices.share.sourceTitle')}
        </Title>
        <Radio.Group value={kind} onChange={(v) => setKind(v as Source['kind'])} name="source" label={t('practices.share.sourceLabel')}>
          <Stack gap={6} mt={6}>
            <Radio value="fresh" label={t('practices.share.fresh')} />
            <Radio value="plan" label={t('practices.share.fromPlan')} />
            <Radio value="entry" label={t('practices.share.fromEntry')} />
          </Stack>
        </Radio.Group>
        {kind !== 'fresh' && (
          <Group align="flex-end" mt="sm" wrap="wrap" gap="sm">
            {kind === 'plan' ? (
              <NativeSelect
                label={t('practices.share.planProgram')}
                value={planChoice}
                onChange={(e) => setPlanChoice(e.currentTarget.value)}
                data={[{ value: '', label: plans.isPending ? t('common.loading') : planOptions.length ? t('practices.share.choosePlan') : t('practices.share.noPlans') }, ...planOptions]}
                style={{ flex: '1 1 20rem' }}
              />
            ) : (
              <NativeSelect
                label={t('practices.share.entry')}
                value={entryChoice}
                onChange={(e) => setEntryChoice(e.currentTarget.value)}
                data={[{ value: '', label: entries.isPending ? t('common.loading') : entryOptions.length ? t('practices.share.chooseEntry') : t('practices.share.noEntries') }, ...entryOptions]}
                style={{ flex: '1 1 20rem' }}
              />
            )}
            <Button variant="default" onClick={useSource} disabled={kind === 'plan' ? !planChoice : !entryChoice} loading={prefill.isFetching}>
              {t('practices.share.fill')}
            </Button>
          </Group>
        )}
        {prefill.isError && <ProblemAlert error={prefill.error} />}
        {prefill.data && source.kind !== 'fresh' && (
          <Text size="sm" c="teal.9" mt="sm" role="status">
            {t('practices.share.filled')}
          </Text>
        )}
      </Card>
      <PracticeFields form={form} labelledBy="share-title" problem={problem} submitLabel={t('practices.share.submit')} onSubmit={onSubmit} />
    </Stack>
  );
}

/** /practices/:id/edit: the principal changes a draft or returned practice. */
export function EditPracticePage() {
  const { id = '' } = useParams();
  const practice = usePractice(id);
  if (practice.isPending || practice.isError) return <PageState loading={practice.isPending} error={practice.error} />;
  return <EditForm practice={practice.data} />;
}

function EditForm({ practice }: { practice: PracticeDetail }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<PracticeValues>({ defaultValues: valuesOf(practice) });
  const [problem, setProblem] = useState<unknown>(null);
  const onSubmit = async (v: PracticeValues) => {
    setProblem(null);
    try {
      const saved = await practiceCalls.update(practice.id, { ...bodyOf(v), version: practice.version });
      queryClient.setQueryData(practiceKeys.one(practice.id), saved);
      await queryClient.invalidateQueries({ queryKey: ['practices', 'list'] });
      notify(t('practices.share.changed'));
      navigate(`/practices/${practice.id}`);
    } catch (err) {
      setProblem(showProblem(form, err, t));
    }
  };
  return (
    <Stack gap="lg" maw={860}>
      <BackLink to={`/practices/${practice.id}`}>{t('practices.share.backToPractice')}</BackLink>
      <Title order={1} id="edit-title">
        {t('practices.share.editTitle')}
      </Title>
      <PracticeFields form={form} labelledBy="edit-title" problem={problem} submitLabel={t('common.save')} onSubmit={onSubmit} />
    </Stack>
  );
}

/** Puts the server's field problems on the fields; returns what remains for the form's alert. */
function showProblem(form: UseFormReturn<PracticeValues>, err: unknown, t: (key: string) => string): unknown {
  const labels = fieldLabels(t);
  const rest = applyProblemToForm(form, err, { label: (name) => labels[name.split('.').pop() ?? name] ?? labels[name] });
  return toProblem(err).code === 'validation_failed' && rest.length === 0 ? null : err;
}

function fieldLabels(t: (key: string) => string): Record<string, string> {
  return {
    title: t('practices.fields.title'),
    summary: t('practices.fields.summary'),
    topic: t('practices.fields.topic'),
    schoolLevel: t('practices.fields.schoolLevel'),
    whatWasDone: t('practices.fields.whatWasDone'),
    year: t('practices.fields.year'),
    results: t('practices.fields.results'),
    indicator: t('practices.fields.indicator'),
    value: t('practices.fields.value'),
    unit: t('practices.fields.unit'),
  };
}

function PracticeFields({ form, labelledBy, problem, submitLabel, onSubmit }: { form: UseFormReturn<PracticeValues>; labelledBy: string; problem: unknown; submitLabel: string; onSubmit(v: PracticeValues): Promise<void> }) {
  const { t } = useI18n();
  const labels = fieldLabels(t);
  const results = useFieldArray({ control: form.control, name: 'results' });
  const errors = form.formState.errors;
  const required = (name: string) => ({ required: t('practices.form.required', { label: labels[name] }) });
  return (
    <form noValidate aria-labelledby={labelledBy} onSubmit={(e) => void form.handleSubmit(onSubmit)(e)}>
      <Stack gap="md">
        <TextInput label={labels.title} withAsterisk maxLength={200} {...form.register('title', required('title'))} error={errors.title?.message} />
        <Textarea label={labels.summary} withAsterisk description={t('practices.form.summaryHint')} autosize minRows={2} maxLength={1000} {...form.register('summary', required('summary'))} error={errors.summary?.message} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <NativeSelect
            label={labels.topic}
            withAsterisk
            data={[{ value: '', label: t('practices.form.chooseTopic') }, ...TOPICS.map((c) => ({ value: c, label: t(`common.topic.${c}`) }))]}
            {...form.register('topic', required('topic'))}
            error={errors.topic?.message}
          />
          <NativeSelect label={labels.schoolLevel} withAsterisk data={SCHOOL_LEVELS.map((l) => ({ value: l, label: l }))} {...form.register('schoolLevel', required('schoolLevel'))} error={errors.schoolLevel?.message} />
          <TextInput label={labels.year} withAsterisk inputMode="numeric" maxLength={4} {...form.register('year', required('year'))} error={errors.year?.message} />
        </SimpleGrid>
        <Textarea label={labels.whatWasDone} withAsterisk description={t('practices.form.whatWasDoneHint')} autosize minRows={4} maxLength={8000} {...form.register('whatWasDone', required('whatWasDone'))} error={errors.whatWasDone?.message} />
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend>
            <Text fw={600}>{labels.results}</Text>
          </legend>
          <Text size="sm" c="gray.7" mb="xs">
            {t('practices.form.resultsHint')}
          </Text>
          {errors.results?.message && (
            <Text size="sm" c="red.8" role="alert">
              {errors.results.message}
            </Text>
          )}
          <Stack gap="xs">
            {results.fields.map((f, i) => (
              <Group key={f.id} align="flex-end" gap="xs" wrap="wrap">
                <TextInput label={t('practices.form.indicatorN', { n: i + 1 })} style={{ flex: '3 1 16rem' }} maxLength={200} {...form.register(`results.${i}.indicator`)} error={errors.results?.[i]?.indicator?.message} />
                <TextInput label={t('practices.form.valueN', { n: i + 1 })} style={{ flex: '1 1 6rem' }} maxLength={40} {...form.register(`results.${i}.value`)} error={errors.results?.[i]?.value?.message} />
                <TextInput label={t('practices.form.unitN', { n: i + 1 })} style={{ flex: '1 1 6rem' }} maxLength={30} {...form.register(`results.${i}.unit`)} error={errors.results?.[i]?.unit?.message} />
                <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('practices.form.removeResult', { n: i + 1 })} onClick={() => results.remove(i)}>
                  <IconTrash size={18} aria-hidden="true" />
                </ActionIcon>
              </Group>
            ))}
          </Stack>
          <Button variant="subtle" mt="xs" leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => results.append({ indicator: '', value: '', unit: '' })} disabled={results.fields.length >= 12}>
            {t('practices.form.addResult')}
          </Button>
        </fieldset>
        {problem !== null && <ProblemAlert error={problem} />}
        <Group>
          <Button type="submit" loading={form.formState.isSubmitting}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
