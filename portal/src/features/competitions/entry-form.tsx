import { ActionIcon, Button, Card, Fieldset, Group, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useRef } from 'react';
import { useFieldArray, type UseFormReturn } from 'react-hook-form';
import { fieldPathToFormName, type FieldProblem } from '../../api/problem';
import { useI18n } from '../../i18n';
import { applyProblemToForm } from '../../ui/field-problems';
import type { EntryDetail, PlanProgramChoice } from './api';

/** An entry as the form holds it; the plan program is one choice, "planId|programId". */
export interface EntryValues {
  categoryId: string;
  planChoice: string;
  title: string;
  summary: string;
  teamMembers: Array<{ name: string; role: string }>;
}

export const planChoiceOf = (planId: string | null, planProgramId: string | null) => (planId ? `${planId}|${planProgramId ?? ''}` : '');

export function splitPlanChoice(choice: string): { planId: string | null; planProgramId: string | null } {
  if (!choice) return { planId: null, planProgramId: null };
  const [planId, planProgramId] = choice.split('|');
  return { planId: planId || null, planProgramId: planProgramId || null };
}

export function entryValues(e: EntryDetail): EntryValues {
  return {
    categoryId: e.category.id,
    planChoice: planChoiceOf(e.planId, e.planProgramId),
    title: e.title,
    summary: e.summary,
    teamMembers: e.teamMembers.map((m) => ({ name: m.name, role: m.role })),
  };
}

/** Team rows left wholly empty are dropped; half-filled ones go to the API, which names what is missing. */
export function teamOf(values: EntryValues): Array<{ name: string; role: string }> {
  return values.teamMembers.map((m) => ({ name: m.name.trim(), role: m.role.trim() })).filter((m) => m.name !== '' || m.role !== '');
}

export function useEntryLabels() {
  const { t } = useI18n();
  const labels = {
    categoryId: t('competitions.entry.category'),
    planChoice: t('competitions.entry.planProgram'),
    title: t('competitions.entry.title'),
    summary: t('competitions.entry.summary'),
  };
  const labelOf = (name: string): string | undefined => {
    if (name === 'planId' || name === 'planProgramId') return labels.planChoice;
    const member = /^teamMembers\.(\d+)\.(name|role)$/.exec(name);
    if (member) return t(member[2] === 'name' ? 'competitions.entry.memberNameN' : 'competitions.entry.memberRoleN', { n: Number(member[1]) + 1 });
    return name in labels ? labels[name as keyof typeof labels] : undefined;
  };
  return { labels, labelOf };
}

/**
 * Puts the API's field problems on the entry form (the plan and plan program on the one plan
 * choice); returns the rest, for the form's alert.
 */
export function applyEntryProblem(form: UseFormReturn<EntryValues>, err: unknown, labelOf: (name: string) => string | undefined): { error: unknown; rest: FieldProblem[] } {
  const toFormName = (apiField: string): string | null => {
    if (apiField === 'planId' || apiField === 'planProgramId') return 'planChoice';
    const name = fieldPathToFormName(apiField);
    return labelOf(name) === undefined ? null : name;
  };
  return { error: err, rest: applyProblemToForm(form, err, { toFormName, label: labelOf }) };
}

interface Props {
  form: UseFormReturn<EntryValues>;
  planPrograms: PlanProgramChoice[];
  /** The categories to choose from (a new entry); a saved entry keeps its category. */
  categories?: Array<{ id: string; name: string; taken: boolean }>;
}

/** The fields of an entry: category, the plan program it grew from, title, summary and team. */
export function EntryFields({ form, planPrograms, categories }: Props) {
  const { t } = useI18n();
  const { labels } = useEntryLabels();
  const { errors } = form.formState;
  const team = useFieldArray({ control: form.control, name: 'teamMembers' });
  // What the last plan program put in title and summary: replaced on another choice, unless the person rewrote it.
  const prefilled = useRef<{ title: string; summary: string }>({ title: '', summary: '' });

  const planOptions = [
    { value: '', label: t('competitions.entry.noPlan') },
    ...planPrograms.map((c) => ({
      value: planChoiceOf(c.planId, c.program.id),
      label: `${c.program.name ?? t(`common.topic.${c.program.topic}`)} (${c.planTitle})`,
    })),
  ];
  const current = form.getValues('planChoice');
  if (current && !planOptions.some((o) => o.value === current)) planOptions.push({ value: current, label: t('competitions.entry.linkedPlan') });

  const planField = form.register('planChoice');
  const onPlanChange = (choice: string) => {
    const chosen = planPrograms.find((c) => planChoiceOf(c.planId, c.program.id) === choice);
    if (!chosen) return;
    const title = chosen.program.name ?? '';
    const summary = chosen.program.goal ?? '';
    const { title: nowTitle, summary: nowSummary } = form.getValues();
    if (nowTitle.trim() === '' || nowTitle === prefilled.current.title) form.setValue('title', title, { shouldDirty: true });
    if (nowSummary.trim() === '' || nowSummary === prefilled.current.summary) form.setValue('summary', summary, { shouldDirty: true });
    prefilled.current = { title, summary };
  };

  return (
    <Stack gap="md">
      {categories && (
        <NativeSelect
          label={labels.categoryId}
          required
          {...form.register('categoryId')}
          error={errors.categoryId?.message}
          data={[
            { value: '', label: t('competitions.entry.chooseCategory'), disabled: true },
            ...categories.map((k) => ({ value: k.id, label: k.taken ? `${k.name} (${t('competitions.entry.taken')})` : k.name, disabled: k.taken })),
          ]}
        />
      )}
      <NativeSelect
        label={labels.planChoice}
        description={t('competitions.entry.planProgramHint')}
        {...planField}
        onChange={(e) => {
          void planField.onChange(e);
          onPlanChange(e.currentTarget.value);
        }}
        error={errors.planChoice?.message}
        data={planOptions}
      />
      <TextInput label={labels.title} description={t('competitions.entry.titleHint')} {...form.register('title')} error={errors.title?.message} />
      <Textarea label={labels.summary} description={t('competitions.entry.summaryHint')} autosize minRows={4} maxRows={16} {...form.register('summary')} error={errors.summary?.message} />
      <Fieldset legend={t('competitions.entry.team')} variant="filled">
        <Stack gap="sm">
          {team.fields.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('competitions.entry.noTeam')}
            </Text>
          )}
          {team.fields.map((f, i) => (
            <Card key={f.id} withBorder padding="sm">
              <Group align="flex-start" wrap="nowrap" gap="xs">
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" style={{ flex: 1 }}>
                  <TextInput label={t('competitions.entry.memberNameN', { n: i + 1 })} {...form.register(`teamMembers.${i}.name`)} error={errors.teamMembers?.[i]?.name?.message} />
                  <TextInput label={t('competitions.entry.memberRoleN', { n: i + 1 })} {...form.register(`teamMembers.${i}.role`)} error={errors.teamMembers?.[i]?.role?.message} />
                </SimpleGrid>
                <ActionIcon variant="subtle" color="red" size="lg" mt={26} aria-label={t('competitions.entry.removeMember', { n: i + 1 })} onClick={() => team.remove(i)}>
                  <IconTrash size={18} />
                </ActionIcon>
              </Group>
            </Card>
          ))}
          <Group>
            <Button variant="light" leftSection={<IconPlus size={18} />} onClick={() => team.append({ name: '', role: '' })}>
              {t('competitions.entry.addMember')}
            </Button>
          </Group>
        </Stack>
      </Fieldset>
    </Stack>
  );
}
