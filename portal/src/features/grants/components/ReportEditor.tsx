import { Alert, Button, Fieldset, Group, Modal, NativeSelect, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconSend, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type CSSProperties } from 'react';
import { Controller, get, useFieldArray, useForm, useWatch, type UseFormReturn } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { toProblem, type FieldProblem } from '../../../api/problem';
import { useI18n } from '../../../i18n';
import { clearDraft, loadDraft, useDraftAutosave, useIdempotencyKey } from '../../../ui/drafts';
import { applyProblemToForm } from '../../../ui/field-problems';
import { formatDate, formatRupiah } from '../../../ui/format';
import { Money, MoneyInput } from '../../../ui/money';
import { notify } from '../../../ui/notify';
import { ProblemAlert } from '../../../ui/problems';
import { grantKeys, receiptPath, reportCalls, type BudgetLineActual, type Disbursement, type Grant, type ReportDetail } from '../api';
import { pendingReceipts, usePendingReceipts } from '../pending-receipts';
import { changesToSave, createBody, emptyLine, formNameOf, hasChanges, previewTotal, toFormValues, todayIso, type ReportValues } from '../report-form';
import { LineReviewBadge } from './badges';
import { AddReceiptButton, ReceiptList } from './ReceiptList';

interface EditorProps {
  grant: Grant;
  budgetLines: BudgetLineActual[];
  tranches: Disbursement[];
  /** The report as the server has it; absent while starting a new one. */
  report?: ReportDetail;
}

/** Field errors in a red dark enough to read on white and on pale backgrounds. */
export const READABLE_ERRORS = { '--mantine-color-error': 'var(--mantine-color-red-9)' } as CSSProperties;

/** Where the unsent values of a report wait on this device. */
export const newReportDraftKey = (grantId: string) => `grants.${grantId}.newReport`;
export const reportDraftKey = (reportId: string) => `grants.report.${reportId}`;

function initialValues(props: EditorProps, today: string): { values: ReportValues; restored: boolean } {
  const { report, budgetLines, tranches } = props;
  const key = report ? reportDraftKey(report.id) : newReportDraftKey(props.grant.id);
  const draft = loadDraft<ReportValues>(key);
  const fromServer = report ? toFormValues(report) : null;
  if (draft && JSON.stringify(draft) !== JSON.stringify(fromServer)) return { values: draft, restored: true };
  if (fromServer) return { values: fromServer, restored: false };
  const latest = tranches.filter((d) => d.kind === 'tranche' && !d.reversedById).at(-1);
  const only = budgetLines.length === 1 ? budgetLines[0].budgetLineId : '';
  return { values: { title: '', tranche: latest ? String(latest.trancheNumber) : '', lines: [emptyLine(today, only)] }, restored: false };
}

/**
 * Writes an expense report: title, tranche and lines (budget line, description, date, amount,
 * receipts). Unsent values are kept on the device; new records are created with a key that makes a
 * retry after a lost connection safe. After saving, the server's answer is shown.
 */
export function ReportEditor(props: EditorProps) {
  const { grant, budgetLines, tranches, report } = props;
  const { t, lang } = useI18n();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const today = todayIso();
  const [start] = useState(() => initialValues(props, today));
  const [restored, setRestored] = useState(start.restored);
  const form = useForm<ReportValues>({ defaultValues: start.values });
  const lines = useFieldArray({ control: form.control, name: 'lines', keyName: 'fieldKey' });
  const values = useWatch({ control: form.control }) as ReportValues;
  const draftKey = report ? reportDraftKey(report.id) : newReportDraftKey(grant.id);
  const idempotency = useIdempotencyKey(draftKey);
  useDraftAutosave(draftKey, values, form.formState.isDirty || restored);
  const pending = usePendingReceipts();
  const [busy, setBusy] = useState<null | 'save' | 'submit' | 'upload'>(null);
  const [problem, setProblem] = useState<{ error: unknown; extra: FieldProblem[] } | null>(null);
  const [confirmSubmit, setConfirmSubmit] = useState(false);

  const budgetById = useMemo(() => new Map(budgetLines.map((b) => [b.budgetLineId, b])), [budgetLines]);
  const serverLine = (lineId: string | null) => (lineId ? report?.lines.find((l) => l.id === lineId) : undefined);
  const trancheOptions = [
    { value: '', label: t('grants.editor.noTranche') },
    ...tranches
      .filter((d) => d.kind === 'tranche' && !d.reversedById)
      .map((d) => ({ value: String(d.trancheNumber), label: t('grants.editor.trancheOption', { n: d.trancheNumber, date: formatDate(d.disbursedOn, lang), amount: formatRupiah(d.amount, lang) }) })),
  ];
  const budgetOptions = [
    { value: '', label: t('grants.editor.chooseBudgetLine'), disabled: true },
    ...budgetLines.map((b) => ({ value: b.budgetLineId, label: b.programTitle ? `${b.item} (${b.programTitle})` : b.item })),
  ];

  const labelOf = (name: string): string => {
    if (name === 'title') return t('grants.editor.reportTitle');
    if (name === 'tranche') return t('grants.editor.tranche');
    const field = name.split('.').at(-1) ?? name;
    return t(`grants.editor.${field === 'receipts' ? 'receipts' : field}`);
  };
  const showProblem = (err: unknown, line?: number) => {
    const extra = applyProblemToForm(form, err, {
      toFormName: (f) => formNameOf(f, line),
      label: labelOf,
      byCode: (code) => (code === 'isRupiah' ? t('grants.editor.amountInvalid') : undefined),
    });
    setProblem({ error: err, extra });
  };

  const setReport = (detail: ReportDetail) => {
    queryClient.setQueryData(grantKeys.report(grant.id, detail.id), detail);
  };
  const refreshGrant = () => {
    void queryClient.invalidateQueries({ queryKey: grantKeys.one(grant.id) });
    void queryClient.invalidateQueries({ queryKey: grantKeys.reports(grant.id), exact: true });
    void queryClient.invalidateQueries({ queryKey: grantKeys.ledger(grant.id) });
    void queryClient.invalidateQueries({ queryKey: grantKeys.list() });
  };

  /** Uploads the files waiting for saved lines; stops at the first refusal and shows it at that line. */
  const uploadWaiting = async (detail: ReportDetail): Promise<{ detail: ReportDetail; ok: boolean }> => {
    let current = detail;
    for (const [index, line] of detail.lines.entries()) {
      for (const file of pendingReceipts.get(line.id)) {
        try {
          current = await reportCalls.addReceipt(grant.id, detail.id, line.id, file);
          pendingReceipts.remove(line.id, file);
          setReport(current);
        } catch (err) {
          const p = toProblem(err);
          const formIndex = form.getValues('lines').findIndex((l) => l.lineId === line.id);
          form.setError(`lines.${formIndex >= 0 ? formIndex : index}.receipts` as never, {
            type: 'server',
            message: `${file.name}: ${p.fields[0]?.message ?? p.detail ?? p.title}`,
          });
          setProblem({ error: err, extra: [] });
          return { detail: current, ok: false };
        }
      }
    }
    return { detail: current, ok: true };
  };

  /** Starts the report: one POST with every line, then the receipts. */
  const create = async (v: ReportValues) => {
    let created: ReportDetail;
    try {
      created = await reportCalls.create(grant.id, createBody(v), idempotency.key);
    } catch (err) {
      showProblem(err);
      return;
    }
    created.lines.forEach((l, i) => {
      const key = v.lines[i]?.key;
      if (key) pendingReceipts.move(key, l.id);
    });
    clearDraft(draftKey);
    idempotency.renew();
    setReport(created);
    const uploaded = await uploadWaiting(created);
    refreshGrant();
    notify(t('grants.editor.savedNew'));
    navigate(`/grants/${grant.id}/reports/${created.id}`, { replace: true, state: { uploadFailed: !uploaded.ok } });
  };

  /** Saves the changes of an existing report step by step; each step is safe to repeat. */
  const update = async (v: ReportValues, server: ReportDetail): Promise<ReportDetail | null> => {
    const changes = changesToSave(server, v);
    let current = server;
    let line: number | undefined;
    try {
      if (changes.report) current = await reportCalls.update(grant.id, server.id, { version: current.version, ...changes.report });
      for (const lineId of changes.deletes) current = await reportCalls.deleteLine(grant.id, server.id, lineId);
      for (const p of changes.patches) {
        line = p.index;
        current = await reportCalls.updateLine(grant.id, server.id, p.lineId, p.changes);
      }
      for (const p of changes.posts) {
        line = p.index;
        const before = new Set(current.lines.map((l) => l.id));
        current = await reportCalls.addLine(grant.id, server.id, p.body, p.key);
        const added = current.lines.find((l) => !before.has(l.id));
        if (added) {
          pendingReceipts.move(p.key, added.id);
          form.setValue(`lines.${p.index}.lineId`, added.id);
          form.setValue(`lines.${p.index}.key`, added.id);
        }
      }
      line = undefined;
    } catch (err) {
      if (current !== server) setReport(current);
      const p = toProblem(err);
      if (p.isConflict) {
        // Someone changed the report: show the newer values in the form.
        const fresh = await queryClient.fetchQuery({ queryKey: grantKeys.report(grant.id, server.id), queryFn: () => reportCalls.get(grant.id, server.id), staleTime: 0 });
        form.reset(toFormValues(fresh));
        clearDraft(draftKey);
        setRestored(false);
      }
      showProblem(err, line);
      return null;
    }
    const uploaded = await uploadWaiting(current);
    const fresh = hasChanges(changes) || uploaded.detail !== server ? await reportCalls.get(grant.id, server.id) : server;
    setReport(fresh);
    if (!uploaded.ok) return null;
    form.reset(toFormValues(fresh));
    clearDraft(draftKey);
    setRestored(false);
    refreshGrant();
    return fresh;
  };

  const onSave = async (v: ReportValues) => {
    setProblem(null);
    setBusy('save');
    try {
      if (!report) await create(v);
      else if (await update(v, report)) notify(t('grants.editor.saved'));
    } finally {
      setBusy(null);
    }
  };

  const onSubmit = async (v: ReportValues) => {
    if (!report) return;
    setConfirmSubmit(false);
    setProblem(null);
    setBusy('submit');
    try {
      const saved = await update(v, report);
      if (!saved) return;
      try {
        const submitted = await reportCalls.submit(grant.id, report.id);
        setReport(submitted);
        refreshGrant();
        notify(t('grants.editor.submitted'));
      } catch (err) {
        showProblem(err);
      }
    } finally {
      setBusy(null);
    }
  };

  /** Files chosen for a saved line go up at once; for a line not saved yet they wait for Save. */
  const addFiles = async (index: number, files: File[]) => {
    const line = form.getValues(`lines.${index}`);
    form.clearErrors(`lines.${index}.receipts` as never);
    pendingReceipts.add(line.key, files);
    if (!report || !line.lineId || busy) return;
    setBusy('upload');
    try {
      await uploadWaiting(report);
    } finally {
      setBusy(null);
    }
  };

  const run = (handler: (v: ReportValues) => Promise<void>) => () => {
    form.clearErrors();
    void form.handleSubmit(handler, () => setProblem(null))();
  };

  const discardDraft = () => {
    pendingReceipts.forget(form.getValues('lines').filter((l) => l.lineId === null).map((l) => l.key));
    clearDraft(draftKey);
    setRestored(false);
    form.reset(report ? toFormValues(report) : initialValues({ ...props, report: undefined }, today).values);
  };

  const required = (label: string) => ({ required: t('grants.editor.required', { label }) });
  const total = previewTotal(values);

  return (
    // The library's error red (#fa5252) is below the contrast minimum for the small messages under the fields.
    <form noValidate onSubmit={(e) => e.preventDefault()} aria-labelledby="report-editor-title" style={{ maxWidth: 820, ...READABLE_ERRORS }}>
      <Stack gap="md">
        {restored && (
          <Alert color="blue" title={t('grants.editor.draftTitle')}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('common.draftRestored')}</Text>
              <Button variant="subtle" size="compact-sm" onClick={discardDraft}>
                {t('grants.editor.discardDraft')}
              </Button>
            </Stack>
          </Alert>
        )}
        <TextInput label={t('grants.editor.reportTitle')} description={t('grants.editor.reportTitleHint')} withAsterisk {...form.register('title', required(t('grants.editor.reportTitle')))} error={form.formState.errors.title?.message} />
        <NativeSelect label={t('grants.editor.tranche')} description={t('grants.editor.trancheHint')} data={trancheOptions} {...form.register('tranche')} error={form.formState.errors.tranche?.message} />

        {lines.fields.map((field, index) => {
          const v = values.lines?.[index];
          const saved = serverLine(v?.lineId ?? null);
          const budget = v?.budgetLineId ? budgetById.get(v.budgetLineId) : undefined;
          const receiptError = get(form.formState.errors, `lines.${index}.receipts`) as { message?: string } | undefined;
          const n = index + 1;
          return (
            <Fieldset key={field.fieldKey} legend={t('grants.editor.line', { n })} radius="md">
              <Stack gap="sm">
                {saved && saved.review !== 'pending' && (
                  <Alert color={saved.review === 'rejected' ? 'red' : 'teal'} title={<LineReviewBadge review={saved.review} />}>
                    {saved.reviewNote ? t('grants.view.reviewNote', { note: saved.reviewNote }) : t('grants.view.noReviewNote')}
                  </Alert>
                )}
                <NativeSelect
                  label={t('grants.editor.budgetLineId')}
                  withAsterisk
                  data={budgetOptions}
                  {...form.register(`lines.${index}.budgetLineId`, required(t('grants.editor.budgetLineId')))}
                  error={form.formState.errors.lines?.[index]?.budgetLineId?.message}
                  description={budget ? t('grants.editor.budgetHint', { planned: formatRupiah(budget.planned, lang), remaining: formatRupiah(budget.remaining, lang) }) : undefined}
                />
                <TextInput
                  label={t('grants.editor.description')}
                  withAsterisk
                  {...form.register(`lines.${index}.description`, required(t('grants.editor.description')))}
                  error={form.formState.errors.lines?.[index]?.description?.message}
                />
                <Group grow gap="sm" align="flex-start" wrap="wrap" preventGrowOverflow={false}>
                  <TextInput
                    type="date"
                    label={t('grants.editor.spentOn')}
                    withAsterisk
                    max={today}
                    miw={160}
                    {...form.register(`lines.${index}.spentOn`, required(t('grants.editor.spentOn')))}
                    error={form.formState.errors.lines?.[index]?.spentOn?.message}
                  />
                  <Controller
                    control={form.control}
                    name={`lines.${index}.amount`}
                    rules={required(t('grants.editor.amount'))}
                    render={({ field: f, fieldState }) => (
                      <MoneyInput
                        ref={f.ref}
                        name={f.name}
                        label={t('grants.editor.amount')}
                        withAsterisk
                        miw={160}
                        value={f.value}
                        onChange={f.onChange}
                        onBlur={f.onBlur}
                        error={fieldState.error?.message}
                      />
                    )}
                  />
                </Group>
                <Stack gap={6}>
                  <Text size="sm" fw={500} id={`receipts-${field.fieldKey}`}>
                    {t('grants.editor.receipts')}
                  </Text>
                  <ReceiptList
                    receipts={saved?.receipts ?? []}
                    pathOf={(r) => receiptPath(grant.id, report?.id ?? '', saved?.id ?? '', r.id)}
                    pending={pending.get(v?.key ?? '') ?? []}
                    onRemovePending={(file) => pendingReceipts.remove(v?.key ?? '', file)}
                  />
                  {receiptError?.message && (
                    <Text size="sm" c="red.8" role="alert">
                      {receiptError.message}
                    </Text>
                  )}
                  <Group gap="sm" wrap="wrap">
                    <AddReceiptButton label={t('grants.editor.addReceipt', { n })} onFiles={(files) => void addFiles(index, files)} disabled={busy !== null} />
                    <Button variant="subtle" color="red" leftSection={<IconTrash size={18} aria-hidden="true" />} onClick={() => lines.remove(index)} disabled={busy !== null}>
                      {t('grants.editor.removeLine', { n })}
                    </Button>
                  </Group>
                  <Text size="xs" c="gray.7">
                    {t('grants.editor.receiptHint')}
                  </Text>
                </Stack>
              </Stack>
            </Fieldset>
          );
        })}

        <Group>
          <Button
            variant="default"
            leftSection={<IconPlus size={18} aria-hidden="true" />}
            onClick={() => lines.append(emptyLine(today, budgetLines.length === 1 ? budgetLines[0].budgetLineId : ''))}
            disabled={busy !== null}
          >
            {t('grants.editor.addLine')}
          </Button>
        </Group>

        <Paper withBorder p="md" radius="md" bg="gray.0" component="section" aria-label={t('grants.editor.previewTotal')}>
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Text fw={600}>{t('grants.editor.previewTotal')}</Text>
            <Text fw={700} size="xl" aria-live="polite">
              <Money value={total} />
            </Text>
          </Group>
          <Text size="sm" c="gray.7">
            {report ? t('grants.editor.savedTotal', { amount: formatRupiah(report.totalAmount, lang) }) : t('grants.editor.previewHint')}
          </Text>
        </Paper>

        {problem && <EditorProblem error={problem.error} extra={problem.extra} labelOf={(f) => labelOf(formNameOf(f) ?? f)} />}

        <Group gap="sm" wrap="wrap">
          <Button onClick={run(onSave)} loading={busy === 'save'} disabled={busy !== null && busy !== 'save'} variant={report ? 'default' : 'filled'}>
            {report ? t('grants.editor.save') : t('grants.editor.saveNew')}
          </Button>
          {report && (
            <Button
              leftSection={<IconSend size={18} aria-hidden="true" />}
              onClick={() => {
                form.clearErrors();
                void form.handleSubmit(() => setConfirmSubmit(true))();
              }}
              loading={busy === 'submit'}
              disabled={busy !== null && busy !== 'submit'}
            >
              {report.status === 'returned' ? t('grants.editor.resubmit') : t('grants.editor.submit')}
            </Button>
          )}
        </Group>
        {!report && (
          <Text size="sm" c="gray.7">
            {t('grants.editor.saveNewHint')}
          </Text>
        )}

        <SubmitConfirm opened={confirmSubmit} onClose={() => setConfirmSubmit(false)} onConfirm={() => void form.handleSubmit(onSubmit)()} form={form} />
      </Stack>
    </form>
  );
}

/** A refusal of the form: someone else's change (409), fields to fix (shown at the fields), or the API's own words. */
function EditorProblem({ error, extra, labelOf }: { error: unknown; extra: FieldProblem[]; labelOf(field: string): string }) {
  const { t } = useI18n();
  const p = toProblem(error);
  if (p.isConflict && p.code === 'stale_version') {
    return (
      <Alert role="alert" color="orange" title={t('common.problem.conflictTitle')}>
        {t('common.problem.conflictDetail')}
      </Alert>
    );
  }
  if (p.fields.length > 0 && extra.length === 0) {
    return (
      <Alert role="alert" color="red" title={t('common.problem.fieldsTitle')}>
        {t('grants.editor.fixFields')}
      </Alert>
    );
  }
  return <ProblemAlert error={error} extra={extra} labelOf={labelOf} />;
}

function SubmitConfirm({ opened, onClose, onConfirm, form }: { opened: boolean; onClose(): void; onConfirm(): void; form: UseFormReturn<ReportValues> }) {
  const { t } = useI18n();
  const v = form.getValues();
  return (
    <Modal opened={opened} onClose={onClose} title={t('grants.editor.confirmTitle')} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="md">
        <Text>{t('grants.editor.confirmText', { count: v.lines?.length ?? 0 })}</Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={onConfirm}>{t('grants.editor.confirmSend')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
