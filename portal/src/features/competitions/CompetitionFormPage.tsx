import { ActionIcon, Alert, Button, Card, Fieldset, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconDeviceFloppy, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useFieldArray, useForm, type UseFormReturn } from 'react-hook-form';
import { Link, useNavigate, useParams } from 'react-router';
import { fieldPathToFormName, toProblem, type FieldProblem } from '../../api/problem';
import { useI18n } from '../../i18n';
import { ConflictAlert } from '../../ui/conflict-alert';
import { BackLink } from '../../ui/back-link';
import { clearDraft, loadDraft, useDraftAutosave } from '../../ui/drafts';
import { applyProblemToForm } from '../../ui/field-problems';
import { notify } from '../../ui/notify';
import { PageState, ProblemAlert } from '../../ui/problems';
import { competitionKey, fetchCompetition, useCompetition, useCreateCompetition, usePrograms, useProgramYearsOf, useUpdateCompetition, type CompetitionDetail } from './api';
import { blankCompetition, competitionBody, competitionValues, weightTotal, type CompetitionValues } from './competition-form';

/** What a person calls each field of the form, by its form name. */
function useLabels() {
  const { t } = useI18n();
  const fixed: Record<string, string> = {
    programId: t('competitions.form.program'),
    programYearId: t('competitions.form.programYear'),
    title: t('competitions.form.title'),
    level: t('competitions.form.level'),
    minJudgesPerEntry: t('competitions.form.minJudges'),
    entriesOpenAt: t('competitions.form.entriesOpenAt'),
    entriesCloseAt: t('competitions.form.entriesCloseAt'),
    judgingEndsAt: t('competitions.form.judgingEndsAt'),
    categories: t('competitions.form.categories'),
    criteria: t('competitions.form.rubric'),
  };
  return (name: string): string | undefined => {
    if (name in fixed) return fixed[name];
    const category = /^categories\.(\d+)\.name$/.exec(name);
    if (category) return t('competitions.form.categoryN', { n: Number(category[1]) + 1 });
    const criterion = /^criteria\.(\d+)\.(name|description|weight|maxScore)$/.exec(name);
    if (criterion) return t(`competitions.form.criterion.${criterion[2]}N`, { n: Number(criterion[1]) + 1 });
    return undefined;
  };
}

/** Puts the API's field problems on the form; the weights' total (field `criteria`) goes under the rubric. */
function applyCompetitionProblem(form: UseFormReturn<CompetitionValues>, err: unknown, labelOf: (name: string) => string | undefined): FieldProblem[] {
  return applyProblemToForm(form, err, {
    label: labelOf,
    toFormName: (apiField) => {
      const name = fieldPathToFormName(apiField);
      return labelOf(name) === undefined ? null : name;
    },
  });
}

/** The running total of the weights as the person types, and the API's refusal of the rubric. */
function WeightTotal({ form }: { form: UseFormReturn<CompetitionValues> }) {
  const { t, lang } = useI18n();
  const weights = form.watch('criteria').map((c) => c.weight);
  const total = weightTotal(weights);
  const ok = Math.abs(total - 100) < 0.001;
  const formatted = new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 2 }).format(total);
  const error = form.formState.errors.criteria?.message ?? form.formState.errors.criteria?.root?.message;
  return (
    <Stack gap={4}>
      <Text id="weight-total" aria-live="polite" fw={600} c={ok ? 'teal.9' : 'red.9'}>
        {t(ok ? 'competitions.form.weightTotalOk' : 'competitions.form.weightTotal', { total: formatted })}
      </Text>
      {error && (
        <Text role="alert" size="sm" c="red.9">
          {error}
        </Text>
      )}
    </Stack>
  );
}

function CompetitionFields({ form, fixedYear }: { form: UseFormReturn<CompetitionValues>; fixedYear?: CompetitionDetail }) {
  const { t } = useI18n();
  const labelOf = useLabels();
  const label = (name: string) => labelOf(name) ?? name;
  const { errors } = form.formState;
  const categories = useFieldArray({ control: form.control, name: 'categories' });
  const criteria = useFieldArray({ control: form.control, name: 'criteria' });
  const programs = usePrograms();
  const programId = form.watch('programId');
  const years = useProgramYearsOf(fixedYear ? '' : programId);

  return (
    <Stack gap="md">
      <Card withBorder padding="lg" component="section" aria-labelledby="form-general">
        <Title order={2} size="h4" id="form-general" mb="sm">
          {t('competitions.form.general')}
        </Title>
        <Stack gap="sm">
          {fixedYear ? (
            <Text size="sm">
              {t('competitions.programYear', { program: fixedYear.program.name, year: fixedYear.programYear.year })}
            </Text>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect
                label={label('programId')}
                required
                {...form.register('programId', { onChange: () => form.setValue('programYearId', '') })}
                error={errors.programId?.message}
                data={[{ value: '', label: t('competitions.form.chooseProgram'), disabled: true }, ...(programs.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))]}
              />
              <NativeSelect
                label={label('programYearId')}
                required
                disabled={!programId}
                {...form.register('programYearId')}
                error={errors.programYearId?.message}
                data={[
                  { value: '', label: t('competitions.form.chooseYear'), disabled: true },
                  ...(years.data?.items ?? []).map((y) => ({ value: y.id, label: y.theme ? `${y.year} · ${y.theme}` : String(y.year) })),
                ]}
              />
            </SimpleGrid>
          )}
          <TextInput label={label('title')} required maxLength={200} {...form.register('title')} error={errors.title?.message} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={label('level')}
              {...form.register('level')}
              error={errors.level?.message}
              data={[
                { value: 'national', label: t('competitions.level.national') },
                { value: 'regional', label: t('competitions.level.regional') },
              ]}
            />
            <TextInput label={label('minJudgesPerEntry')} description={t('competitions.form.minJudgesHint')} inputMode="numeric" {...form.register('minJudgesPerEntry')} error={errors.minJudgesPerEntry?.message} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput type="datetime-local" label={label('entriesOpenAt')} required {...form.register('entriesOpenAt')} error={errors.entriesOpenAt?.message} />
            <TextInput type="datetime-local" label={label('entriesCloseAt')} required {...form.register('entriesCloseAt')} error={errors.entriesCloseAt?.message} />
            <TextInput type="datetime-local" label={label('judgingEndsAt')} required {...form.register('judgingEndsAt')} error={errors.judgingEndsAt?.message} />
          </SimpleGrid>
        </Stack>
      </Card>

      <Fieldset legend={label('categories')} variant="filled">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('competitions.form.categoriesHint')}
          </Text>
          {categories.fields.map((f, i) => (
            <Group key={f.id} align="flex-start" wrap="nowrap" gap="xs">
              <TextInput style={{ flex: 1 }} label={label(`categories.${i}.name`)} maxLength={120} {...form.register(`categories.${i}.name`)} error={errors.categories?.[i]?.name?.message} />
              <ActionIcon variant="subtle" color="red" size="lg" mt={26} aria-label={t('competitions.form.removeCategory', { n: i + 1 })} disabled={categories.fields.length === 1} onClick={() => categories.remove(i)}>
                <IconTrash size={18} />
              </ActionIcon>
            </Group>
          ))}
          {errors.categories?.message && (
            <Text role="alert" size="sm" c="red.9">
              {errors.categories.message}
            </Text>
          )}
          <Group>
            <Button variant="light" leftSection={<IconPlus size={18} />} onClick={() => categories.append({ name: '' })}>
              {t('competitions.form.addCategory')}
            </Button>
          </Group>
        </Stack>
      </Fieldset>

      <Fieldset legend={label('criteria')} variant="filled" aria-describedby="weight-total">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('competitions.form.rubricHint')}
          </Text>
          {criteria.fields.map((f, i) => (
            <Card key={f.id} withBorder padding="sm" component="section" aria-label={t('competitions.form.criterionN', { n: i + 1 })}>
              <Group align="flex-start" wrap="nowrap" gap="xs">
                <Stack gap="xs" style={{ flex: 1, minWidth: 0 }}>
                  <TextInput label={label(`criteria.${i}.name`)} maxLength={120} {...form.register(`criteria.${i}.name`)} error={errors.criteria?.[i]?.name?.message} />
                  <Textarea label={label(`criteria.${i}.description`)} autosize minRows={1} maxRows={6} {...form.register(`criteria.${i}.description`)} error={errors.criteria?.[i]?.description?.message} />
                  <SimpleGrid cols={2} spacing="xs">
                    <TextInput
                      label={label(`criteria.${i}.weight`)}
                      inputMode="decimal"
                      rightSection={<Text size="sm" aria-hidden="true">%</Text>}
                      {...form.register(`criteria.${i}.weight`)}
                      error={errors.criteria?.[i]?.weight?.message}
                    />
                    <TextInput label={label(`criteria.${i}.maxScore`)} inputMode="numeric" {...form.register(`criteria.${i}.maxScore`)} error={errors.criteria?.[i]?.maxScore?.message} />
                  </SimpleGrid>
                </Stack>
                <ActionIcon variant="subtle" color="red" size="lg" mt={26} aria-label={t('competitions.form.removeCriterion', { n: i + 1 })} disabled={criteria.fields.length === 1} onClick={() => criteria.remove(i)}>
                  <IconTrash size={18} />
                </ActionIcon>
              </Group>
            </Card>
          ))}
          <WeightTotal form={form} />
          <Group>
            <Button variant="light" leftSection={<IconPlus size={18} />} onClick={() => criteria.append({ name: '', description: '', weight: '', maxScore: '' })}>
              {t('competitions.form.addCriterion')}
            </Button>
          </Group>
        </Stack>
      </Fieldset>
    </Stack>
  );
}

const NEW_DRAFT = 'competitions.new';

/** A new competition of one of the company's program years; it starts as a draft. */
export function NewCompetitionPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const create = useCreateCompetition();
  const labelOf = useLabels();
  const [restored, setRestored] = useState(() => loadDraft<CompetitionValues>(NEW_DRAFT));
  const [sent, setSent] = useState(false);
  const [problem, setProblem] = useState<{ error: unknown; rest: FieldProblem[] } | null>(null);
  const form = useForm<CompetitionValues>({ defaultValues: restored ?? blankCompetition() });
  useDraftAutosave(NEW_DRAFT, form.watch(), !sent);

  const onSubmit = form.handleSubmit(async (values) => {
    setProblem(null);
    try {
      const c = await create.mutateAsync({ programYearId: values.programYearId, ...competitionBody(values) });
      setSent(true);
      clearDraft(NEW_DRAFT);
      notify(t('competitions.form.created'));
      void navigate(`/competitions/${c.id}`, { replace: true });
    } catch (err) {
      setProblem({ error: err, rest: applyCompetitionProblem(form, err, labelOf) });
    }
  });

  return (
    <Stack gap="lg">
      <BackLink to="/competitions">{t('competitions.detail.back')}</BackLink>
      <div>
        <Title order={1}>{t('competitions.form.newTitle')}</Title>
        <Text c="dimmed">{t('competitions.form.newIntro')}</Text>
      </div>
      <form
        onSubmit={(e) => {
          form.clearErrors();
          void onSubmit(e);
        }}
        noValidate
      >
        <Stack gap="md">
          {restored && (
            <Alert color="blue" icon={<IconDeviceFloppy size={18} />}>
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Text size="sm">{t('common.draftRestored')}</Text>
                <Button
                  size="xs"
                  variant="subtle"
                  onClick={() => {
                    clearDraft(NEW_DRAFT);
                    form.reset(blankCompetition());
                    setRestored(null);
                  }}
                >
                  {t('competitions.entry.discardDraft')}
                </Button>
              </Group>
            </Alert>
          )}
          <CompetitionFields form={form} />
          {problem && (problem.rest.length > 0 || toProblem(problem.error).fields.length === 0) && <ProblemAlert error={problem.error} extra={problem.rest} />}
          <Group justify="flex-end">
            <Button variant="default" component={Link} to="/competitions">
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.formState.isSubmitting}>
              {t('competitions.form.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

function EditForm({ competition }: { competition: CompetitionDetail }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const update = useUpdateCompetition(competition.id);
  const labelOf = useLabels();
  const [version, setVersion] = useState(competition.version);
  const [problem, setProblem] = useState<{ error: unknown; rest: FieldProblem[] } | null>(null);
  // On a conflict the newer competition is shown; what this person typed is kept aside to apply again.
  const [mine, setMine] = useState<CompetitionValues | null>(null);
  const form = useForm<CompetitionValues>({ defaultValues: competitionValues(competition) });

  const onSubmit = form.handleSubmit(async (values) => {
    setProblem(null);
    try {
      await update.mutateAsync({ version, ...competitionBody(values) });
      setMine(null);
      notify(t('competitions.form.saved'));
      void navigate(`/competitions/${competition.id}`);
    } catch (err) {
      if (toProblem(err).isConflict) {
        const fresh = await queryClient.fetchQuery({ queryKey: competitionKey(competition.id), queryFn: () => fetchCompetition(competition.id), staleTime: 0 }).catch(() => null);
        setMine(values);
        if (fresh) {
          setVersion(fresh.version);
          form.reset(competitionValues(fresh));
        }
        setProblem({ error: err, rest: [] });
        return;
      }
      setProblem({ error: err, rest: applyCompetitionProblem(form, err, labelOf) });
    }
  });

  return (
    <form
      onSubmit={(e) => {
        form.clearErrors();
        void onSubmit(e);
      }}
      noValidate
    >
      <Stack gap="md">
        {mine && (
          <ConflictAlert
            onReapply={() => {
              form.reset(mine);
              setMine(null);
              setProblem(null);
            }}
          />
        )}
        <CompetitionFields form={form} fixedYear={competition} />
        {problem && !mine && (problem.rest.length > 0 || toProblem(problem.error).fields.length === 0) && <ProblemAlert error={problem.error} extra={problem.rest} />}
        <Group justify="flex-end">
          <Button variant="default" component={Link} to={`/competitions/${competition.id}`}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.formState.isSubmitting}>
            {t('competitions.entry.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Changes a draft competition (title, level, dates, categories, rubric). */
export function EditCompetitionPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const competition = useCompetition(id);
  if (competition.isPending) return <PageState loading />;
  if (competition.isError) return <PageState error={competition.error} />;
  const c = competition.data;
  return (
    <Stack gap="lg">
      <BackLink to={`/competitions/${c.id}`}>{t('competitions.entry.backToCompetition')}</BackLink>
      <div>
        <Title order={1}>{t('competitions.form.editTitle')}</Title>
        <Text c="dimmed">{c.title}</Text>
      </div>
      {c.phase === 'draft' ? (
        <EditForm competition={c} />
      ) : (
        <Alert color="gray" title={t('competitions.form.lockedTitle')}>
          {t('competitions.form.locked', { phase: t(`competitions.phase.${c.phase}`) })}
        </Alert>
      )}
    </Stack>
  );
}
