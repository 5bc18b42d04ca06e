import { Button, Checkbox, Group, NativeSelect, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { TOPICS } from '../../api/catalog';
import { toProblem } from '../../api/problem';
import { useI18n } from '../../i18n';
import { BackLink } from '../../ui/back-link';
import { clearDraft, loadDraft, useDraftAutosave } from '../../ui/drafts';
import { applyProblemToForm } from '../../ui/field-problems';
import { notify } from '../../ui/notify';
import { ProblemAlert } from '../../ui/problems';
import { SCHOOL_LEVELS, useCreateRequest, useOrganization, useOrganizationSearch, usePrograms, useRegencies, type NeedTopic, type SchoolLevel } from './api';
import { useViewer } from './parts';

interface RequestValues {
  educationOfficeId: string;
  regionCode: string;
  schoolLevels: SchoolLevel[];
  schoolsWanted: string;
  needTopics: NeedTopic[];
  needsNote: string;
  programId: string;
  dueDate: string;
}

const DRAFT = 'partner-request.new';

function inDays(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const EMPTY: RequestValues = { educationOfficeId: '', regionCode: '', schoolLevels: ['SD'], schoolsWanted: '1', needTopics: [], needsNote: '', programId: '', dueDate: '' };

/** /partner-requests/new: the CSR officer asks an education office for recommended schools. */
export function NewRequestPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const viewer = useViewer();
  const [restored] = useState(() => loadDraft<RequestValues>(DRAFT));
  const form = useForm<RequestValues>({ defaultValues: restored ?? { ...EMPTY, dueDate: inDays(30) } });
  const values = form.watch();
  useDraftAutosave(DRAFT, values);
  const create = useCreateRequest();
  const [problem, setProblem] = useState<unknown>(null);
  const office = useOrganization(values.educationOfficeId || null);
  const officeRegion = office.data?.regionCode ?? null;
  const regencies = useRegencies(office.data?.officeLevel === 'province' ? officeRegion : null);
  const programs = usePrograms(viewer === 'company');

  // A new office: its own jurisdiction is the first region offered.
  useEffect(() => {
    if (officeRegion && !values.regionCode.startsWith(officeRegion)) form.setValue('regionCode', officeRegion);
  }, [officeRegion]);

  const labels: Record<string, string> = {
    educationOfficeId: t('requests.field.office'),
    regionCode: t('requests.field.region'),
    schoolLevels: t('requests.field.levels'),
    schoolsWanted: t('requests.field.schoolsWanted'),
    needTopics: t('requests.field.needs'),
    needsNote: t('requests.field.needsNote'),
    programId: t('requests.field.program'),
    dueDate: t('requests.field.dueDate'),
  };

  const onSubmit = (v: RequestValues) => {
    setProblem(null);
    create.mutate(
      {
        educationOfficeId: v.educationOfficeId,
        regionCode: v.regionCode,
        schoolLevels: v.schoolLevels,
        // What was typed goes as typed: the API says what is wrong with it (0, empty, too many).
        schoolsWanted: v.schoolsWanted.trim() === '' ? (null as unknown as number) : Number(v.schoolsWanted),
        needTopics: v.needTopics,
        ...(v.needsNote.trim() ? { needsNote: v.needsNote } : {}),
        ...(v.programId ? { programId: v.programId } : {}),
        dueDate: v.dueDate,
      },
      {
        onSuccess: (created) => {
          clearDraft(DRAFT);
          notify(t('requests.new.done', { office: created.educationOffice.name }));
          void navigate(`/partner-requests/${created.id}`);
        },
        onError: (err) => {
          const rest = applyProblemToForm(form, err, {
            toFormName: (f) => {
              const name = f.replace(/\[\d+\]$/, '');
              return name in labels ? name : null;
            },
            label: (name) => labels[name],
          });
          const p = toProblem(err);
          setProblem(p.code === 'validation_failed' && p.fields.length > 0 && rest.length === 0 ? null : err);
        },
      },
    );
  };

  const regionOptions = officeRegion
    ? [
        { value: officeRegion, label: office.data?.regionName ? `${office.data.regionName} (${officeRegion})` : officeRegion },
        ...(regencies.data?.items ?? []).map((r) => ({ value: r.code, label: `${r.name} (${r.code})` })),
      ]
    : [];
  const errors = form.formState.errors;

  return (
    <Stack gap="lg" maw={860}>
      <BackLink to="/partner-requests">{t('requests.back')}</BackLink>
      <div>
        <Title order={1} id="new-request-title">
          {t('requests.new.title')}
        </Title>
        <Text c="gray.7">{t('requests.new.intro')}</Text>
      </div>
      {restored && <Text size="sm">{t('common.draftRestored')}</Text>}
      <form noValidate aria-labelledby="new-request-title" onSubmit={(e) => void form.handleSubmit(onSubmit)(e)}>
        <Stack gap="md">
          <Controller
            control={form.control}
            name="educationOfficeId"
            render={({ field }) => (
              <OfficePicker label={labels.educationOfficeId} value={field.value} onChange={field.onChange} error={errors.educationOfficeId?.message} />
            )}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NativeSelect
              label={labels.regionCode}
              withAsterisk
              disabled={!officeRegion}
              description={officeRegion ? t('requests.new.regionHint') : t('requests.new.regionAfterOffice')}
              data={officeRegion ? regionOptions : [{ value: '', label: t('requests.new.chooseOfficeFirst') }]}
              {...form.register('regionCode')}
              error={errors.regionCode?.message}
            />
            <TextInput
              label={labels.schoolsWanted}
              withAsterisk
              type="number"
              inputMode="numeric"
              {...form.register('schoolsWanted')}
              error={errors.schoolsWanted?.message}
            />
          </SimpleGrid>
          <Controller
            control={form.control}
            name="schoolLevels"
            render={({ field }) => (
              <Checkbox.Group label={labels.schoolLevels} description={t('requests.new.levelsHint')} value={field.value} onChange={field.onChange} error={errors.schoolLevels?.message}>
                <Group gap="md" mt={6}>
                  {SCHOOL_LEVELS.map((l) => (
                    <Checkbox key={l} value={l} label={l} />
                  ))}
                </Group>
              </Checkbox.Group>
            )}
          />
          <Controller
            control={form.control}
            name="needTopics"
            render={({ field }) => (
              <Checkbox.Group label={labels.needTopics} description={t('requests.new.needsHint')} value={field.value} onChange={field.onChange} error={errors.needTopics?.message}>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6} mt={6}>
                  {TOPICS.map((topic) => (
                    <Checkbox key={topic} value={topic} label={t(`common.topic.${topic}`)} />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>
            )}
          />
          <Textarea label={labels.needsNote} autosize minRows={3} maxLength={2000} {...form.register('needsNote')} error={errors.needsNote?.message} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NativeSelect
              label={labels.programId}
              description={t('requests.new.programHint')}
              data={[{ value: '', label: t('requests.new.noProgram') }, ...(programs.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))]}
              {...form.register('programId')}
              error={errors.programId?.message}
            />
            <TextInput label={labels.dueDate} withAsterisk type="date" {...form.register('dueDate')} error={errors.dueDate?.message} />
          </SimpleGrid>
          <ProblemAlert error={problem} />
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              {t('requests.new.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

/** Picks an education office by typing part of its name (the API searches; the first 20 are offered). */
function OfficePicker({ label, value, onChange, error }: { label: string; value: string; onChange(id: string): void; error?: string }) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const current = useOrganization(value || null);
  const found = useOrganizationSearch('education_office', current.data && search === current.data.name ? '' : debounced.trim());
  const options = (found.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }));
  if (current.data && !options.some((o) => o.value === current.data.id)) options.unshift({ value: current.data.id, label: current.data.name });
  return (
    <Select
      label={label}
      description={t('requests.new.officeHint')}
      placeholder={t('requests.new.officePlaceholder')}
      withAsterisk
      searchable
      data={options}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={found.isFetching ? t('common.loading') : t('requests.new.noOffice')}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
