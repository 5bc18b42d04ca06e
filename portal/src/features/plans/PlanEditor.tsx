import { ActionIcon, Alert, Anchor, Box, Button, Card, Group, NativeSelect, Paper, Stack, Stepper, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAlertCircle, IconArrowLeft, IconArrowRight, IconCloudUpload, IconDeviceFloppy, IconPlus, IconSend, IconTrash, IconWifiOff } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { Controller, FormProvider, get, useFieldArray, useForm, useFormContext, useFormState, useWatch, type Path } from 'react-hook-form';
import { TOPICS } from '../../api/catalog';
import { toProblem, type FieldProblem } from '../../api/problem';
import { hasKey, useI18n } from '../../i18n';
import { clearDraft, loadDraft, saveDraft, useDraftAutosave } from '../../ui/drafts';
import { Money, MoneyInput } from '../../ui/money';
import { notify } from '../../ui/notify';
import { useProblemText } from '../../ui/problems';
import { fetchPlan, planKeys, usePlanStep, useSavePlan } from './plan-api';
import { TotalsRows } from './PlanParts';
import { CommentsProvider, FieldThread, PlanDiscussion, Row, useInRow } from './PlanComments';
import {
  ACCOUNT_CODES,
  anchorOf,
  emptyActivity,
  emptyBudgetLine,
  emptyDocumentLine,
  emptyIndicator,
  emptyProgram,
  emptyRisk,
  fieldId,
  fieldLabel,
  formAnchors,
  FUNDING_SOURCES,
  isListAnchor,
  lineTotalPreview,
  monthName,
  newItemIds,
  PARTICIPANT_ROLES,
  PLANNING_DOCUMENTS,
  SNP_STANDARDS,
  stepOf,
  STEPS,
  toContentInput,
  toFormValues,
  totalsPreview,
  type PlanDetail,
  type PlanFormValues,
  type PlanTotals,
} from './plan-form';
import type { PlanComment } from './plan-api';
import { PlanParentEngagementSection } from '../parent-engagement/PlanParentEngagementSection';

/** How long typing pauses before the draft is sent to the server. */
const AUTOSAVE_MS = 2500;

/** The unsent form kept on the device. */
interface DeviceCopy {
  baseVersion: number;
  values: PlanFormValues;
}

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'offline' } | { kind: 'error' } | { kind: 'conflict' };
type Source = 'auto' | 'manual' | 'submit';
interface ShownProblem {
  error: unknown;
  source: Source;
  fields: Array<FieldProblem & { anchor: string | null; text: string }>;
}

/** Problems about a whole list (no activity yet, …), shown beside the list's add button. */
const ListErrors = createContext<{ errors: Record<string, string>; clear(anchor: string): void }>({ errors: {}, clear: () => undefined });

/** The guided form of a draft (or of a plan sent back with changes requested). */
export function PlanEditor({ plan, comments, canComment }: { plan: PlanDetail; comments: PlanComment[]; canComment: boolean }) {
  const { t, lang } = useI18n();
  const qc = useQueryClient();
  const problemText = useProblemText();
  const isPhone = useMediaQuery('(max-width: 48em)');
  const draftKey = `plan.${plan.id}`;
  // The form starts from the plan as first loaded; later answers are merged in by the save itself.
  const [initial] = useState(() => toFormValues(plan.title, plan.content));
  const form = useForm<PlanFormValues>({ defaultValues: initial, mode: 'onChange' });
  const version = useRef(plan.version);
  const savedJson = useRef(JSON.stringify(initial));
  const [dirty, setDirty] = useState(false);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [problem, setProblem] = useState<ShownProblem | null>(null);
  const problemSource = useRef<Source | null>(null);
  const [listErrors, setListErrors] = useState<Record<string, string>>({});
  const listErrorValue = useMemo(
    () => ({
      errors: listErrors,
      clear: (anchor: string) =>
        setListErrors((e) => {
          if (!(anchor in e)) return e;
          const next = { ...e };
          delete next[anchor];
          return next;
        }),
    }),
    [listErrors],
  );
  const [offer, setOffer] = useState<DeviceCopy | null>(() => {
    const copy = loadDraft<DeviceCopy>(draftKey);
    return copy && copy.values && JSON.stringify(copy.values) !== savedJson.current ? copy : null;
  });
  const [active, setActive] = useState(0);
  const save = useSavePlan(plan.id);
  const step = usePlanStep(plan.id);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const autoTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const alertRef = useRef<HTMLDivElement>(null);

  // ---- moving to a field ----
  const pendingFocus = useRef<string | null>(null);
  const [focusTick, setFocusTick] = useState(0);
  const goTo = useCallback((anchor: string) => {
    setActive(stepOf(anchor));
    pendingFocus.current = anchor;
    setFocusTick((n) => n + 1);
  }, []);
  useEffect(() => {
    const anchor = pendingFocus.current;
    if (!anchor) return;
    pendingFocus.current = null;
    requestAnimationFrame(() => {
      const el = document.getElementById(fieldId(anchor));
      if (!el) return;
      el.scrollIntoView({ block: 'center' });
      el.focus({ preventScroll: true });
    });
  }, [focusTick, active]);

  // ---- problems ----
  const fieldText = useCallback(
    (f: FieldProblem, anchor: string | null): string => {
      const key = `plans.problem.${f.code}`;
      if (hasKey(lang, key)) return t(key);
      const label = anchor ? fieldLabel(anchor, form.getValues().content, t) : '';
      return label ? f.message.split(f.field).join(label) : f.message;
    },
    [form, lang, t],
  );

  const showProblem = useCallback(
    (err: unknown, source: Source) => {
      const p = toProblem(err);
      const anchors = formAnchors(form.getValues().content);
      const fields = p.fields.map((f) => {
        const anchor = anchorOf(f.field, anchors);
        return { ...f, anchor, text: fieldText(f, anchor) };
      });
      form.clearErrors();
      const lists: Record<string, string> = {};
      for (const f of fields) {
        if (!f.anchor) continue;
        if (isListAnchor(f.anchor)) lists[f.anchor] = f.text;
        else form.setError(f.anchor as Path<PlanFormValues>, { type: 'server', message: f.text });
      }
      setListErrors(lists);
      setProblem({ error: err, source, fields });
      problemSource.current = source;
      setSaveState({ kind: 'error' });
      if (source === 'auto') return;
      const first = fields.find((f) => f.anchor);
      if (first?.anchor) goTo(first.anchor);
      else requestAnimationFrame(() => alertRef.current?.focus());
    },
    [fieldText, form, goTo],
  );

  // ---- saving ----
  const reloadAfterConflict = useCallback(async () => {
    // The person's own values stay on the device, offered back beside the newer ones.
    const mine: DeviceCopy = { baseVersion: version.current, values: form.getValues() };
    saveDraft(draftKey, mine);
    try {
      const fresh = await fetchPlan(plan.id);
      qc.setQueryData(planKeys.one(plan.id), fresh);
      version.current = fresh.version;
      const values = toFormValues(fresh.title, fresh.content);
      savedJson.current = JSON.stringify(values);
      form.reset(values);
      setOffer(mine);
    } catch {
      // the conflict message still stands; the next save tries again
    }
    setProblem(null);
    setListErrors({});
    setSaveState({ kind: 'conflict' });
  }, [draftKey, form, plan.id, qc]);

  const doSave = useCallback(
    async (source: Source): Promise<boolean> => {
      clearTimeout(autoTimer.current);
      if (inFlight.current) await inFlight.current;
      const values = form.getValues();
      if (JSON.stringify(values) === savedJson.current) {
        if (source !== 'auto') setSaveState((s) => (s.kind === 'saved' ? s : { kind: 'saved', at: new Date() }));
        return true;
      }
      setSaveState({ kind: 'saving' });
      const run = (async () => {
        try {
          const res = await save.mutateAsync({ version: version.current, title: values.title, content: toContentInput(values.content) });
          version.current = res.version;
          const ids = newItemIds(values.content, res.content);
          const sent = structuredClone(values);
          for (const [name, id] of ids) {
            setPath(sent, name, id);
            if (!form.getValues(name as Path<PlanFormValues>)) form.setValue(name as Path<PlanFormValues>, id as never, { shouldDirty: false });
          }
          savedJson.current = JSON.stringify(sent);
          const stillDirty = JSON.stringify(form.getValues()) !== savedJson.current;
          setDirty(stillDirty);
          if (!stillDirty) clearDraft(draftKey);
          // The server took the draft, so its earlier refusals of the draft's shape are answered; what
          // a submission found missing stays marked until it is filled in.
          if (problemSource.current !== 'submit') {
            form.clearErrors();
            setListErrors({});
            setProblem(null);
          }
          setSaveState({ kind: 'saved', at: new Date() });
          return true;
        } catch (err) {
          const p = toProblem(err);
          if (p.isNetwork) {
            saveDraft(draftKey, { baseVersion: version.current, values: form.getValues() } satisfies DeviceCopy);
            setSaveState({ kind: 'offline' });
          } else if (p.isConflict) {
            await reloadAfterConflict();
          } else {
            showProblem(err, source);
          }
          return false;
        }
      })();
      inFlight.current = run;
      try {
        return await run;
      } finally {
        inFlight.current = null;
      }
    },
    [draftKey, form, reloadAfterConflict, save, showProblem],
  );
  const doSaveRef = useRef(doSave);
  doSaveRef.current = doSave;

  const onValues = useCallback((values: PlanFormValues) => {
    const isDirty = JSON.stringify(values) !== savedJson.current;
    setDirty(isDirty);
    clearTimeout(autoTimer.current);
    if (isDirty) autoTimer.current = setTimeout(() => void doSaveRef.current('auto'), AUTOSAVE_MS);
  }, []);

  useEffect(() => {
    // Back online: send what waited on the device.
    const online = () => {
      if (JSON.stringify(form.getValues()) !== savedJson.current) void doSaveRef.current('auto');
    };
    // Leaving or hiding the page keeps the unsent values on the device at once.
    const keep = () => {
      if (JSON.stringify(form.getValues()) !== savedJson.current) saveDraft(draftKey, { baseVersion: version.current, values: form.getValues() } satisfies DeviceCopy);
    };
    const hidden = () => document.visibilityState === 'hidden' && keep();
    window.addEventListener('online', online);
    window.addEventListener('pagehide', keep);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('pagehide', keep);
      document.removeEventListener('visibilitychange', hidden);
      clearTimeout(autoTimer.current);
    };
  }, [draftKey, form]);

  const restore = () => {
    if (!offer) return;
    form.reset(offer.values);
    setOffer(null);
    notify(t('common.draftRestored'));
  };
  const discard = () => {
    clearDraft(draftKey);
    setOffer(null);
  };

  const submit = async () => {
    if (!(await doSave('submit'))) return;
    try {
      await step.mutateAsync('submit');
      clearDraft(draftKey);
      notify(t('plans.editor.submitted'));
    } catch (err) {
      if (toProblem(err).isNetwork) setSaveState({ kind: 'offline' });
      else showProblem(err, 'submit');
    }
  };

  // Problems still showing at their fields (fixed ones drop off the list).
  const { errors } = useFormState({ control: form.control });
  const open = (problem?.fields ?? []).filter((f) => !f.anchor || (isListAnchor(f.anchor) ? !!listErrors[f.anchor] : !!get(errors, f.anchor)));
  const stepsWithProblems = new Set(open.filter((f) => f.anchor).map((f) => stepOf(f.anchor as string)));
  const content = useWatch({ control: form.control, name: 'content' }) as PlanFormValues['content'];
  const resubmit = plan.status === 'changes_requested';

  const panels: ReactNode[] = [
    <StepAnalysis key="analysis" />,
    <StepPrograms key="programs" />,
    <StepLists key="activities" list="activities" goTo={goTo} />,
    <StepLists key="indicators" list="indicators" goTo={goTo} />,
    <StepBudget key="budget" goTo={goTo} dirty={dirty} serverTotals={plan.totals} />,
    <StepDocuments key="documents" dirty={dirty} serverTotals={plan.totals} />,
  ];

  return (
    <FormProvider {...form}>
      <ListErrors.Provider value={listErrorValue}>
      <CommentsProvider planId={plan.id} comments={comments} content={content} canComment={canComment} jumpTo={goTo}>
        <Watcher onValues={onValues} draftKey={draftKey} dirty={dirty} baseVersion={version.current} />
        <Stack gap="md">
          {offer && (
            <Alert color="yellow" icon={<IconCloudUpload size={18} />} title={t('plans.editor.deviceCopyTitle')}>
              <Text size="sm">{t('plans.editor.deviceCopyText')}</Text>
              <Group gap="xs" mt="xs">
                <Button size="sm" onClick={restore}>
                  {t('plans.editor.restore')}
                </Button>
                <Button size="sm" variant="subtle" onClick={discard}>
                  {t('plans.editor.discard')}
                </Button>
              </Group>
            </Alert>
          )}
          {saveState.kind === 'conflict' && (
            <Alert role="alert" color="orange" icon={<IconAlertCircle size={18} />} title={t('common.problem.conflictTitle')}>
              <Text size="sm">{t('common.problem.conflictDetail')}</Text>
            </Alert>
          )}
          {problem && open.length + (problem.fields.length === 0 ? 1 : 0) > 0 && (
            <Alert ref={alertRef} tabIndex={-1} role="alert" color="red" icon={<IconAlertCircle size={18} />} title={problem.fields.length > 0 ? t('plans.editor.fixTitle') : problemText(problem.error).title}>
              <Text size="sm">{problem.fields.length > 0 ? (problem.source === 'submit' ? t('plans.editor.fixSubmit') : t('plans.editor.fixSave')) : problemText(problem.error).detail}</Text>
              {open.length > 0 && (
                <ul style={{ margin: '0.5rem 0 0', paddingLeft: '1.2rem' }}>
                  {open.map((f) => (
                    <li key={f.field + f.code}>
                      {f.anchor ? (
                        <Anchor component="button" type="button" size="sm" ta="left" style={{ display: 'inline' }} onClick={() => goTo(f.anchor as string)}>
                          {`${fieldLabel(f.anchor, content, t)}: ${f.text}`}
                        </Anchor>
                      ) : (
                        <Text size="sm">{f.text}</Text>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </Alert>
          )}

          <Card withBorder padding={isPhone ? 'sm' : 'md'}>
            <Stepper
              active={active}
              onStepClick={setActive}
              allowNextStepsSelect
              size="sm"
              iconSize={isPhone ? 30 : 36}
              wrap={false}
              // A step left behind is not "done": it keeps its number instead of a tick.
              completedIcon={StepNumber}
              styles={isPhone ? { separator: { marginInline: 4 }, steps: { justifyContent: 'space-between' } } : undefined}
            >
              {STEPS.map((s, i) => (
                <Stepper.Step
                  key={s}
                  label={isPhone ? undefined : t(`plans.step.${s}`)}
                  // Without its label on a phone, the step still says which it is.
                  aria-label={isPhone ? t('plans.editor.stepAria', { n: i + 1, name: t(`plans.step.${s}`) }) : undefined}
                  aria-current={active === i ? 'step' : undefined}
                  color={stepsWithProblems.has(i) ? 'red' : undefined}
                />
              ))}
            </Stepper>
            <Title order={2} size="h3" mt="md" mb="sm">
              {t('plans.editor.stepTitle', { n: active + 1, total: STEPS.length, name: t(`plans.step.${STEPS[active]}`) })}
            </Title>
            {panels.map((panel, i) => (
              <div key={STEPS[i]} style={{ display: active === i ? 'block' : 'none' }}>
                {panel}
              </div>
            ))}
            <Group justify="space-between" mt="lg" gap="xs">
              <Group gap="xs">
                <Button variant="default" leftSection={<IconArrowLeft size={16} />} disabled={active === 0} onClick={() => setActive((a) => Math.max(0, a - 1))}>
                  {t('plans.editor.previous')}
                </Button>
                <Button variant="default" rightSection={<IconArrowRight size={16} />} disabled={active === STEPS.length - 1} onClick={() => setActive((a) => Math.min(STEPS.length - 1, a + 1))}>
                  {t('plans.editor.next')}
                </Button>
              </Group>
              <Group gap="xs">
                <Button variant="light" leftSection={<IconDeviceFloppy size={16} />} onClick={() => void doSave('manual')} loading={saveState.kind === 'saving' && !step.isPending}>
                  {t('plans.editor.save')}
                </Button>
                <Button leftSection={<IconSend size={16} />} onClick={() => void submit()} loading={step.isPending}>
                  {resubmit ? t('plans.editor.resubmit') : t('plans.editor.submit')}
                </Button>
              </Group>
            </Group>
            <SaveStatus state={saveState} dirty={dirty} />
          </Card>
          <PlanDiscussion />
        </Stack>
      </CommentsProvider>
      </ListErrors.Provider>
    </FormProvider>
  );
}

function StepNumber({ step }: { step: number }) {
  return <span>{step + 1}</span>;
}

function setPath(target: unknown, name: string, value: unknown): void {
  const parts = name.split('.');
  let node = target as Record<string, unknown>;
  for (const p of parts.slice(0, -1)) node = node[p] as Record<string, unknown>;
  node[parts[parts.length - 1]] = value;
}

/** Watches every value: keeps the unsent form on the device and tells the editor what changed. */
function Watcher({ onValues, draftKey, dirty, baseVersion }: { onValues(v: PlanFormValues): void; draftKey: string; dirty: boolean; baseVersion: number }) {
  const values = useWatch<PlanFormValues>() as PlanFormValues;
  useEffect(() => onValues(values), [values, onValues]);
  useDraftAutosave<DeviceCopy>(draftKey, { baseVersion, values }, dirty);
  return null;
}

function SaveStatus({ state, dirty }: { state: SaveState; dirty: boolean }) {
  const { t, lang } = useI18n();
  let text: ReactNode = null;
  let color = 'dimmed';
  if (state.kind === 'saving') text = t('common.saving');
  else if (state.kind === 'offline') {
    color = 'orange.9';
    text = (
      <Group gap={6} wrap="nowrap" component="span">
        <IconWifiOff size={16} aria-hidden="true" />
        <span>{`${t('common.offline')} ${t('common.draftKept')}`}</span>
      </Group>
    );
  } else if (dirty) text = t('plans.editor.unsaved');
  else if (state.kind === 'saved') text = t('plans.editor.savedAt', { time: state.at.toLocaleTimeString(lang === 'id' ? 'id-ID' : 'en-GB', { hour: '2-digit', minute: '2-digit' }) });
  return (
    <Text size="sm" c={color} mt="sm" role="status" aria-live="polite">
      {text}
    </Text>
  );
}

// ---- fields ----

function TextField({
  name,
  label,
  required,
  multiline,
  description,
  inputMode,
  maxLength,
  type,
}: {
  name: string;
  label: string;
  required?: boolean;
  multiline?: boolean;
  description?: string;
  inputMode?: 'numeric' | 'decimal';
  maxLength?: number;
  type?: 'date';
}) {
  const { register, formState } = useFormContext<PlanFormValues>();
  const error = (get(formState.errors, name) as { message?: string } | undefined)?.message;
  const inRow = useInRow();
  const props = { id: fieldId(name), label, withAsterisk: required, description, error, maxLength, ...register(name as Path<PlanFormValues>) };
  return (
    <div>
      {multiline ? <Textarea {...props} autosize minRows={2} maxRows={12} /> : <TextInput {...props} inputMode={inputMode} type={type} />}
      {!inRow && <FieldThread anchor={name} />}
    </div>
  );
}

function SelectField({ name, label, data, required }: { name: string; label: string; data: Array<{ value: string; label: string }>; required?: boolean }) {
  const { register, formState } = useFormContext<PlanFormValues>();
  const error = (get(formState.errors, name) as { message?: string } | undefined)?.message;
  const inRow = useInRow();
  return (
    <div>
      <NativeSelect id={fieldId(name)} label={label} withAsterisk={required} error={error} data={data} {...register(name as Path<PlanFormValues>)} />
      {!inRow && <FieldThread anchor={name} />}
    </div>
  );
}

function MoneyField({ name, label, required }: { name: string; label: string; required?: boolean }) {
  const { control } = useFormContext<PlanFormValues>();
  const inRow = useInRow();
  return (
    <div>
      <Controller
        control={control}
        name={name as Path<PlanFormValues>}
        render={({ field, fieldState }) => (
          <MoneyInput id={fieldId(name)} label={label} withAsterisk={required} ref={field.ref} name={field.name} value={field.value as string} onChange={field.onChange} onBlur={field.onBlur} error={fieldState.error?.message} />
        )}
      />
      {!inRow && <FieldThread anchor={name} />}
    </div>
  );
}

function ListError({ anchor }: { anchor: string }) {
  const message = useContext(ListErrors).errors[anchor];
  if (!message) return null;
  return (
    <Text size="sm" c="red.8" role="alert">
      {message}
    </Text>
  );
}

function useMonths() {
  const { t, lang } = useI18n();
  return useMemo(() => [{ value: '', label: t('plans.editor.pickMonth') }, ...Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: monthName(i + 1, lang) }))], [lang, t]);
}

// ---- steps ----

function StepAnalysis() {
  const { t } = useI18n();
  return (
    <Stack gap="sm">
      <TextField name="title" label={t('plans.field.title')} required maxLength={200} />
      <Text size="sm" c="dimmed">
        {t('plans.editor.analysisHelp')}
      </Text>
      <Row cols={{ base: 1, sm: 2 }} anchors={['content.workshop.date', 'content.workshop.facilitatorName']}>
        <TextField name="content.workshop.date" label={t('plans.field.workshop.date')} type="date" />
        <TextField name="content.workshop.facilitatorName" label={t('plans.field.workshop.facilitatorName')} maxLength={200} />
      </Row>
      <Box component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
        <Text component="legend" size="sm" fw={500} mb={4}>
          {t('plans.field.participants')}
        </Text>
        <Row cols={{ base: 2, sm: 5 }} anchors={PARTICIPANT_ROLES.map((r) => `content.workshop.participants.${r}`)}>
          {PARTICIPANT_ROLES.map((r) => (
            <TextField key={r} name={`content.workshop.participants.${r}`} label={t(`plans.participant.${r}`)} inputMode="numeric" />
          ))}
        </Row>
      </Box>
      <TextField name="content.workshop.reflectionNotes" label={t('plans.field.workshop.reflectionNotes')} description={t('plans.editor.reflectionHelp')} multiline maxLength={10000} />
      <Row cols={{ base: 1, sm: 2 }} anchors={['content.workshop.needs', 'content.workshop.opportunities']}>
        <TextField name="content.workshop.needs" label={t('plans.field.workshop.needs')} description={t('plans.editor.onePerLine')} multiline />
        <TextField name="content.workshop.opportunities" label={t('plans.field.workshop.opportunities')} description={t('plans.editor.onePerLine')} multiline />
      </Row>
    </Stack>
  );
}

function RemoveButton({ label, onConfirm, confirmText }: { label: string; onConfirm(): void; confirmText?: string }) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  if (asking && confirmText) {
    return (
      <Group gap={4} wrap="wrap">
        <Text size="sm">{confirmText}</Text>
        <Button size="compact-sm" color="red" onClick={onConfirm}>
          {t('common.remove')}
        </Button>
        <Button size="compact-sm" variant="subtle" onClick={() => setAsking(false)}>
          {t('common.cancel')}
        </Button>
      </Group>
    );
  }
  return (
    <ActionIcon variant="subtle" color="red" aria-label={label} title={label} onClick={() => (confirmText ? setAsking(true) : onConfirm())}>
      <IconTrash size={18} />
    </ActionIcon>
  );
}

function StepPrograms() {
  const { t } = useI18n();
  const { control } = useFormContext<PlanFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'content.programs' });
  const listErrors = useContext(ListErrors);
  const topics = useMemo(() => [{ value: '', label: t('plans.editor.pickTopic') }, ...TOPICS.map((v) => ({ value: v, label: t(`common.topic.${v}`) }))], [t]);
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('plans.editor.programsHelp')}
      </Text>
      {fields.map((f, i) => (
        <Paper key={f.id} withBorder p="sm" radius="md" role="group" aria-labelledby={`plan-program-title-${i}`}>
          <Group justify="space-between" wrap="nowrap" mb="xs">
            <Title order={3} size="h4" id={`plan-program-title-${i}`}>
              {t('plans.item.program', { n: i + 1 })}
            </Title>
            <RemoveButton label={t('plans.editor.removeProgram', { n: i + 1 })} confirmText={t('plans.editor.removeProgramConfirm')} onConfirm={() => remove(i)} />
          </Group>
          <Stack gap="sm">
            <Row cols={{ base: 1, sm: 2 }} anchors={[`content.programs.${i}.topic`, `content.programs.${i}.name`]}>
              <SelectField name={`content.programs.${i}.topic`} label={t('plans.field.program.topic')} data={topics} required />
              <TextField name={`content.programs.${i}.name`} label={t('plans.field.program.name')} maxLength={200} />
            </Row>
            <TextField name={`content.programs.${i}.goal`} label={t('plans.field.program.goal')} description={t('plans.editor.goalHelp')} required multiline maxLength={2000} />
            <TextField name={`content.programs.${i}.background`} label={t('plans.field.program.background')} multiline maxLength={5000} />
            <TextField name={`content.programs.${i}.targetGroup`} label={t('plans.field.program.targetGroup')} maxLength={500} />
          </Stack>
        </Paper>
      ))}
      <ListError anchor="content.programs" />
      <Group>
        <Button id={fieldId('content.programs')} variant="light" leftSection={<IconPlus size={16} />} onClick={() => {
            append(emptyProgram(), { shouldFocus: true });
            listErrors.clear('content.programs');
          }}>
          {t('plans.editor.addProgram')}
        </Button>
      </Group>
      <FieldThread anchor="content.programs" />
      <PlanParentEngagementSection />
    </Stack>
  );
}

type List = 'activities' | 'indicators' | 'risks' | 'budgetLines';

/** Each program's list of one kind, under the program's name. */
function ProgramsOf({ children, goTo }: { children(i: number): ReactNode; goTo(anchor: string): void }) {
  const { t } = useI18n();
  const programs = useWatch<PlanFormValues, 'content.programs'>({ name: 'content.programs' }) ?? [];
  if (programs.length === 0) {
    return (
      <Paper withBorder p="md">
        <Text size="sm">{t('plans.editor.noProgramsYet')}</Text>
        <Button mt="xs" size="sm" variant="light" onClick={() => goTo('content.programs')}>
          {t('plans.editor.toPrograms')}
        </Button>
      </Paper>
    );
  }
  return (
    <Stack gap="lg">
      {programs.map((p, i) => (
        <Box key={p.id ?? `new-${i}`}>
          <Title order={3} size="h4" mb="xs">
            {p.name?.trim() ? t('plans.item.programNamed', { n: i + 1, name: p.name.trim() }) : t('plans.item.program', { n: i + 1 })}
          </Title>
          {children(i)}
        </Box>
      ))}
    </Stack>
  );
}

function StepLists({ list, goTo }: { list: 'activities' | 'indicators'; goTo(anchor: string): void }) {
  const { t } = useI18n();
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t(list === 'activities' ? 'plans.editor.activitiesHelp' : 'plans.editor.indicatorsHelp')}
      </Text>
      <ProgramsOf goTo={goTo}>
        {(i) =>
          list === 'activities' ? (
            <ItemList program={i} list="activities" />
          ) : (
            <Stack gap="md">
              <ItemList program={i} list="indicators" />
              <Title order={4} size="h5">
                {t('plans.list.risks')}
              </Title>
              <ItemList program={i} list="risks" />
            </Stack>
          )
        }
      </ProgramsOf>
    </Stack>
  );
}

const ITEM_KEY: Record<List, string> = { activities: 'activity', budgetLines: 'budgetLine', indicators: 'indicator', risks: 'risk' };
const EMPTY: Record<List, () => object> = { activities: emptyActivity, budgetLines: emptyBudgetLine, indicators: emptyIndicator, risks: emptyRisk };

function ItemList({ program, list }: { program: number; list: List }) {
  const { t } = useI18n();
  const { control } = useFormContext<PlanFormValues>();
  const name = `content.programs.${program}.${list}` as 'content.programs.0.activities';
  const at = `content.programs.${program}.${list}`;
  const { fields, append, remove } = useFieldArray({ control, name });
  const key = ITEM_KEY[list];
  const listErrors = useContext(ListErrors);
  return (
    <Stack gap="sm">
      {fields.length === 0 && (
        <Text size="sm" c="dimmed">
          {t(`plans.editor.empty.${list}`)}
        </Text>
      )}
      {fields.map((f, j) => (
        <Paper key={f.id} withBorder p="sm" radius="md" bg="gray.0" role="group" aria-labelledby={`${fieldId(at)}-${j}-title`}>
          <Group justify="space-between" wrap="nowrap" mb={4}>
            <Text fw={600} size="sm" id={`${fieldId(at)}-${j}-title`}>
              {t(`plans.item.${key}`, { n: j + 1 })}
            </Text>
            <RemoveButton label={t(`plans.editor.remove.${key}`, { n: j + 1 })} onConfirm={() => remove(j)} />
          </Group>
          <ItemFields at={`${at}.${j}`} list={list} />
        </Paper>
      ))}
      <ListError anchor={`content.programs.${program}.${list}`} />
      <Group>
        <Button
          id={fieldId(`content.programs.${program}.${list}`)}
          variant="light"
          size="sm"
          leftSection={<IconPlus size={16} />}
          onClick={() => {
            append(EMPTY[list]() as never, { shouldFocus: true });
            listErrors.clear(`content.programs.${program}.${list}`);
          }}
        >
          {t(`plans.editor.add.${key}`)}
        </Button>
      </Group>
      <FieldThread anchor={`content.programs.${program}.${list}`} />
    </Stack>
  );
}

function ItemFields({ at, list }: { at: string; list: List }) {
  const { t } = useI18n();
  const months = useMonths();
  const sources = useMemo(() => FUNDING_SOURCES.map((v) => ({ value: v, label: t(`plans.source.${v}`) })), [t]);
  const standards = useMemo(() => [{ value: '', label: t('plans.editor.pickStandard') }, ...SNP_STANDARDS.map((v) => ({ value: v, label: t(`plans.standard.${v}`) }))], [t]);
  const accounts = useMemo(() => [{ value: '', label: t('plans.editor.pickAccount') }, ...ACCOUNT_CODES.map(([code, name]) => ({ value: code, label: `${code} ${name}` }))], [t]);
  switch (list) {
    case 'activities':
      return (
        <Stack gap="xs">
          <TextField name={`${at}.name`} label={t('plans.field.activity.name')} required maxLength={200} />
          <Row cols={{ base: 2, sm: 2 }} anchors={[`${at}.startMonth`, `${at}.endMonth`]}>
            <SelectField name={`${at}.startMonth`} label={t('plans.field.activity.startMonth')} data={months} required />
            <SelectField name={`${at}.endMonth`} label={t('plans.field.activity.endMonth')} data={months} required />
          </Row>
          <TextField name={`${at}.personResponsible`} label={t('plans.field.activity.personResponsible')} required maxLength={200} />
          <TextField name={`${at}.expectedOutput`} label={t('plans.field.activity.expectedOutput')} multiline maxLength={1000} />
        </Stack>
      );
    case 'indicators':
      return (
        <Stack gap="xs">
          <TextField name={`${at}.name`} label={t('plans.field.indicator.name')} required maxLength={200} />
          <Row cols={{ base: 3 }} anchors={[`${at}.baseline`, `${at}.target`, `${at}.unit`]}>
            <TextField name={`${at}.baseline`} label={t('plans.field.indicator.baseline')} inputMode="decimal" />
            <TextField name={`${at}.target`} label={t('plans.field.indicator.target')} inputMode="decimal" required />
            <TextField name={`${at}.unit`} label={t('plans.field.indicator.unit')} required maxLength={50} />
          </Row>
        </Stack>
      );
    case 'risks':
      return (
        <Stack gap="xs">
          <TextField name={`${at}.risk`} label={t('plans.field.risk.risk')} required multiline maxLength={1000} />
          <TextField name={`${at}.mitigation`} label={t('plans.field.risk.mitigation')} multiline maxLength={1000} />
        </Stack>
      );
    case 'budgetLines':
      return (
        <Stack gap="xs">
          <TextField name={`${at}.item`} label={t('plans.field.budgetLine.item')} required maxLength={200} />
          <Row cols={{ base: 2, sm: 4 }} anchors={[`${at}.quantity`, `${at}.unit`, `${at}.unitCost`, `${at}.fundingSource`]}>
            <TextField name={`${at}.quantity`} label={t('plans.field.budgetLine.quantity')} inputMode="numeric" required />
            <TextField name={`${at}.unit`} label={t('plans.field.budgetLine.unit')} maxLength={50} />
            <MoneyField name={`${at}.unitCost`} label={t('plans.field.budgetLine.unitCost')} required />
            <SelectField name={`${at}.fundingSource`} label={t('plans.field.budgetLine.fundingSource')} data={sources} required />
          </Row>
          <Row cols={{ base: 1, sm: 3 }} anchors={[`${at}.standard`, `${at}.accountCode`, `${at}.spendingMonth`]}>
            <SelectField name={`${at}.standard`} label={t('plans.field.budgetLine.standard')} data={standards} />
            <SelectField name={`${at}.accountCode`} label={t('plans.field.budgetLine.accountCode')} data={accounts} />
            <SelectField name={`${at}.spendingMonth`} label={t('plans.field.budgetLine.spendingMonth')} data={months} />
          </Row>
          <LineTotal at={at} />
        </Stack>
      );
  }
}

function LineTotal({ at }: { at: string }) {
  const { t } = useI18n();
  const [quantity, unitCost] = useWatch({ name: [`${at}.quantity`, `${at}.unitCost`] as never }) as [string, string];
  const total = lineTotalPreview({ quantity: quantity ?? '', unitCost: unitCost ?? '' });
  return (
    <Text size="sm" ta="right">
      {t('plans.field.budgetLine.total')}: {total === null ? t('plans.editor.lineIncomplete') : <Money value={total} />}
    </Text>
  );
}

function StepBudget({ goTo, dirty, serverTotals }: { goTo(anchor: string): void; dirty: boolean; serverTotals: PlanTotals }) {
  const { t } = useI18n();
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('plans.editor.budgetHelp')}
      </Text>
      <ProgramsOf goTo={goTo}>
        {(i) => (
          <Stack gap="xs">
            <ItemList program={i} list="budgetLines" />
            <ProgramSubtotal program={i} dirty={dirty} serverTotals={serverTotals} />
          </Stack>
        )}
      </ProgramsOf>
      <TotalsCard dirty={dirty} serverTotals={serverTotals} />
    </Stack>
  );
}

/** One program's budget: previewed while typing, the API's once saved. */
function ProgramSubtotal({ program, dirty, serverTotals }: { program: number; dirty: boolean; serverTotals: PlanTotals }) {
  const { t } = useI18n();
  const lines = (useWatch<PlanFormValues>({ name: `content.programs.${program}.budgetLines` as 'content.programs.0.budgetLines' }) ?? []) as PlanFormValues['content']['programs'][number]['budgetLines'];
  const preview = useMemo(() => totalsPreview([{ budgetLines: lines }]).total, [lines]);
  const total = dirty ? preview : (serverTotals.programs[program]?.total ?? preview);
  if (lines.length === 0) return null;
  return (
    <Group justify="space-between" px="sm" wrap="nowrap">
      <Text size="sm" fw={600}>
        {t('plans.view.programTotal')}
      </Text>
      <Text size="sm" fw={700}>
        <Money value={total} />
      </Text>
    </Group>
  );
}

/** The budget by funding source: previewed on the device while typing, the API's totals once saved. */
export function TotalsCard({ dirty, serverTotals }: { dirty: boolean; serverTotals: PlanTotals }) {
  const { t } = useI18n();
  const programs = (useWatch<PlanFormValues, 'content.programs'>({ name: 'content.programs' }) ?? []) as PlanFormValues['content']['programs'];
  const preview = useMemo(() => totalsPreview(programs), [programs]);
  const shown = dirty ? preview : serverTotals;
  const titleId = useId();
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby={titleId}>
      <Title order={3} size="h4" id={titleId}>
        {t('plans.totals.title')}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {dirty ? t('plans.totals.preview') : t('plans.totals.server')}
      </Text>
      <TotalsRows totals={shown} />
      {dirty && preview.incompleteLines > 0 && (
        <Text size="xs" c="orange" mt={4}>
          {t('plans.totals.incomplete', { count: preview.incompleteLines })}
        </Text>
      )}
    </Paper>
  );
}

function StepDocuments({ dirty, serverTotals }: { dirty: boolean; serverTotals: PlanTotals }) {
  const { t } = useI18n();
  const { control } = useFormContext<PlanFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'content.planningDocuments.lines' });
  const docs = PLANNING_DOCUMENTS.map((d) => ({ value: d, label: t(`plans.document.${d}`) }));
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('plans.editor.documentsHelp')}
      </Text>
      <Row cols={{ base: 1, sm: 2 }} anchors={['content.planningDocuments.rktReference', 'content.planningDocuments.rkasReference']}>
        <TextField name="content.planningDocuments.rktReference" label={t('plans.field.documents.rktReference')} maxLength={200} />
        <TextField name="content.planningDocuments.rkasReference" label={t('plans.field.documents.rkasReference')} maxLength={200} />
      </Row>
      {fields.map((f, j) => (
        <Paper key={f.id} withBorder p="sm" radius="md" bg="gray.0" role="group" aria-labelledby={`plan-document-line-${j}`}>
          <Group justify="space-between" wrap="nowrap" mb={4}>
            <Text fw={600} size="sm" id={`plan-document-line-${j}`}>
              {t('plans.item.documentLine', { n: j + 1 })}
            </Text>
            <RemoveButton label={t('plans.editor.remove.documentLine', { n: j + 1 })} onConfirm={() => remove(j)} />
          </Group>
          <Row cols={{ base: 1, sm: 3 }} anchors={[`content.planningDocuments.lines.${j}.document`, `content.planningDocuments.lines.${j}.reference`, `content.planningDocuments.lines.${j}.description`]}>
            <SelectField name={`content.planningDocuments.lines.${j}.document`} label={t('plans.field.documentLine.document')} data={docs} />
            <TextField name={`content.planningDocuments.lines.${j}.reference`} label={t('plans.field.documentLine.reference')} maxLength={100} />
            <TextField name={`content.planningDocuments.lines.${j}.description`} label={t('plans.field.documentLine.description')} maxLength={500} />
          </Row>
        </Paper>
      ))}
      <ListError anchor="content.planningDocuments.lines" />
      <Group>
        <Button id={fieldId('content.planningDocuments.lines')} variant="light" size="sm" leftSection={<IconPlus size={16} />} onClick={() => append(emptyDocumentLine())}>
          {t('plans.editor.add.documentLine')}
        </Button>
      </Group>
      <TotalsCard dirty={dirty} serverTotals={serverTotals} />
      <Text size="sm">{t('plans.editor.readyHelp')}</Text>
    </Stack>
  );
}
