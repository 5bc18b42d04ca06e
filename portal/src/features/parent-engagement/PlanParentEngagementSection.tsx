import { ActionIcon, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { get, useFieldArray, useFormContext, useFormState, type Path } from 'react-hook-form';
import { useI18n } from '../../i18n';
import { fieldId, type PlanFormValues } from '../plans/plan-form';
import { ACTIVITY_KINDS } from './api';

/** One line of the plan's parent-engagement section, as the plan editor's form holds it. */
export interface ParentEngagementLineForm {
  id?: string;
  kind: string;
  sessionsTarget: string;
  parentsTarget: string;
  note: string;
}

export const emptyParentEngagementLine = (kind = ''): ParentEngagementLineForm => ({ kind, sessionsTarget: '', parentsTarget: '', note: '' });

function Field({ name, label, numeric, maxLength }: { name: string; label: string; numeric?: boolean; maxLength?: number }) {
  const { register } = useFormContext<PlanFormValues>();
  const { errors } = useFormState<PlanFormValues>();
  const error = (get(errors, name) as { message?: string } | undefined)?.message;
  return <TextInput id={fieldId(name)} label={label} inputMode={numeric ? 'numeric' : undefined} maxLength={maxLength} error={error} {...register(name as Path<PlanFormValues>)} />;
}

/**
 * The plan's optional parent-engagement section in the editor: which kinds of work with parents the
 * school plans this year, each once, with how many sessions and how many parents it aims for. The API
 * checks the kinds against its catalogue and refuses one planned twice.
 */
export function PlanParentEngagementSection() {
  const { t } = useI18n();
  const { control, register } = useFormContext<PlanFormValues>();
  const { errors } = useFormState<PlanFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'content.parentEngagement' });
  const kinds = [{ value: '', label: t('parents.plan.pickKind') }, ...ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`parents.kind.${k}`) }))];
  return (
    <Stack gap="sm" component="section" aria-labelledby="plan-parent-engagement-title" mt="md">
      <Title order={3} size="h4" id="plan-parent-engagement-title">
        {t('parents.plan.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('parents.plan.help')}
      </Text>
      {fields.map((f, j) => {
        const at = `content.parentEngagement.${j}`;
        const kindError = (get(errors, `${at}.kind`) as { message?: string } | undefined)?.message;
        return (
          <Paper key={f.id} withBorder p="sm" radius="md" bg="gray.0" role="group" aria-labelledby={`plan-parent-line-${j}`}>
            <Group justify="space-between" wrap="nowrap" mb={4}>
              <Text fw={600} size="sm" id={`plan-parent-line-${j}`}>
                {t('parents.plan.lineN', { n: j + 1 })}
              </Text>
              <ActionIcon variant="subtle" color="red" aria-label={t('parents.plan.remove', { n: j + 1 })} title={t('parents.plan.remove', { n: j + 1 })} onClick={() => remove(j)}>
                <IconTrash size={18} />
              </ActionIcon>
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 2, xl: 4 }} spacing="sm">
              <NativeSelect id={fieldId(`${at}.kind`)} label={t('parents.plan.kind')} withAsterisk data={kinds} error={kindError} {...register(`${at}.kind` as Path<PlanFormValues>)} />
              <Field name={`${at}.sessionsTarget`} label={t('parents.plan.sessionsTarget')} numeric />
              <Field name={`${at}.parentsTarget`} label={t('parents.plan.parentsTarget')} numeric />
              <Field name={`${at}.note`} label={t('parents.plan.note')} maxLength={500} />
            </SimpleGrid>
          </Paper>
        );
      })}
      <Group>
        <Button id={fieldId('content.parentEngagement')} variant="light" size="sm" leftSection={<IconPlus size={16} />} onClick={() => append(emptyParentEngagementLine())}>
          {t('parents.plan.add')}
        </Button>
      </Group>
    </Stack>
  );
}
