import { Alert, Button, Fieldset, Group, MultiSelect, NativeSelect, NumberInput, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import { useNavigate, useSearchParams } from 'react-router';
import { TOPICS } from '../../api/catalog';
import { toProblem, type FieldProblem } from '../../api/problem';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n';
import { BackLink } from '../../ui/back-link';
import { clearDraft, loadDraft, useDraftAutosave, useIdempotencyKey } from '../../ui/drafts';
import { applyProblemToForm } from '../../ui/field-problems';
import { formatNumber } from '../../ui/format';
import { notify } from '../../ui/notify';
import { PageState, ProblemAlert } from '../../ui/problems';
import { useAttendeeCandidates, type NewSession } from './api';
import { putOutbox, sendNow, type OutboxItem } from './offline/outbox';
import { useMyAssignments, useOutboxSync } from './offline/use-outbox';

export const SESSION_MODES = ['visit', 'online', 'workshop', 'training', 'evaluation'] as const;
export const ATTENDEE_ROLES = ['principal', 'teachers', 'education_staff', 'supervisor', 'parents', 'students'] as const;
type Role = (typeof ATTENDEE_ROLES)[number];

/** Photos the API takes (PNG or JPEG), at most 15 MB. */
const PHOTO_TYPES = 'image/png,image/jpeg';
const MAX_PHOTO_BYTES = 15 * 1024 * 1024;

interface ActionRow {
  description: string;
  ownerSide: 'school' | 'facilitator';
  dueDate: string;
}

export interface SessionFormValues {
  assignmentId: string;
  heldOn: string;
  hours: number | string;
  mode: (typeof SESSION_MODES)[number];
  topic: (typeof TOPICS)[number];
  counts: Record<Role, number | string>;
  attendeeUserIds: string[];
  notes: string;
  actions: ActionRow[];
}

/** Today on this device (YYYY-MM-DD), where the facilitator is. */
function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const EMPTY_COUNTS: Record<Role, number | string> = { principal: '', teachers: '', education_staff: '', supervisor: '', parents: '', students: '' };

function blank(assignmentId: string): SessionFormValues {
  return { assignmentId, heldOn: localToday(), hours: 2, mode: 'visit', topic: 'literacy', counts: { ...EMPTY_COUNTS }, attendeeUserIds: [], notes: '', actions: [] };
}

/** The form as the API's body. */
export function toSessionBody(v: SessionFormValues): NewSession {
  const counts: Partial<Record<Role, number>> = {};
  for (const r of ATTENDEE_ROLES) {
    const n = Number(v.counts[r]);
    if (v.counts[r] !== '' && Number.isFinite(n)) counts[r] = n;
  }
  return {
    assignmentId: v.assignmentId,
    heldOn: v.heldOn,
    durationMinutes: Math.round(Number(v.hours) * 60),
    mode: v.mode,
    topic: v.topic,
    attendeeCounts: counts,
    ...(v.attendeeUserIds.length > 0 ? { attendeeUserIds: v.attendeeUserIds } : {}),
    ...(v.notes.trim() ? { notes: v.notes.trim() } : {}),
  };
}

/** Where the API's field problems show on this form. */
function toFormName(field: string): string | null {
  if (field === 'durationMinutes') return 'hours';
  const count = /^attendeeCounts\.(\w+)$/.exec(field);
  if (count) return `counts.${count[1]}`;
  if (field.startsWith('attendeeUserIds')) return 'attendeeUserIds';
  return ['assignmentId', 'heldOn', 'mode', 'topic', 'notes'].includes(field) ? field : null;
}

const DRAFT = 'mentoring.session.new';

/** /mentoring/sessions/new?assignmentId=…: the facilitator logs a session, from a phone, with or without a connection. */
export function LogSessionPage() {
  const { t, lang } = useI18n();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { me } = useSession();
  useOutboxSync();
  const mine = useMyAssignments();
  const active = (mine.data?.items ?? []).filter((a) => a.active);
  const first = params.get('assignmentId') ?? '';
  const restored = useRef(loadDraft<SessionFormValues>(DRAFT));
  const form = useForm<SessionFormValues>({ defaultValues: restored.current && (!first || restored.current.assignmentId === first) ? restored.current : blank(first) });
  const actions = useFieldArray({ control: form.control, name: 'actions' });
  const { key, renew } = useIdempotencyKey(DRAFT);
  const [photo, setPhoto] = useState<File | null>(null);
  const [photoError, setPhotoError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<{ error: unknown; extra: FieldProblem[] } | null>(null);
  const [saving, setSaving] = useState(false);
  const values = form.watch();
  useDraftAutosave(DRAFT, values);
  const assignmentId = values.assignmentId;
  const people = useAttendeeCandidates(assignmentId || undefined);

  // The only school, or the one named in the link, is chosen for the person.
  useEffect(() => {
    if (!form.getValues('assignmentId') && active.length === 1) form.setValue('assignmentId', active[0].id);
  }, [active, form]);

  if (mine.isPending || (mine.isError && !mine.data)) return <PageState loading={mine.isPending} error={mine.error} />;

  const label = (name: string): string | undefined => {
    if (name.startsWith('counts.')) return t(`mentoring.attendee.${name.slice(7)}`);
    return (
      {
        assignmentId: t('mentoring.form.school'),
        heldOn: t('common.date'),
        hours: t('mentoring.form.hours'),
        mode: t('mentoring.session.mode'),
        topic: t('mentoring.session.topic'),
        attendeeUserIds: t('mentoring.form.named'),
        notes: t('mentoring.form.notes'),
      } as Record<string, string>
    )[name];
  };

  const choosePhoto = (file: File | null) => {
    setPhotoError(null);
    if (file && !PHOTO_TYPES.split(',').includes(file.type)) {
      setPhotoError(t('mentoring.form.photoType'));
      setPhoto(null);
      return;
    }
    if (file && file.size > MAX_PHOTO_BYTES) {
      setPhotoError(t('mentoring.form.photoSize'));
      setPhoto(null);
      return;
    }
    setPhoto(file);
  };

  const submit = async (v: SessionFormValues) => {
    if (!me) return;
    setRefusal(null);
    const assignment = active.find((a) => a.id === v.assignmentId);
    const item: OutboxItem = {
      key,
      userId: me.user.id,
      createdAt: new Date().toISOString(),
      schoolName: assignment?.school.name ?? '',
      session: toSessionBody(v),
      actions: v.actions.map((a) => ({ description: a.description.trim(), ownerSide: a.ownerSide, dueDate: a.dueDate })),
      photo: photo ? { blob: photo, name: photo.name } : null,
      sessionId: null,
      actionsSent: 0,
      photoSent: false,
      state: 'waiting',
      problem: null,
    };
    setSaving(true);
    try {
      try {
        await putOutbox(item);
      } catch {
        // No device storage (private mode): send directly; a lost connection then shows as a problem.
      }
      const done = () => {
        clearDraft(DRAFT);
        renew();
        void queryClient.invalidateQueries({ queryKey: ['mentoring'] });
      };
      if (!navigator.onLine) {
        done();
        notify(t('mentoring.form.keptOffline'), { color: 'yellow' });
        void navigate('/mentoring');
        return;
      }
      const result = await sendNow(key, { dropRefused: true });
      if (result.outcome === 'sent') {
        done();
        notify(t('mentoring.form.saved'));
        void navigate(`/mentoring/sessions/${result.sessionId}`);
      } else if (result.outcome === 'waiting') {
        done();
        notify(t('mentoring.form.keptOffline'), { color: 'yellow' });
        void navigate('/mentoring');
      } else if (item.sessionId === null) {
        // The session itself was refused: nothing was written; the person corrects and saves again.
        const rest = applyProblemToForm(form, result.error, { toFormName, label });
        setRefusal(toProblem(result.error).fields.length > 0 && rest.length === 0 ? null : { error: result.error, extra: rest });
      } else {
        // The session is there, a follow-up or the photo was refused: the list shows it with the reason.
        done();
        void navigate('/mentoring');
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <BackLink to="/mentoring">{t('mentoring.form.back')}</BackLink>
        <Title order={1}>{t('mentoring.form.title')}</Title>
        <Text c="gray.7">{t('mentoring.form.intro')}</Text>
      </Stack>
      {mine.data?.offline && (
        <Alert color="yellow" title={t('mentoring.facilitator.offlineTitle')}>
          {t('mentoring.form.offlineHint')}
        </Alert>
      )}
      {active.length === 0 ? (
        <Text>{t('mentoring.facilitator.noSchools')}</Text>
      ) : (
        <form
          noValidate
          style={{ '--mantine-color-error': 'var(--mantine-color-red-9)' } as CSSProperties}
          onSubmit={(e) => {
            setRefusal(null);
            void form.handleSubmit(submit)(e);
          }}
        >
          <Stack gap="md">
            <NativeSelect
              label={t('mentoring.form.school')}
              withAsterisk
              data={[{ value: '', label: t('mentoring.form.chooseSchool') }, ...active.map((a) => ({ value: a.id, label: `${a.school.name} (${a.programYear.year})` }))]}
              {...form.register('assignmentId', { required: t('mentoring.form.schoolRequired') })}
              error={form.formState.errors.assignmentId?.message}
            />
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
              <TextInput
                type="date"
                label={t('common.date')}
                withAsterisk
                max={localToday()}
                {...form.register('heldOn', { required: t('mentoring.form.dateRequired'), validate: (d) => d <= localToday() || t('mentoring.form.dateFuture') })}
                error={form.formState.errors.heldOn?.message}
              />
              <Controller
                control={form.control}
                name="hours"
                rules={{ validate: (h) => (Number(h) > 0 && Number(h) <= 24) || t('mentoring.form.hoursRange') }}
                render={({ field, fieldState }) => (
                  <NumberInput
                    label={t('mentoring.form.hours')}
                    withAsterisk
                    min={0.25}
                    max={24}
                    step={0.5}
                    decimalScale={2}
                    decimalSeparator={lang === 'id' ? ',' : '.'}
                    value={field.value}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    ref={field.ref}
                    name={field.name}
                    error={fieldState.error?.message}
                  />
                )}
              />
              <NativeSelect label={t('mentoring.session.mode')} data={SESSION_MODES.map((m) => ({ value: m, label: t(`mentoring.mode.${m}`) }))} {...form.register('mode')} error={form.formState.errors.mode?.message} />
              <NativeSelect label={t('mentoring.session.topic')} data={TOPICS.map((x) => ({ value: x, label: t(`common.topic.${x}`) }))} {...form.register('topic')} error={form.formState.errors.topic?.message} />
            </SimpleGrid>

            <Fieldset legend={t('mentoring.form.countsLegend')} radius="md">
              <Text size="sm" c="gray.7" mb="sm">
                {t('mentoring.form.countsHint')}
              </Text>
              <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
                {ATTENDEE_ROLES.map((r) => (
                  <Controller
                    key={r}
                    control={form.control}
                    name={`counts.${r}`}
                    render={({ field, fieldState }) => (
                      <NumberInput
                        label={t(`mentoring.attendee.${r}`)}
                        min={0}
                        max={10000}
                        allowDecimal={false}
                        allowNegative={false}
                        value={field.value}
                        onChange={field.onChange}
                        onBlur={field.onBlur}
                        ref={field.ref}
                        name={field.name}
                        error={fieldState.error?.message}
                      />
                    )}
                  />
                ))}
              </SimpleGrid>
            </Fieldset>

            <Controller
              control={form.control}
              name="attendeeUserIds"
              render={({ field, fieldState }) => (
                <MultiSelect
                  label={t('mentoring.form.named')}
                  description={people.isError || mine.data?.offline ? t('mentoring.form.namedOffline') : t('mentoring.form.namedHint')}
                  data={(people.data?.items ?? []).map((u) => ({ value: u.id, label: u.fullName }))}
                  searchable
                  clearable
                  disabled={!people.data}
                  value={field.value}
                  onChange={field.onChange}
                  error={fieldState.error?.message}
                  nothingFoundMessage={t('mentoring.form.nobody')}
                />
              )}
            />

            <Textarea label={t('mentoring.form.notes')} description={t('mentoring.form.notesHint')} autosize minRows={4} {...form.register('notes')} error={form.formState.errors.notes?.message} />

            <div>
              <Text component="label" htmlFor="session-photo" fw={500} size="sm" display="block">
                {t('mentoring.form.photo')}
              </Text>
              <Text size="xs" c="gray.7" id="session-photo-hint" mb={4}>
                {t('mentoring.form.photoHint')}
              </Text>
              <input
                id="session-photo"
                type="file"
                accept={PHOTO_TYPES}
                aria-describedby={photoError ? 'session-photo-hint session-photo-error' : 'session-photo-hint'}
                aria-invalid={photoError ? true : undefined}
                onChange={(e) => choosePhoto(e.currentTarget.files?.[0] ?? null)}
                style={{ maxWidth: '100%' }}
              />
              {photo && (
                <Text size="sm" mt={4}>
                  {t('mentoring.form.photoChosen', { name: photo.name, kb: formatNumber(Math.max(1, Math.round(photo.size / 1024)), lang) })}
                </Text>
              )}
              {photoError && (
                <Text size="sm" c="red.9" id="session-photo-error" role="alert" mt={4}>
                  {photoError}
                </Text>
              )}
            </div>

            <Fieldset legend={t('mentoring.form.actionsLegend')} radius="md">
              <Stack gap="sm">
                {actions.fields.length === 0 && (
                  <Text size="sm" c="gray.7">
                    {t('mentoring.form.noActions')}
                  </Text>
                )}
                {actions.fields.map((f, i) => (
                  <Fieldset key={f.id} legend={t('mentoring.form.actionN', { n: i + 1 })} variant="filled" radius="md">
                    <Stack gap="xs">
                      <TextInput
                        label={t('mentoring.form.actionDescription')}
                        withAsterisk
                        {...form.register(`actions.${i}.description`, { validate: (d) => d.trim().length > 0 || t('mentoring.form.actionRequired') })}
                        error={form.formState.errors.actions?.[i]?.description?.message}
                      />
                      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
                        <NativeSelect
                          label={t('mentoring.actions.owner')}
                          data={[
                            { value: 'school', label: t('mentoring.actions.side.school') },
                            { value: 'facilitator', label: t('mentoring.actions.side.facilitator') },
                          ]}
                          {...form.register(`actions.${i}.ownerSide`)}
                        />
                        <TextInput
                          type="date"
                          label={t('common.dueDate')}
                          withAsterisk
                          {...form.register(`actions.${i}.dueDate`, {
                            required: t('mentoring.form.dueRequired'),
                            validate: (d) => d >= form.getValues('heldOn') || t('mentoring.form.dueBefore'),
                          })}
                          error={form.formState.errors.actions?.[i]?.dueDate?.message}
                        />
                      </SimpleGrid>
                      <Group>
                        <Button variant="subtle" color="red" leftSection={<IconTrash size={16} aria-hidden="true" />} onClick={() => actions.remove(i)} aria-label={t('mentoring.form.removeAction', { n: i + 1 })}>
                          {t('common.remove')}
                        </Button>
                      </Group>
                    </Stack>
                  </Fieldset>
                ))}
                <Group>
                  <Button variant="default" leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => actions.append({ description: '', ownerSide: 'school', dueDate: '' })}>
                    {t('mentoring.form.addAction')}
                  </Button>
                </Group>
              </Stack>
            </Fieldset>

            {refusal && <ProblemAlert error={refusal.error} extra={refusal.extra} />}
            <Group>
              <Button type="submit" loading={saving}>
                {t('mentoring.form.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
