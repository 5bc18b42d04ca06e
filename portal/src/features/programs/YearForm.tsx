import { Alert, Button, Group, Modal, NumberInput, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { toProblem, type FieldProblem } from '../../api/problem';
import { useI18n } from '../../i18n';
import { applyProblemToForm } from '../../ui/field-problems';
import { Money, MoneyInput } from '../../ui/money';
import { ProblemAlert } from '../../ui/problems';
import type { ProgramYear } from './api';

export interface YearValues {
  year: number | string;
  theme: string;
  budgetEnvelope: string;
  description: string;
  planningWorkshopDate: string;
  planDeadline: string;
  grantReportingDeadline: string;
  competitionDate: string;
}

const DATES = ['planningWorkshopDate', 'planDeadline', 'grantReportingDeadline', 'competitionDate'] as const;

export function yearValues(y?: ProgramYear, year?: number): YearValues {
  return {
    year: y?.year ?? year ?? '',
    theme: y?.theme ?? '',
    budgetEnvelope: y?.budgetEnvelope ?? '',
    description: y?.description ?? '',
    planningWorkshopDate: y?.planningWorkshopDate ?? '',
    planDeadline: y?.planDeadline ?? '',
    grantReportingDeadline: y?.grantReportingDeadline ?? '',
    competitionDate: y?.competitionDate ?? '',
  };
}

/** The fields as the API takes them; an emptied date is sent as null when changing (it clears it). */
export function yearBody(v: YearValues, forUpdate: boolean) {
  const dates = Object.fromEntries(DATES.map((d) => [d, v[d] === '' ? (forUpdate ? null : undefined) : v[d]]));
  return { theme: v.theme.trim(), budgetEnvelope: v.budgetEnvelope, description: v.description.trim() || null, ...dates };
}

/**
 * A program year's theme, budget envelope and calendar in a dialog. On a change, a 409 loads the
 * newer year (through `onConflict`) and keeps what the user typed, to save again.
 */
export function YearFormModal({
  title,
  year,
  defaultYear,
  onClose,
  onSubmit,
}: {
  title: string;
  year?: ProgramYear;
  defaultYear?: number;
  onClose(): void;
  onSubmit(values: YearValues): Promise<unknown>;
}) {
  const { t } = useI18n();
  const form = useForm<YearValues>({ defaultValues: yearValues(year, defaultYear) });
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);
  const [rest, setRest] = useState<FieldProblem[]>([]);
  const labels: Record<string, string> = {
    year: t('programs.year.year'),
    theme: t('programs.year.theme'),
    budgetEnvelope: t('programs.year.envelope'),
    description: t('programs.field.description'),
    planningWorkshopDate: t('programs.year.planningWorkshopDate'),
    planDeadline: t('programs.year.planDeadline'),
    grantReportingDeadline: t('programs.year.grantReportingDeadline'),
    competitionDate: t('programs.year.competitionDate'),
  };
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    setRest([]);
    setConflict(false);
    try {
      await onSubmit(values);
    } catch (err) {
      const p = toProblem(err);
      if (p.isConflict && year) {
        setConflict(true);
        return;
      }
      const left = applyProblemToForm(form, err, { label: (n) => labels[n] });
      setRest(left);
      if (p.fields.length === 0 || left.length > 0) setError(err);
    }
  });
  const fieldError = (name: keyof YearValues) => form.formState.errors[name]?.message as string | undefined;
  return (
    <Modal opened onClose={onClose} title={title} size="lg" centered>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          {conflict && (
            <Alert role="alert" color="orange" title={t('common.problem.conflictTitle')}>
              <Text size="sm">{t('programs.year.conflict')}</Text>
              {year && (
                <Text size="sm" mt={4}>
                  {t('programs.year.newer', { theme: year.theme, version: year.version })} <Money value={year.budgetEnvelope} />
                </Text>
              )}
            </Alert>
          )}
          {!year && (
            <Controller
              control={form.control}
              name="year"
              render={({ field }) => <NumberInput label={labels.year} withAsterisk min={2000} max={2100} allowDecimal={false} value={field.value} onChange={field.onChange} error={fieldError('year')} />}
            />
          )}
          <TextInput label={labels.theme} withAsterisk maxLength={300} {...form.register('theme')} error={fieldError('theme')} />
          <Controller
            control={form.control}
            name="budgetEnvelope"
            render={({ field }) => <MoneyInput label={labels.budgetEnvelope} withAsterisk value={field.value} onChange={field.onChange} error={fieldError('budgetEnvelope')} />}
          />
          <Textarea label={labels.description} autosize minRows={2} {...form.register('description')} error={fieldError('description')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {DATES.map((d) => (
              <TextInput key={d} type="date" label={labels[d]} {...form.register(d)} error={fieldError(d)} />
            ))}
          </SimpleGrid>
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
