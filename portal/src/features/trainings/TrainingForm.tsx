import { ActionIcon, Alert, Button, Checkbox, Group, Modal, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { toProblem } from '../../api/problem';
import { TOPICS, type Topic } from '../../api/catalog';
import { useI18n } from '../../i18n';
import { clearDraft, loadDraft, saveDraft } from '../../ui/drafts';
import { applyProblemToForm } from '../../ui/field-problems';
import { ProblemAlert } from '../../ui/problems';
import { LEVELS, useCreateTraining, useProgramYearOptions, useUpdateTraining, type Training, type TrainingLevel } from './api';

export interface TrainingValues {
  title: string;
  level: TrainingLevel;
  topic: Topic;
  startsOn: string;
  endsOn: string;
  venue: string;
  online: boolean;
  programYearId: string;
  scoreMin: string;
  scoreMax: string;
  quotaPerSchool: string;
  questionnaire: Array<{ id?: string; text: string }>;
}

const FIELDS = ['title', 'level', 'topic', 'startsOn', 'endsOn', 'venue', 'online', 'programYearId', 'scoreMin', 'scoreMax', 'quotaPerSchool'] as const;

function valuesOf(t: Training | null, defaults: { question: string }): TrainingValues {
  if (!t) {
    return { title: '', level: 'school', topic: 'teacher_training', startsOn: '', endsOn: '', venue: '', online: false, programYearId: '', scoreMin: '0', scoreMax: '100', quotaPerSchool: '', questionnaire: [{ text: defaults.question }] };
  }
  return {
    title: t.title,
    level: t.level,
    topic: t.topic,
    startsOn: t.startsOn,
    endsOn: t.endsOn,
    venue: t.venue ?? '',
    online: t.online,
    programYearId: t.programYear?.id ?? '',
    scoreMin: String(t.scoreScale.min),
    scoreMax: String(t.scoreScale.max),
    quotaPerSchool: t.quotaPerSchool === null ? '' : String(t.quotaPerSchool),
    questionnaire: t.questionnaire.map((q) => ({ id: q.id, text: q.text })),
  };
}

const int = (s: string) => (s.trim() === '' ? undefined : Number(s));

/** The training's settings as the API takes them. */
function bodyOf(v: TrainingValues, editing: boolean) {
  return {
    title: v.title,
    level: v.level,
    topic: v.topic,
    startsOn: v.startsOn,
    endsOn: v.endsOn,
    online: v.online,
    ...(v.venue.trim() !== '' ? { venue: v.venue } : editing ? { venue: null } : {}),
    ...(v.programYearId ? { programYearId: v.programYearId } : editing ? { programYearId: null } : {}),
    ...(int(v.scoreMin) !== undefined ? { scoreMin: int(v.scoreMin) } : {}),
    ...(int(v.scoreMax) !== undefined ? { scoreMax: int(v.scoreMax) } : {}),
    ...(v.level === 'national' && int(v.quotaPerSchool) !== undefined ? { quotaPerSchool: int(v.quotaPerSchool) } : editing ? { quotaPerSchool: null } : {}),
    questionnaire: v.questionnaire.map((q) => (q.id ? { id: q.id, text: q.text } : { text: q.text })),
  };
}

/** Creates a training (no `training`) or changes one; field problems go on their fields, a 409 keeps the input. */
export function TrainingFormModal({ training, onClose, onSaved }: { training: Training | null; onClose(): void; onSaved(t: Training): void }) {
  const { t } = useI18n();
  const phone = useMediaQuery('(max-width: 36em)');
  const draftKey = training ? `training.${training.id}.edit` : 'training.new';
  const form = useForm<TrainingValues>({ defaultValues: loadDraft<TrainingValues>(draftKey) ?? valuesOf(training, { question: t('trainings.form.defaultQuestion') }) });
  const questions = useFieldArray({ control: form.control, name: 'questionnaire' });
  const create = useCreateTraining();
  const update = useUpdateTraining(training?.id ?? '');
  const years = useProgramYearOptions();
  const [rest, setRest] = useState<ReturnType<typeof applyProblemToForm>>([]);
  const [error, setError] = useState<unknown>(null);
  const level = form.watch('level');
  const online = form.watch('online');
  const errors = form.formState.errors;
  const labelOf = (name: string): string | undefined => {
    if ((FIELDS as readonly string[]).includes(name)) return t(`trainings.field.${name}`);
    const m = /^questionnaire\.(\d+)\.text$/.exec(name);
    if (m) return t('trainings.form.question', { n: Number(m[1]) + 1 });
    if (name === 'questionnaire') return t('trainings.form.questionnaire');
    return undefined;
  };
  const save = form.handleSubmit((v) => {
    setError(null);
    setRest([]);
    const done = (saved: Training) => {
      clearDraft(draftKey);
      onSaved(saved);
    };
    const fail = (err: unknown) => {
      setError(err);
      setRest(applyProblemToForm(form, err, { label: labelOf }));
    };
    if (training) update.mutate(bodyOf(v, true), { onSuccess: done, onError: fail });
    else create.mutate(bodyOf(v, false) as Parameters<typeof create.mutate>[0], { onSuccess: done, onError: fail });
  });
  const conflict = error !== null && toProblem(error).isConflict;
  const yearOptions = (years.data ?? []).filter((y) => y.status !== 'closed' || y.id === training?.programYear?.id).map((y) => ({ value: y.id, label: `${y.program} ${y.year}` }));

  return (
    <Modal opened onClose={onClose} size="lg" fullScreen={phone} title={training ? t('trainings.form.editTitle') : t('trainings.form.newTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        onSubmit={(e) => void save(e)}
        onChange={() => saveDraft(draftKey, form.getValues())}
        noValidate
      >
        <Stack gap="sm">
          <TextInput label={t('trainings.field.title')} withAsterisk maxLength={200} {...form.register('title', { required: t('trainings.form.required') })} error={errors.title?.message} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect label={t('trainings.field.level')} data={LEVELS.map((l) => ({ value: l, label: t(`trainings.level.${l}`) }))} {...form.register('level')} error={errors.level?.message} />
            <NativeSelect label={t('trainings.field.topic')} data={TOPICS.map((x) => ({ value: x, label: t(`common.topic.${x}`) }))} {...form.register('topic')} error={errors.topic?.message} />
            <TextInput type="date" label={t('trainings.field.startsOn')} withAsterisk {...form.register('startsOn', { required: t('trainings.form.required') })} error={errors.startsOn?.message} />
            <TextInput type="date" label={t('trainings.field.endsOn')} withAsterisk {...form.register('endsOn', { required: t('trainings.form.required') })} error={errors.endsOn?.message} />
          </SimpleGrid>
          <Checkbox label={t('trainings.field.online')} {...form.register('online')} />
          <TextInput label={t('trainings.field.venue')} description={online ? undefined : t('trainings.form.venueHint')} maxLength={300} {...form.register('venue')} error={errors.venue?.message} />
          <NativeSelect
            label={t('trainings.field.programYearId')}
            data={[{ value: '', label: t('trainings.form.noYear') }, ...yearOptions]}
            {...form.register('programYearId')}
            error={errors.programYearId?.message}
          />
          <SimpleGrid cols={{ base: 2, sm: 3 }}>
            <TextInput label={t('trainings.field.scoreMin')} inputMode="numeric" {...form.register('scoreMin')} error={errors.scoreMin?.message} />
            <TextInput label={t('trainings.field.scoreMax')} inputMode="numeric" {...form.register('scoreMax')} error={errors.scoreMax?.message} />
            {level === 'national' && (
              <TextInput label={t('trainings.field.quotaPerSchool')} description={t('trainings.form.quotaHint')} inputMode="numeric" {...form.register('quotaPerSchool')} error={errors.quotaPerSchool?.message} />
            )}
          </SimpleGrid>
          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <legend>
              <Text fw={600} size="sm">
                {t('trainings.form.questionnaire')}
              </Text>
            </legend>
            <Text size="xs" c="dimmed" mb={6}>
              {t('trainings.form.questionnaireHint')}
            </Text>
            <Stack gap={6}>
              {questions.fields.map((f, i) => (
                <Group key={f.id} gap="xs" wrap="nowrap" align="flex-start">
                  <TextInput
                    style={{ flex: 1 }}
                    label={t('trainings.form.question', { n: i + 1 })}
                    maxLength={300}
                    {...form.register(`questionnaire.${i}.text` as const, { required: t('trainings.form.required') })}
                    error={errors.questionnaire?.[i]?.text?.message}
                  />
                  <ActionIcon variant="subtle" color="red" mt={26} aria-label={t('trainings.form.removeQuestion', { n: i + 1 })} disabled={questions.fields.length <= 1} onClick={() => questions.remove(i)}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              ))}
            </Stack>
            {errors.questionnaire?.message && (
              <Text size="sm" c="red.8" role="alert">
                {errors.questionnaire.message}
              </Text>
            )}
            <Button mt="xs" size="compact-sm" variant="light" leftSection={<IconPlus size={14} />} onClick={() => questions.append({ text: '' })} disabled={questions.fields.length >= 20}>
              {t('trainings.form.addQuestion')}
            </Button>
          </fieldset>
          {conflict && (
            <Alert color="orange" title={t('trainings.form.conflictTitle')}>
              <Text size="sm">{t('trainings.form.conflictText')}</Text>
            </Alert>
          )}
          {!conflict && <ProblemAlert error={error} extra={rest} />}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {training ? t('trainings.form.save') : t('trainings.form.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
