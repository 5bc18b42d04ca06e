import { Button, Card, Group, MultiSelect, NativeSelect, NumberInput, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client';
import { toProblem } from '../../api/problem';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n';
import { BackLink } from '../../ui/back-link';
import { applyProblemToForm } from '../../ui/field-problems';
import { notify } from '../../ui/notify';
import { ProblemAlert } from '../../ui/problems';
import { ATTENDEE_ROLES, practiceCalls, practiceKeys, useDirectory, usePractices, type AttendeeRole } from './api';

interface EventValues {
  hostSchoolId: string;
  title: string;
  heldOn: string;
  place: string;
  notes: string;
  visitingSchoolIds: string[];
  visitingCompanyIds: string[];
  practiceIds: string[];
  attendees: Record<AttendeeRole, number | ''>;
}

/** The schools a CSR officer or facilitator may host an event for: those of the partnerships they see. */
function useHostSchools(enabled: boolean) {
  return useQuery({
    queryKey: ['partnerships', 'list', 'hosts'] as const,
    enabled,
    queryFn: () => unwrap(api.GET('/api/v1/partnerships', { params: { query: { limit: 100 } } })),
  });
}

/** /practices/events/new: the host school's principal (or a CSR officer or facilitator of its program) records a sharing session. */
export function EventFormPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const isPrincipal = me?.user.role === 'principal';
  const hosts = useHostSchools(!isPrincipal);
  const hostOptions = [...new Map((hosts.data?.items ?? []).map((p) => [p.school.id, p.school.name])).entries()].map(([value, label]) => ({ value, label }));
  const [schoolQuery, setSchoolQuery] = useState('');
  const [companyQuery, setCompanyQuery] = useState('');
  const schools = useDirectory('school', schoolQuery);
  const companies = useDirectory('company', companyQuery);
  const [problem, setProblem] = useState<unknown>(null);
  const form = useForm<EventValues>({
    defaultValues: {
      hostSchoolId: isPrincipal ? (me?.organization.id ?? '') : '',
      title: '',
      heldOn: '',
      place: '',
      notes: '',
      visitingSchoolIds: [],
      visitingCompanyIds: [],
      practiceIds: [],
      attendees: Object.fromEntries(ATTENDEE_ROLES.map((r) => [r, ''])) as Record<AttendeeRole, number | ''>,
    },
  });
  const hostId = form.watch('hostSchoolId');
  // The host's own practices (published or not), the ones an event of the school shows.
  const practices = usePractices(hostId ? { schoolId: hostId } : {});
  const errors = form.formState.errors;
  const labels: Record<string, string> = {
    hostSchoolId: t('practices.eventForm.host'),
    title: t('practices.eventForm.title'),
    heldOn: t('practices.eventForm.heldOn'),
    place: t('practices.eventForm.place'),
    notes: t('practices.eventForm.notes'),
    visitingSchoolIds: t('practices.eventForm.visitingSchools'),
    visitingCompanyIds: t('practices.eventForm.visitingCompanies'),
    practiceIds: t('practices.eventForm.practices'),
    attendees: t('practices.eventForm.attendees'),
  };
  const required = (name: string) => ({ required: t('practices.form.required', { label: labels[name] }) });
  const keep = (selected: string[], options: Array<{ value: string; label: string }>, known: Map<string, string>) => [
    ...options,
    ...selected.filter((id) => !options.some((o) => o.value === id)).map((id) => ({ value: id, label: known.get(id) ?? id })),
  ];
  const [names] = useState(() => new Map<string, string>());
  const schoolOptions = (schools.data?.items ?? []).filter((o) => o.id !== hostId).map((o) => ({ value: o.id, label: o.regionName ? `${o.name} (${o.regionName})` : o.name }));
  const companyOptions = (companies.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }));
  [...schoolOptions, ...companyOptions].forEach((o) => names.set(o.value, o.label));
  const practiceOptions = (practices.data?.pages.flatMap((p) => p.items) ?? []).filter((p) => p.status === 'published' || p.school.id === hostId).map((p) => ({ value: p.id, label: `${p.title} · ${p.school.name}` }));

  const onSubmit = async (v: EventValues) => {
    setProblem(null);
    try {
      const created = await practiceCalls.createEvent({
        hostSchoolId: v.hostSchoolId,
        title: v.title,
        heldOn: v.heldOn,
        place: v.place,
        ...(v.notes.trim() ? { notes: v.notes } : {}),
        visitingSchoolIds: v.visitingSchoolIds,
        visitingCompanyIds: v.visitingCompanyIds,
        practiceIds: v.practiceIds,
        attendees: ATTENDEE_ROLES.filter((r) => v.attendees[r] !== '' && Number(v.attendees[r]) > 0).map((role) => ({ role, count: Number(v.attendees[role]) })),
      });
      await queryClient.invalidateQueries({ queryKey: practiceKeys.events });
      notify(t('practices.eventForm.saved', { title: created.title }));
      navigate('/practices/events');
    } catch (err) {
      const rest = applyProblemToForm(form, err, { label: (name) => labels[name.split('.')[0]] });
      setProblem(toProblem(err).code === 'validation_failed' && rest.length === 0 ? null : err);
    }
  };

  return (
    <Stack gap="lg" maw={860}>
      <BackLink to="/practices/events">{t('practices.eventForm.back')}</BackLink>
      <div>
        <Title order={1} id="event-title">
          {t('practices.eventForm.heading')}
        </Title>
        <Text c="gray.7">{t('practices.eventForm.intro')}</Text>
      </div>
      <form noValidate aria-labelledby="event-title" onSubmit={(e) => void form.handleSubmit(onSubmit)(e)}>
        <Stack gap="md">
          {isPrincipal ? (
            <Text>
              <Text span fw={600}>
                {labels.hostSchoolId}:
              </Text>{' '}
              {me?.organization.name}
            </Text>
          ) : (
            <NativeSelect
              label={labels.hostSchoolId}
              withAsterisk
              data={[{ value: '', label: t('practices.eventForm.chooseHost') }, ...hostOptions]}
              {...form.register('hostSchoolId', required('hostSchoolId'))}
              error={errors.hostSchoolId?.message}
            />
          )}
          <TextInput label={labels.title} withAsterisk maxLength={200} {...form.register('title', required('title'))} error={errors.title?.message} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput type="date" label={labels.heldOn} withAsterisk {...form.register('heldOn', required('heldOn'))} error={errors.heldOn?.message} />
            <TextInput label={labels.place} withAsterisk maxLength={300} {...form.register('place', required('place'))} error={errors.place?.message} />
          </SimpleGrid>
          <Controller
            control={form.control}
            name="visitingSchoolIds"
            render={({ field }) => (
              <MultiSelect
                label={labels.visitingSchoolIds}
                description={t('practices.eventForm.searchHint')}
                searchable
                searchValue={schoolQuery}
                onSearchChange={setSchoolQuery}
                data={keep(field.value, schoolOptions, names)}
                value={field.value}
                onChange={field.onChange}
                error={errors.visitingSchoolIds?.message ?? (errors.visitingSchoolIds as unknown as Array<{ message?: string }> | undefined)?.find?.((x) => x?.message)?.message}
              />
            )}
          />
          <Controller
            control={form.control}
            name="visitingCompanyIds"
            render={({ field }) => (
              <MultiSelect
                label={labels.visitingCompanyIds}
                searchable
                searchValue={companyQuery}
                onSearchChange={setCompanyQuery}
                data={keep(field.value, companyOptions, names)}
                value={field.value}
                onChange={field.onChange}
              />
            )}
          />
          <Controller
            control={form.control}
            name="practiceIds"
            render={({ field }) => <MultiSelect label={labels.practiceIds} description={t('practices.eventForm.practicesHint')} searchable data={practiceOptions} value={field.value} onChange={field.onChange} />}
          />
          <Card withBorder padding="md" radius="md" component="fieldset" style={{ margin: 0 }}>
            <Text component="legend" fw={600} px={4}>
              {labels.attendees}
            </Text>
            <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="sm">
              {ATTENDEE_ROLES.map((role) => (
                <Controller
                  key={role}
                  control={form.control}
                  name={`attendees.${role}`}
                  render={({ field }) => <NumberInput label={t(`practices.attendee.${role}`)} min={0} max={10000} allowDecimal={false} value={field.value} onChange={(v) => field.onChange(v === '' ? '' : Number(v))} />}
                />
              ))}
            </SimpleGrid>
          </Card>
          <Textarea label={labels.notes} autosize minRows={2} maxLength={4000} {...form.register('notes')} />
          {problem !== null && <ProblemAlert error={problem} />}
          <Group>
            <Button type="submit" loading={form.formState.isSubmitting}>
              {t('practices.eventForm.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
