import { ActionIcon, Button, Card, Checkbox, Fieldset, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Controller, useFieldArray, type UseFormReturn } from 'react-hook-form';
import { useI18n } from '../../i18n';
import { PARTY_ROLES, useOrganizations, type MouBody, type MouDetail, type PartyRole } from './api';

export interface MouValues {
  partnershipId: string;
  number: string;
  title: string;
  scope: string;
  effectiveDate: string;
  expiryDate: string;
  parties: Array<{ organizationId: string; role: PartyRole; signatureRequired: boolean }>;
  obligations: Array<{ ownerOrganizationId: string; text: string; dueDate: string }>;
}

export function mouValues(m: MouDetail): MouValues {
  return {
    partnershipId: m.partnershipId,
    number: m.number,
    title: m.title,
    scope: m.scope,
    effectiveDate: m.effectiveDate,
    expiryDate: m.expiryDate,
    parties: m.parties.map((p) => ({ organizationId: p.organization.id, role: p.role, signatureRequired: p.signatureRequired })),
    obligations: m.obligations.filter((o) => !o.amendmentId).map((o) => ({ ownerOrganizationId: o.owner.id, text: o.text, dueDate: o.dueDate ?? '' })),
  };
}

export function mouBody(v: MouValues): MouBody {
  return {
    partnershipId: v.partnershipId,
    number: v.number.trim(),
    title: v.title.trim(),
    scope: v.scope.trim(),
    effectiveDate: v.effectiveDate,
    expiryDate: v.expiryDate,
    parties: v.parties.map((p) => ({ organizationId: p.organizationId, role: p.role, signatureRequired: p.signatureRequired })),
    obligations: v.obligations.map((o) => ({ ownerOrganizationId: o.ownerOrganizationId, text: o.text.trim(), ...(o.dueDate ? { dueDate: o.dueDate } : {}) })),
  };
}

/** The label of a form field (by its form name), for the API's field problems. */
export function useMouLabels() {
  const { t } = useI18n();
  return (name: string): string | undefined => {
    const party = /^parties\.(\d+)\.(\w+)$/.exec(name);
    if (party) return t(`mous.field.party.${party[2]}`, { n: Number(party[1]) + 1 });
    const ob = /^obligations\.(\d+)\.(\w+)$/.exec(name);
    if (ob) return t(`mous.field.obligation.${ob[2]}`, { n: Number(ob[1]) + 1 });
    if (name === 'parties' || name === 'obligations') return t(`mous.field.${name}`);
    return ['partnershipId', 'number', 'title', 'scope', 'effectiveDate', 'expiryDate'].includes(name) ? t(`mous.field.${name}`) : undefined;
  };
}

/**
 * The terms of an MoU: number, title, scope, period, parties with their roles, and obligations.
 * The partnership's company and school come first; witnesses and supporting parties may be added.
 */
export function MouFields({ form, known, partnershipField }: { form: UseFormReturn<MouValues>; known: Array<{ id: string; name: string }>; partnershipField?: ReactNode }) {
  const { t } = useI18n();
  const label = useMouLabels();
  const offices = useOrganizations('education_office');
  const facilitators = useOrganizations('facilitator');
  const parties = useFieldArray({ control: form.control, name: 'parties' });
  const obligations = useFieldArray({ control: form.control, name: 'obligations' });
  const orgs = new Map<string, string>();
  for (const o of [...known, ...(offices.data?.items ?? []), ...(facilitators.data?.items ?? [])]) orgs.set(o.id, o.name);
  const orgOptions = [{ value: '', label: t('mous.form.choose') }, ...[...orgs].map(([value, name]) => ({ value, label: name }))];
  const values = form.watch();
  const partyOptions = [{ value: '', label: t('mous.form.choose') }, ...values.parties.filter((p) => p.organizationId).map((p) => ({ value: p.organizationId, label: orgs.get(p.organizationId) ?? p.organizationId }))];
  const err = (name: string) => {
    const parts = name.split('.');
    let node: unknown = form.formState.errors;
    for (const k of parts) node = (node as Record<string, unknown> | undefined)?.[k];
    return (node as { message?: string } | undefined)?.message;
  };

  return (
    <Stack gap="md">
      {partnershipField}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={label('number')} withAsterisk {...form.register('number')} error={err('number')} />
        <TextInput label={label('title')} withAsterisk {...form.register('title')} error={err('title')} />
      </SimpleGrid>
      <Textarea label={label('scope')} withAsterisk autosize minRows={3} {...form.register('scope')} error={err('scope')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput type="date" label={label('effectiveDate')} withAsterisk {...form.register('effectiveDate')} error={err('effectiveDate')} />
        <TextInput type="date" label={label('expiryDate')} withAsterisk description={t('mous.form.expiryHint')} {...form.register('expiryDate')} error={err('expiryDate')} />
      </SimpleGrid>

      <section aria-labelledby="parties-heading">
        <Title order={2} size="h4" id="parties-heading" mb="xs">
          {t('mous.field.parties')}
        </Title>
        {err('parties') && (
          <Text c="red.8" size="sm" mb="xs">
            {err('parties')}
          </Text>
        )}
        <Stack gap="xs">
          {parties.fields.map((f, i) => (
            <Fieldset key={f.id} legend={t('mous.form.partyN', { n: i + 1 })} p="sm">
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
                <Controller
                  control={form.control}
                  name={`parties.${i}.organizationId`}
                  render={({ field }) => (
                    <NativeSelect label={label(`parties.${i}.organizationId`)} data={orgOptions} value={field.value} onChange={(e) => field.onChange(e.currentTarget.value)} error={err(`parties.${i}.organizationId`)} />
                  )}
                />
                <Controller
                  control={form.control}
                  name={`parties.${i}.role`}
                  render={({ field }) => (
                    <NativeSelect
                      label={label(`parties.${i}.role`)}
                      data={PARTY_ROLES.map((r) => ({ value: r, label: t(`mous.role.${r}`) }))}
                      value={field.value}
                      onChange={(e) => field.onChange(e.currentTarget.value)}
                      error={err(`parties.${i}.role`)}
                    />
                  )}
                />
                <Group gap="xs" align="flex-end" wrap="nowrap">
                  <Controller
                    control={form.control}
                    name={`parties.${i}.signatureRequired`}
                    render={({ field }) => <Checkbox label={label(`parties.${i}.signatureRequired`)} checked={field.value} onChange={(e) => field.onChange(e.currentTarget.checked)} mb={8} />}
                  />
                  {i >= 2 && (
                    <ActionIcon variant="subtle" color="red" onClick={() => parties.remove(i)} aria-label={t('mous.form.removeParty', { n: i + 1 })} mb={4}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  )}
                </Group>
              </SimpleGrid>
            </Fieldset>
          ))}
        </Stack>
        <Button mt="xs" variant="default" leftSection={<IconPlus size={16} />} onClick={() => parties.append({ organizationId: '', role: 'witness', signatureRequired: true })}>
          {t('mous.form.addParty')}
        </Button>
      </section>

      <section aria-labelledby="obligations-heading">
        <Title order={2} size="h4" id="obligations-heading" mb="xs">
          {t('mous.field.obligations')}
        </Title>
        <Stack gap="xs">
          {obligations.fields.length === 0 && <Text size="sm">{t('mous.form.noObligations')}</Text>}
          {obligations.fields.map((f, i) => (
            <Card key={f.id} withBorder p="sm" component="fieldset" aria-label={t('mous.form.obligationN', { n: i + 1 })} style={{ margin: 0 }}>
              <Stack gap="xs">
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                  <Controller
                    control={form.control}
                    name={`obligations.${i}.ownerOrganizationId`}
                    render={({ field }) => (
                      <NativeSelect
                        label={label(`obligations.${i}.ownerOrganizationId`)}
                        data={partyOptions}
                        value={field.value}
                        onChange={(e) => field.onChange(e.currentTarget.value)}
                        error={err(`obligations.${i}.ownerOrganizationId`)}
                      />
                    )}
                  />
                  <TextInput type="date" label={label(`obligations.${i}.dueDate`)} {...form.register(`obligations.${i}.dueDate`)} error={err(`obligations.${i}.dueDate`)} />
                </SimpleGrid>
                <Group align="flex-end" wrap="nowrap" gap="xs">
                  <Textarea style={{ flex: 1 }} label={label(`obligations.${i}.text`)} autosize minRows={1} {...form.register(`obligations.${i}.text`)} error={err(`obligations.${i}.text`)} />
                  <ActionIcon variant="subtle" color="red" onClick={() => obligations.remove(i)} aria-label={t('mous.form.removeObligation', { n: i + 1 })} mb={6}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              </Stack>
            </Card>
          ))}
        </Stack>
        <Button mt="xs" variant="default" leftSection={<IconPlus size={16} />} onClick={() => obligations.append({ ownerOrganizationId: values.parties[0]?.organizationId ?? '', text: '', dueDate: '' })}>
          {t('mous.form.addObligation')}
        </Button>
      </section>
    </Stack>
  );
}
