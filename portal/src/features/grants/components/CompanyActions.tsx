import { Alert, Button, Checkbox, Group, List, Modal, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconArrowBackUp, IconBan, IconCash, IconPencil, IconScale } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Controller, useForm, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { toProblem } from '../../../api/problem';
import { useI18n } from '../../../i18n';
import { applyProblemToForm } from '../../../ui/field-problems';
import { formatRupiah } from '../../../ui/format';
import { Money, MoneyInput } from '../../../ui/money';
import { notify } from '../../../ui/notify';
import { ProblemAlert } from '../../../ui/problems';
import { grantCalls, grantKeys, type Disbursement, type Grant } from '../api';
import { conditionsOf, conditionsText, READABLE_ERRORS } from '../grant-form';
import { todayIso } from '../report-form';

/** A grant that is cancelled or closed takes no more steps (the API refuses them; no button is offered). */
const FINAL = ['closed', 'cancelled'];

type Step = 'disburse' | 'edit' | 'settle' | 'cancel';

/** What the company does with a grant: pay a tranche, change it, settle what is left, cancel it. */
export function CompanyActions({ grant: g }: { grant: Grant }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<Step | null>(null);
  if (FINAL.includes(g.status)) return null;
  const close = () => setOpen(null);
  return (
    <section aria-labelledby="grant-actions">
      <Title order={2} size="h3" id="grant-actions" mb="sm">
        {t('grants.actions.title')}
      </Title>
      <Group gap="sm" wrap="wrap">
        <Button leftSection={<IconCash size={18} aria-hidden="true" />} onClick={() => setOpen('disburse')}>
          {t('grants.disburse.open')}
        </Button>
        <Button variant="default" leftSection={<IconPencil size={18} aria-hidden="true" />} onClick={() => setOpen('edit')}>
          {t('grants.edit.open')}
        </Button>
        <Button variant="default" leftSection={<IconScale size={18} aria-hidden="true" />} onClick={() => setOpen('settle')}>
          {t('grants.settle.open')}
        </Button>
        <Button variant="subtle" color="red" c="red.9" leftSection={<IconBan size={18} aria-hidden="true" />} onClick={() => setOpen('cancel')}>
          {t('grants.cancel.open')}
        </Button>
      </Group>
      <StepModal opened={open === 'disburse'} onClose={close} title={t('grants.disburse.title')}>
        <DisburseForm grant={g} onDone={close} />
      </StepModal>
      <StepModal opened={open === 'edit'} onClose={close} title={t('grants.edit.title')}>
        <EditForm grant={g} onDone={close} />
      </StepModal>
      <StepModal opened={open === 'settle'} onClose={close} title={t('grants.settle.title')}>
        <SettleForm grant={g} onDone={close} />
      </StepModal>
      <StepModal opened={open === 'cancel'} onClose={close} title={t('grants.cancel.title')}>
        <CancelForm grant={g} onDone={close} />
      </StepModal>
    </section>
  );
}

function StepModal({ opened, onClose, title, children }: { opened: boolean; onClose(): void; title: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }} styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}>
      <div style={READABLE_ERRORS}>{children}</div>
    </Modal>
  );
}

/** Refetches everything the page shows of the grant after a money movement. */
function useRefreshGrant(id: string) {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: grantKeys.one(id) }), queryClient.invalidateQueries({ queryKey: grantKeys.list() }), queryClient.invalidateQueries({ queryKey: ['grants', 'envelope'] })]);
}

/**
 * Puts the API's field problems on the fields and keeps the rest (a rule refusal, a lost connection)
 * for the alert on the form. A refusal that names a field shows at that field and on the form.
 */
function useProblem<T extends FieldValues>(form: UseFormReturn<T>, labels: Record<string, string>) {
  const [problem, setProblem] = useState<unknown>(null);
  const show = (err: unknown) => {
    const rest = applyProblemToForm(form, err, { toFormName: (f) => (f in labels ? f : f.startsWith('conditions') && 'conditions' in labels ? 'conditions' : null), label: (n) => labels[n] });
    const p = toProblem(err);
    setProblem(p.code === 'validation_failed' && p.fields.length > 0 && rest.length === 0 ? null : err);
  };
  return { problem, show, clear: () => setProblem(null) };
}

function Actions({ busy, submit, onCancel, danger }: { busy: boolean; submit: string; onCancel(): void; danger?: boolean }) {
  const { t } = useI18n();
  return (
    <Group justify="flex-end" gap="sm" mt="xs">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={busy} color={danger ? 'red.8' : undefined}>
        {submit}
      </Button>
    </Group>
  );
}

interface DisburseValues {
  amount: string;
  disbursedOn: string;
  transferReference: string;
  note: string;
}

/**
 * Records a tranche. The Idempotency-Key is made when the form opens and sent with every try, so
 * a double click or a retry after a lost answer records one tranche only.
 */
function DisburseForm({ grant: g, onDone }: { grant: Grant; onDone(): void }) {
  const { t, lang } = useI18n();
  const [key] = useState(() => crypto.randomUUID());
  const refresh = useRefreshGrant(g.id);
  const today = todayIso();
  const form = useForm<DisburseValues>({ defaultValues: { amount: '', disbursedOn: today, transferReference: '', note: '' } });
  const labels = { amount: t('grants.disburse.amount'), disbursedOn: t('grants.disburse.date'), transferReference: t('grants.disburse.reference'), note: t('grants.disburse.note') };
  const { problem, show, clear } = useProblem(form, labels);
  const onSubmit = async (v: DisburseValues) => {
    clear();
    try {
      const d = await grantCalls.disburse(g.id, { amount: v.amount, disbursedOn: v.disbursedOn, transferReference: v.transferReference.trim(), ...(v.note.trim() ? { note: v.note.trim() } : {}) }, key);
      await refresh();
      notify(t('grants.disburse.done', { n: d.trancheNumber, amount: formatRupiah(d.amount, lang) }));
      onDone();
    } catch (err) {
      show(err);
    }
  };
  const required = (label: string) => ({ required: t('grants.award.required', { label }) });
  return (
    <form noValidate onSubmit={(e) => void form.handleSubmit(onSubmit)(e)}>
      <Stack gap="sm">
        <Paper withBorder p="sm" radius="md" bg="gray.0">
          <Text size="sm" c="gray.7">
            {t('grants.disburse.available')}
          </Text>
          <Text fw={700} size="lg">
            <Money value={g.undisbursedAmount} />
          </Text>
          <Text size="xs" c="gray.7">
            {t('grants.disburse.availableHint', { awarded: formatRupiah(g.awardedAmount, lang), disbursed: formatRupiah(g.disbursedAmount, lang) })}
          </Text>
        </Paper>
        <Controller
          control={form.control}
          name="amount"
          rules={{ validate: (v) => /^[1-9]\d*$/.test(v) || t('grants.award.amountInvalid') }}
          render={({ field, fieldState }) => (
            <MoneyInput ref={field.ref} name={field.name} label={labels.amount} withAsterisk value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={fieldState.error?.message} />
          )}
        />
        <TextInput type="date" label={labels.disbursedOn} withAsterisk max={today} {...form.register('disbursedOn', required(labels.disbursedOn))} error={form.formState.errors.disbursedOn?.message} />
        <TextInput label={labels.transferReference} withAsterisk description={t('grants.disburse.referenceHint')} {...form.register('transferReference', required(labels.transferReference))} error={form.formState.errors.transferReference?.message} />
        <Textarea label={labels.note} autosize minRows={2} {...form.register('note')} error={form.formState.errors.note?.message} />
        {problem !== null && <ProblemAlert error={problem} />}
        <Actions busy={form.formState.isSubmitting} submit={t('grants.disburse.submit')} onCancel={onDone} />
      </Stack>
    </form>
  );
}

interface EditValues {
  awardedAmount: string;
  conditions: string;
  requireReportBeforeNextTranche: boolean;
}

/**
 * Changes the award, its conditions or its tranche rule before the first tranche, with the version
 * read. When someone else changed the grant meanwhile (409), their values are shown beside the
 * person's own input, which is kept: saving again applies it on top of the newer version.
 */
function EditForm({ grant, onDone }: { grant: Grant; onDone(): void }) {
  const { t, lang } = useI18n();
  const queryClient = useQueryClient();
  const refresh = useRefreshGrant(grant.id);
  const [base, setBase] = useState(grant);
  const [newer, setNewer] = useState<Grant | null>(null);
  const form = useForm<EditValues>({ defaultValues: { awardedAmount: grant.awardedAmount, conditions: conditionsText(grant.conditions), requireReportBeforeNextTranche: grant.requireReportBeforeNextTranche } });
  const labels = { awardedAmount: t('grants.award.amount'), conditions: t('grants.award.conditions') };
  const { problem, show, clear } = useProblem(form, labels);
  const onSubmit = async (v: EditValues) => {
    clear();
    // Only what the person changed is sent, so a change someone else made meanwhile to another field stays.
    const dirty = form.formState.dirtyFields;
    const body = {
      version: base.version,
      ...(dirty.awardedAmount ? { awardedAmount: v.awardedAmount } : {}),
      ...(dirty.conditions ? { conditions: conditionsOf(v.conditions) } : {}),
      ...(dirty.requireReportBeforeNextTranche ? { requireReportBeforeNextTranche: v.requireReportBeforeNextTranche } : {}),
    };
    if (Object.keys(body).length === 1) {
      onDone();
      return;
    }
    try {
      await grantCalls.update(grant.id, body);
      await refresh();
      notify(t('grants.edit.done'));
      onDone();
    } catch (err) {
      if (toProblem(err).isConflict) {
        const fresh = (await queryClient.fetchQuery({ queryKey: grantKeys.one(grant.id), queryFn: () => grantCalls.get(grant.id), staleTime: 0 })) as Grant;
        setBase(fresh);
        setNewer(fresh);
        return;
      }
      setNewer(null);
      show(err);
    }
  };
  return (
    <form noValidate onSubmit={(e) => void form.handleSubmit(onSubmit)(e)}>
      <Stack gap="sm">
        <Text size="sm" c="gray.7">
          {t('grants.edit.intro')}
        </Text>
        {newer && (
          <Alert role="alert" color="orange" title={t('common.problem.conflictTitle')}>
            <Stack gap={4}>
              <Text size="sm">{t('grants.edit.conflict')}</Text>
              <List size="sm" spacing={2}>
                <List.Item>
                  {t('grants.award.amount')}: {formatRupiah(newer.awardedAmount, lang)}
                </List.Item>
                <List.Item>
                  {t('grants.award.conditions')}: {newer.conditions.length > 0 ? newer.conditions.join('; ') : t('grants.edit.noConditions')}
                </List.Item>
                <List.Item>
                  {t('grants.award.reportFirst')}: {newer.requireReportBeforeNextTranche ? t('common.yes') : t('common.no')}
                </List.Item>
              </List>
              <Text size="sm" fw={600}>
                {t('grants.edit.reapply')}
              </Text>
            </Stack>
          </Alert>
        )}
        <Controller
          control={form.control}
          name="awardedAmount"
          rules={{ validate: (v) => /^[1-9]\d*$/.test(v) || t('grants.award.amountInvalid') }}
          render={({ field, fieldState }) => (
            <MoneyInput ref={field.ref} name={field.name} label={labels.awardedAmount} withAsterisk value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={fieldState.error?.message} />
          )}
        />
        <Textarea label={labels.conditions} description={t('grants.award.conditionsHint')} autosize minRows={3} {...form.register('conditions')} error={form.formState.errors.conditions?.message} />
        <Checkbox label={t('grants.award.reportFirst')} {...form.register('requireReportBeforeNextTranche')} />
        {problem !== null && <ProblemAlert error={problem} />}
        <Actions busy={form.formState.isSubmitting} submit={t('grants.edit.submit')} onCancel={onDone} />
      </Stack>
    </form>
  );
}

interface SettleValues {
  returnedAmount: string;
  carriedOverAmount: string;
  note: string;
}

/** The year-end decision on the money still at the school: returned and/or carried over. */
function SettleForm({ grant: g, onDone }: { grant: Grant; onDone(): void }) {
  const { t, lang } = useI18n();
  const refresh = useRefreshGrant(g.id);
  const form = useForm<SettleValues>({ defaultValues: { returnedAmount: g.balanceAtSchool, carriedOverAmount: '0', note: '' } });
  const labels = { returnedAmount: t('grants.settle.returned'), carriedOverAmount: t('grants.settle.carriedOver'), note: t('grants.settle.note') };
  const { problem, show, clear } = useProblem(form, labels);
  const onSubmit = async (v: SettleValues) => {
    clear();
    try {
      const after = await grantCalls.settle(g.id, { returnedAmount: v.returnedAmount || '0', carriedOverAmount: v.carriedOverAmount || '0', note: v.note.trim() });
      await refresh();
      notify(t('grants.settle.done', { status: t(`grants.status.${after.status}`) }));
      onDone();
    } catch (err) {
      show(err);
    }
  };
  const money = (name: 'returnedAmount' | 'carriedOverAmount') => (
    <Controller
      control={form.control}
      name={name}
      rules={{ validate: (v) => /^\d+$/.test(v || '0') || t('grants.award.amountInvalid') }}
      render={({ field, fieldState }) => <MoneyInput ref={field.ref} name={field.name} label={labels[name]} value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={fieldState.error?.message} />}
    />
  );
  return (
    <form noValidate onSubmit={(e) => void form.handleSubmit(onSubmit)(e)}>
      <Stack gap="sm">
        <Paper withBorder p="sm" radius="md" bg="gray.0">
          <Text size="sm" c="gray.7">
            {t('grants.money.balance')}
          </Text>
          <Text fw={700} size="lg">
            <Money value={g.balanceAtSchool} />
          </Text>
          <Text size="xs" c="gray.7">
            {t('grants.settle.intro', { undisbursed: formatRupiah(g.undisbursedAmount, lang) })}
          </Text>
        </Paper>
        {money('returnedAmount')}
        {money('carriedOverAmount')}
        <Textarea label={labels.note} withAsterisk autosize minRows={2} {...form.register('note', { required: t('grants.award.required', { label: labels.note }) })} error={form.formState.errors.note?.message} />
        {problem !== null && <ProblemAlert error={problem} />}
        <Actions busy={form.formState.isSubmitting} submit={t('grants.settle.submit')} onCancel={onDone} />
      </Stack>
    </form>
  );
}

/** Cancels the grant with a reason; the API says when money is still at the school. */
function CancelForm({ grant: g, onDone }: { grant: Grant; onDone(): void }) {
  const { t } = useI18n();
  const refresh = useRefreshGrant(g.id);
  const form = useForm<{ reason: string }>({ defaultValues: { reason: '' } });
  const labels = { reason: t('grants.cancel.reason') };
  const { problem, show, clear } = useProblem(form, labels);
  const onSubmit = async (v: { reason: string }) => {
    clear();
    try {
      await grantCalls.cancel(g.id, v.reason.trim());
      await refresh();
      notify(t('grants.cancel.done'));
      onDone();
    } catch (err) {
      show(err);
    }
  };
  return (
    <form noValidate onSubmit={(e) => void form.handleSubmit(onSubmit)(e)}>
      <Stack gap="sm">
        <Text size="sm">{t('grants.cancel.intro')}</Text>
        <Textarea label={labels.reason} withAsterisk autosize minRows={2} {...form.register('reason', { required: t('grants.award.required', { label: labels.reason }) })} error={form.formState.errors.reason?.message} />
        {problem !== null && <ProblemAlert error={problem} />}
        <Actions busy={form.formState.isSubmitting} submit={t('grants.cancel.submit')} onCancel={onDone} danger />
      </Stack>
    </form>
  );
}

/** Reverses a mistaken tranche with a reason; one key per opening, so a retry reverses once. */
export function ReverseButton({ grantId, tranche }: { grantId: string; tranche: Disbursement }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="subtle" color="red" c="red.9" size="compact-sm" leftSection={<IconArrowBackUp size={16} aria-hidden="true" />} onClick={() => setOpen(true)}>
        {t('grants.reverse.open', { n: tranche.trancheNumber })}
      </Button>
      <StepModal opened={open} onClose={() => setOpen(false)} title={t('grants.reverse.title', { n: tranche.trancheNumber })}>
        <ReverseForm grantId={grantId} tranche={tranche} onDone={() => setOpen(false)} />
      </StepModal>
    </>
  );
}

function ReverseForm({ grantId, tranche, onDone }: { grantId: string; tranche: Disbursement; onDone(): void }) {
  const { t, lang } = useI18n();
  const [key] = useState(() => crypto.randomUUID());
  const refresh = useRefreshGrant(grantId);
  const queryClient = useQueryClient();
  const form = useForm<{ reason: string }>({ defaultValues: { reason: '' } });
  const labels = { reason: t('grants.reverse.reason') };
  const { problem, show, clear } = useProblem(form, labels);
  const onSubmit = async (v: { reason: string }) => {
    clear();
    try {
      await grantCalls.reverse(grantId, tranche.id, { reason: v.reason.trim() }, key);
      await Promise.all([refresh(), queryClient.invalidateQueries({ queryKey: grantKeys.disbursements(grantId) }), queryClient.invalidateQueries({ queryKey: grantKeys.ledger(grantId) })]);
      notify(t('grants.reverse.done', { n: tranche.trancheNumber }));
      onDone();
    } catch (err) {
      show(err);
    }
  };
  return (
    <form noValidate onSubmit={(e) => void form.handleSubmit(onSubmit)(e)}>
      <Stack gap="sm">
        <Text size="sm">{t('grants.reverse.intro', { n: tranche.trancheNumber, amount: formatRupiah(tranche.amount, lang), reference: tranche.transferReference })}</Text>
        <Textarea label={labels.reason} withAsterisk autosize minRows={2} {...form.register('reason', { required: t('grants.award.required', { label: labels.reason }) })} error={form.formState.errors.reason?.message} />
        {problem !== null && <ProblemAlert error={problem} />}
        <Actions busy={form.formState.isSubmitting} submit={t('grants.reverse.submit')} onCancel={onDone} danger />
      </Stack>
    </form>
  );
}
