import { Button, Card, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { TOPICS } from '../../api/catalog';
import { toProblem } from '../../api/problem';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n';
import { ConflictAlert } from '../../ui/conflict-alert';
import { applyProblemToForm } from '../../ui/field-problems';
import { notify } from '../../ui/notify';
import { ProblemAlert } from '../../ui/problems';
import { fetchOrganization, organizationKey, useUpdateOrganization, type Organization, type OrganizationChanges } from './api';

export const SCHOOL_LEVELS = ['SD', 'MI', 'SMP', 'MTs', 'SMA', 'MA', 'SMK', 'SLB'] as const;

interface ProfileValues {
  name: string;
  schoolLevel: string;
  ownership: string;
  address: string;
  studentCount: string;
  teacherCount: string;
  principalName: string;
  needs: string[];
}

type FieldName = keyof ProfileValues;
const SCHOOL_ONLY: FieldName[] = ['schoolLevel', 'ownership', 'studentCount', 'teacherCount', 'principalName', 'needs'];

function toValues(o: Organization): ProfileValues {
  return {
    name: o.name,
    schoolLevel: o.schoolLevel ?? '',
    ownership: o.ownership ?? '',
    address: o.address ?? '',
    studentCount: o.studentCount === null ? '' : String(o.studentCount),
    teacherCount: o.teacherCount === null ? '' : String(o.teacherCount),
    principalName: o.principalName ?? '',
    needs: [...o.needs],
  };
}

/** A count as typed: empty clears it; anything that is not a whole number goes as typed, for the API to name. */
function toCount(text: string): number | null {
  const s = text.trim();
  if (s === '') return null;
  return /^-?\d+$/.test(s) ? Number(s) : (s as unknown as number);
}

const sameList = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** Only what the person changed goes to the API, so nothing they did not touch is written. */
function changesOf(values: ProfileValues, base: ProfileValues, isSchool: boolean): OrganizationChanges {
  const out: Record<string, unknown> = {};
  if (values.name !== base.name) out.name = values.name.trim();
  if (values.address !== base.address) out.address = values.address.trim() || null;
  if (isSchool) {
    if (values.schoolLevel !== base.schoolLevel) out.schoolLevel = values.schoolLevel;
    if (values.ownership !== base.ownership) out.ownership = values.ownership || null;
    if (values.studentCount !== base.studentCount) out.studentCount = toCount(values.studentCount);
    if (values.teacherCount !== base.teacherCount) out.teacherCount = toCount(values.teacherCount);
    if (values.principalName !== base.principalName) out.principalName = values.principalName.trim() || null;
    if (!sameList(values.needs, base.needs)) out.needs = values.needs;
  }
  return out as OrganizationChanges;
}

/** The profile fields the organisation's own users may change, saved on top of the version they read. */
export function ProfileForm({ org }: { org: Organization }) {
  const { t } = useI18n();
  const { me, reloadMe } = useSession();
  const queryClient = useQueryClient();
  const update = useUpdateOrganization(org.id);
  const isSchool = org.type === 'school';
  // What the form was filled from: the version sent back and the values changes are measured against.
  const [basis, setBasis] = useState(() => ({ version: org.version, values: toValues(org) }));
  const [problem, setProblem] = useState<{ error: unknown; rest: ReturnType<typeof applyProblemToForm> } | null>(null);
  // On a conflict: what this person had typed in the fields they changed, listed and ready to apply again.
  const [conflict, setConflict] = useState<{ shown: Array<{ label: string; value: string }>; mine: Partial<ProfileValues> } | null>(null);
  const form = useForm<ProfileValues>({ defaultValues: basis.values });
  const { errors, isSubmitting } = form.formState;

  const labels: Record<FieldName, string> = {
    name: t('school.profile.name'),
    schoolLevel: t('school.profile.level'),
    ownership: t('school.profile.ownership'),
    address: t('school.profile.address'),
    studentCount: t('school.profile.studentCount'),
    teacherCount: t('school.profile.teacherCount'),
    principalName: t('school.profile.principalName'),
    needs: t('school.profile.needs'),
  };
  const labelOf = (name: string) => (name in labels ? labels[name as FieldName] : undefined);
  const shown = (field: FieldName, value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('school.profile.emptyValue');
    if (field === 'needs') return (value as string[]).map((n) => t(`common.topic.${n}`)).join(', ') || t('school.profile.emptyValue');
    if (field === 'ownership') return t(`school.ownership.${String(value)}`);
    return String(value);
  };

  const reload = (fresh: Organization) => {
    setBasis({ version: fresh.version, values: toValues(fresh) });
    form.reset(toValues(fresh));
  };

  const onSubmit = form.handleSubmit(async (values) => {
    setProblem(null);
    setConflict(null);
    const changes = changesOf(values, basis.values, isSchool);
    if (Object.keys(changes).length === 0) {
      notify(t('school.profile.nothingChanged'), { color: 'gray' });
      return;
    }
    try {
      const saved = await update.mutateAsync({ version: basis.version, changes });
      reload(saved);
      notify(t('school.profile.saved'));
      // The name in the menu and header comes with the signed-in profile.
      if (org.id === me?.organization.id) void reloadMe();
    } catch (err) {
      if (toProblem(err).isConflict) {
        // Someone saved first: show the newer profile and list what this person had typed, to apply again.
        const fresh = await queryClient.fetchQuery({ queryKey: organizationKey(org.id), queryFn: () => fetchOrganization(org.id), staleTime: 0 });
        const mine = Object.fromEntries(Object.keys(changes).map((field) => [field, values[field as FieldName]])) as Partial<ProfileValues>;
        setConflict({ shown: Object.entries(changes).map(([field, value]) => ({ label: labels[field as FieldName], value: shown(field as FieldName, value) })), mine });
        reload(fresh);
        return;
      }
      setProblem({ error: err, rest: applyProblemToForm(form, err, { label: labelOf }) });
    }
  });

  const reapply = () => {
    if (!conflict) return;
    for (const [field, value] of Object.entries(conflict.mine)) form.setValue(field as FieldName, value, { shouldDirty: true });
    setConflict(null);
  };

  const visible = (field: FieldName) => isSchool || !SCHOOL_ONLY.includes(field);

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="profile-form-title">
      <Title order={2} size="h3" id="profile-form-title" mb="xs">
        {t('school.profile.editTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('school.profile.editHint')}
      </Text>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack gap="md">
          {conflict && <ConflictAlert unsaved={conflict.shown} onReapply={reapply} />}
          {problem && <ProblemAlert error={problem.error} extra={problem.rest} />}
          <TextInput label={labels.name} required {...form.register('name')} error={errors.name?.message} autoComplete="organization" />
          {isSchool && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect label={labels.schoolLevel} {...form.register('schoolLevel')} error={errors.schoolLevel?.message} data={SCHOOL_LEVELS.map((l) => ({ value: l, label: t(`school.level.${l}`) }))} />
              <NativeSelect
                label={labels.ownership}
                {...form.register('ownership')}
                error={errors.ownership?.message}
                data={[
                  { value: '', label: t('school.profile.notStated') },
                  { value: 'public', label: t('school.ownership.public') },
                  { value: 'private', label: t('school.ownership.private') },
                ]}
              />
            </SimpleGrid>
          )}
          {visible('address') && <Textarea label={labels.address} autosize minRows={2} {...form.register('address')} error={errors.address?.message} autoComplete="street-address" />}
          {isSchool && (
            <>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label={labels.studentCount} inputMode="numeric" {...form.register('studentCount')} error={errors.studentCount?.message} />
                <TextInput label={labels.teacherCount} inputMode="numeric" {...form.register('teacherCount')} error={errors.teacherCount?.message} />
              </SimpleGrid>
              <TextInput label={labels.principalName} description={t('school.profile.principalNameHint')} {...form.register('principalName')} error={errors.principalName?.message} />
              <Controller
                control={form.control}
                name="needs"
                render={({ field }) => (
                  <Checkbox.Group label={labels.needs} description={t('school.profile.needsHint')} value={field.value} onChange={field.onChange} error={errors.needs?.message}>
                    <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
                      {TOPICS.map((topic) => (
                        <Checkbox key={topic} value={topic} label={t(`common.topic.${topic}`)} />
                      ))}
                    </SimpleGrid>
                  </Checkbox.Group>
                )}
              />
            </>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={isSubmitting}>
              {t('school.profile.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
