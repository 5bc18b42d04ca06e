import { Alert, Button, Checkbox, Fieldset, Group, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState, type CSSProperties } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { toProblem } from '../../api/problem';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n';
import { ConflictAlert } from '../../ui/conflict-alert';
import { applyProblemToForm } from '../../ui/field-problems';
import { formatNumber } from '../../ui/format';
import { ProblemAlert } from '../../ui/problems';
import { ACTIVITY_KINDS, GRADES, usePlanPrograms, useSchoolPlans, type ActivityDetail, type ActivityKind, type NewActivity } from './api';

type GradeKey = `g${(typeof GRADES)[number]}`;

export interface ActivityFormValues {
  kind: ActivityKind;
  heldOn: string;
  parentsReached: string;
  teachersInvolved: string;
  split: boolean;
  grades: Record<GradeKey, string>;
  notes: string;
  planId: string;
  planProgramId: string;
}

/** Today on this device (YYYY-MM-DD), where the principal is. */
function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const EMPTY_GRADES = Object.fromEntries(GRADES.map((g) => [`g${g}`, ''])) as Record<GradeKey, string>;

/** The form of a new activity, or of a stored one. */
export function toFormValues(a?: ActivityDetail): ActivityFormValues {
  if (!a) return { kind: 'parenting_class', heldOn: localToday(), parentsReached: '', teachersInvolved: '', split: false, grades: { ...EMPTY_GRADES }, notes: '', planId: '', planProgramId: '' };
  const grades = { ...EMPTY_GRADES };
  for (const g of a.parentsByGrade ?? []) grades[`g${g.grade}` as GradeKey] = String(g.parents);
  return {
    kind: a.kind,
    heldOn: a.heldOn,
    parentsReached: String(a.parentsReached),
    teachersInvolved: String(a.teachersInvolved),
    split: (a.parentsByGrade ?? []).length > 0,
    grades,
    notes: a.notes ?? '',
    planId: a.planId ?? '',
    planProgramId: a.planProgramId ?? '',
  };
}

/** A whole number as typed; what is not one is sent as typed, so the API names the field. */
const whole = (v: string): number => {
  const t = v.trim();
  return (/^\d+$/.test(t) ? Number(t) : (t as unknown)) as number;
};

/** The form as the API's body. */
export function toBody(v: ActivityFormValues): NewActivity {
  const split = v.split ? GRADES.filter((g) => v.grades[`g${g}`].trim() !== '').map((g) => ({ grade: g, parents: whole(v.grades[`g${g}`]) })) : [];
  return {
    kind: v.kind,
    heldOn: v.heldOn,
    parentsReached: whole(v.parentsReached),
    parentsByGrade: split.length > 0 ? split : null,
    teachersInvolved: v.teachersInvolved.trim() === '' ? 0 : whole(v.teachersInvolved),
    notes: v.notes.trim() === '' ? null : v.notes.trim(),
    planId: v.planId || null,
    planProgramId: v.planId && v.planProgramId ? v.planProgramId : null,
  };
}

/** Where the API's field problems show on this form. */
function toFormName(field: string): string | null {
  if (field.startsWith('parentsByGrade')) return 'split';
  return ['kind', 'heldOn', 'parentsReached', 'teachersInvolved', 'notes', 'planId', 'planProgramId'].includes(field) ? field : null;
}

/**
 * The record/edit form of an activity (the school's principal): kind, day, parents reached with an
 * optional split by grade, teachers, notes and the plan program it serves. The API checks everything;
 * the sum of the split is previewed as it is typed.
 */
export function ActivityForm({
  initial,
  onSave,
  reload,
  submitLabel,
}: {
  initial?: ActivityDetail;
  onSave(body: NewActivity, version?: number): Promise<ActivityDetail>;
  /** Reads the activity as the server has it now (after a 409). */
  reload?: () => Promise<ActivityDetail>;
  submitLabel: string;
}) {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const [basis, setBasis] = useState(() => ({ version: initial?.version, values: toFormValues(initial) }));
  const form = useForm<ActivityFormValues>({ defaultValues: basis.values });
  const { errors, isSubmitting } = form.formState;
  const [problem, setProblem] = useState<{ error: unknown; rest: ReturnType<typeof applyProblemToForm> } | null>(null);
  const [conflict, setConflict] = useState<{ mine: ActivityFormValues } | null>(null);
  const values = form.watch();
  const plans = useSchoolPlans(me?.organization.id);
  const plan = usePlanPrograms(values.planId || null);

  const labels: Record<string, string> = {
    kind: t('parents.field.kind'),
    heldOn: t('parents.field.heldOn'),
    parentsReached: t('parents.field.parentsReached'),
    teachersInvolved: t('parents.field.teachersInvolved'),
    split: t('parents.field.parentsByGrade'),
    notes: t('parents.field.notes'),
    planId: t('parents.field.plan'),
    planProgramId: t('parents.field.planProgram'),
  };

  const splitSum = GRADES.reduce((sum, g) => sum + (Number(values.grades[`g${g}`]) || 0), 0);

  const onSubmit = form.handleSubmit(async (v) => {
    setProblem(null);
    setConflict(null);
    try {
      const saved = await onSave(toBody(v), basis.version);
      const fresh = toFormValues(saved);
      setBasis({ version: saved.version, values: fresh });
      form.reset(fresh);
    } catch (err) {
      if (toProblem(err).isConflict && reload) {
        // Someone saved first: show the newer activity and list what this person had typed, to apply again.
        const newer = await reload();
        const fresh = toFormValues(newer);
        setBasis({ version: newer.version, values: fresh });
        form.reset(fresh);
        setConflict({ mine: v });
        return;
      }
      const rest = applyProblemToForm(form, err, { toFormName, label: (name) => labels[name] });
      // Problems shown at their fields need no second alert; a refusal of the whole, or a field this form lacks, does.
      setProblem(toProblem(err).fields.length > 0 && rest.length === 0 ? null : { error: err, rest });
    }
  });

  const unsaved = conflict
    ? (Object.keys(labels) as Array<keyof ActivityFormValues>)
        .filter((k) => k !== 'split' && JSON.stringify(conflict.mine[k]) !== JSON.stringify(basis.values[k]))
        .map((k) => ({ label: labels[k], value: k === 'kind' ? t(`parents.kind.${conflict.mine.kind}`) : String(conflict.mine[k] || t('parents.detail.empty')) }))
    : [];

  const planItems = (plans.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.programYear.year} · ${p.title}` }));
  const planOptions = [
    { value: '', label: t('parents.form.noPlan') },
    ...planItems,
    // A stored link to a plan not (yet) in the list still shows as chosen.
    ...(values.planId && !planItems.some((o) => o.value === values.planId) ? [{ value: values.planId, label: t('parents.form.linkedPlan') }] : []),
  ];
  const programItems = (plan.data?.content.programs ?? []).map((p, i) => ({ value: p.id, label: p.name ?? t('parents.form.programN', { n: i + 1 }) }));
  const programOptions = [
    { value: '', label: t('parents.form.noProgram') },
    ...programItems,
    ...(values.planProgramId && !programItems.some((o) => o.value === values.planProgramId) ? [{ value: values.planProgramId, label: initial?.planProgramName ?? t('parents.form.linkedProgram') }] : []),
  ];

  return (
    <form noValidate onSubmit={(e) => void onSubmit(e)} style={{ '--mantine-color-error': 'var(--mantine-color-red-9)' } as CSSProperties}>
      <Stack gap="md">
        {conflict && (
          <ConflictAlert
            unsaved={unsaved}
            onReapply={() => {
              for (const [k, v] of Object.entries(conflict.mine)) form.setValue(k as keyof ActivityFormValues, v as never, { shouldDirty: true });
              setConflict(null);
            }}
          />
        )}
        {problem && <ProblemAlert error={problem.error} extra={problem.rest} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <NativeSelect label={labels.kind} withAsterisk data={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`parents.kind.${k}`) }))} {...form.register('kind')} error={errors.kind?.message} />
          <TextInput
            type="date"
            label={labels.heldOn}
            withAsterisk
            max={localToday()}
            {...form.register('heldOn', { required: t('parents.form.dateRequired') })}
            error={errors.heldOn?.message}
          />
          <TextInput
            label={labels.parentsReached}
            withAsterisk
            inputMode="numeric"
            {...form.register('parentsReached', { required: t('parents.form.parentsRequired') })}
            error={errors.parentsReached?.message}
          />
          <TextInput label={labels.teachersInvolved} inputMode="numeric" {...form.register('teachersInvolved')} error={errors.teachersInvolved?.message} />
        </SimpleGrid>

        <Fieldset legend={labels.split} radius="md" aria-describedby="grade-split-hint">
          <Checkbox label={t('parents.form.splitByGrade')} {...form.register('split')} mb="sm" />
          <Text size="sm" c="gray.7" id="grade-split-hint" mb={values.split ? 'sm' : 0}>
            {t('parents.form.splitHint')}
          </Text>
          {values.split && (
            <>
              <SimpleGrid cols={{ base: 3, sm: 6 }} spacing="sm">
                {GRADES.map((g) => (
                  <TextInput key={g} label={t('parents.grade.label', { grade: g })} inputMode="numeric" {...form.register(`grades.g${g}`)} />
                ))}
              </SimpleGrid>
              <Text size="sm" mt="xs" aria-live="polite">
                {t('parents.form.splitSum', { sum: formatNumber(splitSum, lang), total: values.parentsReached.trim() || '0' })}
              </Text>
            </>
          )}
          {errors.split?.message && (
            <Text size="sm" c="red.9" role="alert" mt="xs">
              {errors.split.message}
            </Text>
          )}
        </Fieldset>

        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {/* Controlled: the options arrive after the form, and the stored link must show once they do. */}
          <Controller
            control={form.control}
            name="planId"
            render={({ field }) => (
              <NativeSelect
                label={labels.planId}
                description={t('parents.form.planHint')}
                data={planOptions}
                name={field.name}
                ref={field.ref}
                value={field.value}
                onBlur={field.onBlur}
                onChange={(e) => {
                  field.onChange(e.currentTarget.value);
                  form.setValue('planProgramId', '');
                }}
                error={errors.planId?.message}
              />
            )}
          />
          <Controller
            control={form.control}
            name="planProgramId"
            render={({ field }) => (
              <NativeSelect
                label={labels.planProgramId}
                data={programOptions}
                disabled={!values.planId}
                name={field.name}
                ref={field.ref}
                value={field.value}
                onBlur={field.onBlur}
                onChange={(e) => field.onChange(e.currentTarget.value)}
                error={errors.planProgramId?.message}
              />
            )}
          />
        </SimpleGrid>

        <Textarea label={labels.notes} description={t('parents.form.notesHint')} autosize minRows={3} maxLength={10000} {...form.register('notes')} error={errors.notes?.message} />

        {initial === undefined && (
          <Alert color="blue" variant="light">
            <Text size="sm">{t('parents.form.evidenceLater')}</Text>
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={isSubmitting}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
