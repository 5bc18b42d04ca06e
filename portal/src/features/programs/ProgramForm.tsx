import { Button, Checkbox, Group, Modal, MultiSelect, NumberInput, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { TOPICS } from '../../api/catalog';
import { toProblem, type FieldProblem } from '../../api/problem';
import { useI18n } from '../../i18n';
import { applyProblemToForm } from '../../ui/field-problems';
import { ProblemAlert } from '../../ui/problems';
import { useFacilitatorOrgs, useProvinces, type Program, type ProgramBody } from './api';

export interface ProgramValues {
  name: string;
  description: string;
  startYear: number | string;
  endYear: number | string;
  focusAreas: string[];
  regionCodes: string[];
  facilitatorIds: string[];
}

export function programValues(p?: Program): ProgramValues {
  return {
    name: p?.name ?? '',
    description: p?.description ?? '',
    startYear: p?.startYear ?? new Date().getFullYear(),
    endYear: p?.endYear ?? '',
    focusAreas: p?.focusAreas ?? [],
    regionCodes: p?.regionCodes ?? [],
    facilitatorIds: p?.facilitators.map((f) => f.id) ?? [],
  };
}

export function programBody(v: ProgramValues): ProgramBody {
  return {
    name: v.name.trim(),
    description: v.description.trim() || null,
    startYear: Number(v.startYear),
    endYear: v.endYear === '' ? null : Number(v.endYear),
    focusAreas: v.focusAreas as ProgramBody['focusAreas'],
    regionCodes: v.regionCodes,
    facilitatorIds: v.facilitatorIds,
  };
}

/** A program's fields in a dialog, for a new program or a change; the API's field problems land on the fields. */
export function ProgramFormModal({
  title,
  program,
  onClose,
  onSubmit,
}: {
  title: string;
  program?: Program;
  onClose(): void;
  onSubmit(values: ProgramValues): Promise<unknown>;
}) {
  const { t } = useI18n();
  const form = useForm<ProgramValues>({ defaultValues: programValues(program) });
  const provinces = useProvinces();
  const facilitators = useFacilitatorOrgs();
  const [error, setError] = useState<unknown>(null);
  const [rest, setRest] = useState<FieldProblem[]>([]);
  const labels: Record<string, string> = {
    name: t('programs.field.name'),
    description: t('programs.field.description'),
    startYear: t('programs.field.startYear'),
    endYear: t('programs.field.endYear'),
    focusAreas: t('programs.field.focusAreas'),
    regionCodes: t('programs.field.regions'),
    facilitatorIds: t('programs.field.facilitators'),
  };
  const regionOptions = [
    ...(provinces.data?.items ?? []).map((r) => ({ value: r.code, label: r.name })),
    ...(program?.regions ?? []).filter((r) => !(provinces.data?.items ?? []).some((p) => p.code === r.code)).map((r) => ({ value: r.code, label: r.name })),
  ];
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    setRest([]);
    try {
      await onSubmit(values);
    } catch (err) {
      const left = applyProblemToForm(form, err, { label: (n) => labels[n.split('.')[0]] });
      setRest(left);
      if (toProblem(err).fields.length === 0 || left.length > 0) setError(err);
    }
  });
  const fieldError = (name: keyof ProgramValues) => form.formState.errors[name]?.message as string | undefined;
  return (
    <Modal opened onClose={onClose} title={title} size="lg" centered>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <TextInput label={labels.name} withAsterisk {...form.register('name')} error={fieldError('name')} maxLength={200} />
          <Textarea label={labels.description} autosize minRows={2} {...form.register('description')} error={fieldError('description')} />
          <SimpleGrid cols={2}>
            <Controller
              control={form.control}
              name="startYear"
              render={({ field }) => <NumberInput label={labels.startYear} withAsterisk min={2000} max={2100} value={field.value} onChange={field.onChange} error={fieldError('startYear')} allowDecimal={false} />}
            />
            <Controller
              control={form.control}
              name="endYear"
              render={({ field }) => (
                <NumberInput label={labels.endYear} description={t('programs.field.endYearHint')} min={2000} max={2100} value={field.value} onChange={field.onChange} error={fieldError('endYear')} allowDecimal={false} />
              )}
            />
          </SimpleGrid>
          <Controller
            control={form.control}
            name="focusAreas"
            render={({ field }) => (
              <Checkbox.Group label={labels.focusAreas} value={field.value} onChange={field.onChange} error={fieldError('focusAreas')}>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6} mt={6}>
                  {TOPICS.map((topic) => (
                    <Checkbox key={topic} value={topic} label={t(`common.topic.${topic}`)} />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>
            )}
          />
          <Controller
            control={form.control}
            name="regionCodes"
            render={({ field }) => (
              <MultiSelect label={labels.regionCodes} data={regionOptions} value={field.value} onChange={field.onChange} searchable clearable error={fieldError('regionCodes')} />
            )}
          />
          <Controller
            control={form.control}
            name="facilitatorIds"
            render={({ field }) => (
              <Checkbox.Group label={labels.facilitatorIds} value={field.value} onChange={field.onChange} error={fieldError('facilitatorIds')}>
                <Stack gap={6} mt={6}>
                  {(facilitators.data?.items ?? []).map((f) => (
                    <Checkbox key={f.id} value={f.id} label={f.name} />
                  ))}
                </Stack>
              </Checkbox.Group>
            )}
          />
          <ProblemAlert error={error} extra={rest} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.formState.isSubmitting}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
