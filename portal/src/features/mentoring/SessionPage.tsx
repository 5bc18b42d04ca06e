import { Alert, Anchor, Button, Group, List, Modal, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconCheck, IconDownload, IconMessageReport } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type CSSProperties, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useParams } from 'react-router';
import { download } from '../../api/client';
import { toProblem } from '../../api/problem';
import { useSession as useSignedIn } from '../../app/session';
import { useI18n } from '../../i18n';
import { applyProblemToForm } from '../../ui/field-problems';
import { formatNumber } from '../../ui/format';
import { DateText } from '../../ui/money';
import { notify } from '../../ui/notify';
import { PageState, ProblemAlert } from '../../ui/problems';
import { evidencePath, mentoringCalls, mentoringKeys, useSession, type SessionDetail } from './api';
import { ActionList } from './components/ActionList';
import { ConfirmationBadge, useHours, useSessionName } from './components/labels';

const ATTENDEE_ROLES = ['principal', 'teachers', 'education_staff', 'supervisor', 'parents', 'students'] as const;

/** /mentoring/sessions/:id: one session with attendees, notes and evidence; the principal confirms or disputes it. */
export function SessionPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const session = useSession(id);
  const name = useSessionName();
  if (!session.data) return <PageState loading={session.isPending} error={session.error} />;
  const s = session.data;
  return (
    <Stack gap="xl">
      <Stack gap={4}>
        <Anchor component={Link} to="/mentoring" size="sm">
          {t('mentoring.session.back')}
        </Anchor>
        <Group gap="sm" wrap="wrap" align="center">
          <Title order={1}>{name(s)}</Title>
          <ConfirmationBadge confirmation={s.confirmation} />
        </Group>
      </Stack>
      <Confirmation session={s} />
      <Details session={s} />
      <Attendees session={s} />
      <Section id="session-notes" title={t('mentoring.session.notes')}>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{s.notes || t('mentoring.session.noNotes')}</Text>
      </Section>
      <EvidenceList session={s} />
      <Section id="session-actions" title={t('mentoring.session.actions')}>
        <ActionList filter="all" sessionId={s.id} showSession={false} />
      </Section>
    </Stack>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </section>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="gray.7">
        {label}
      </Text>
      <Text fw={500}>{children}</Text>
    </div>
  );
}

function Details({ session: s }: { session: SessionDetail }) {
  const { t } = useI18n();
  const hours = useHours();
  return (
    <Section id="session-details" title={t('mentoring.session.details')}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
        <Item label={t('common.date')}>
          <DateText value={s.heldOn} />
        </Item>
        <Item label={t('mentoring.session.mode')}>{t(`mentoring.mode.${s.mode}`)}</Item>
        <Item label={t('mentoring.session.topic')}>{t(`common.topic.${s.topic}`)}</Item>
        <Item label={t('mentoring.session.duration')}>{hours(s.hours)}</Item>
        <Item label={t('mentoring.session.facilitator')}>{s.facilitator.fullName ?? '–'}</Item>
        <Item label={t('mentoring.session.school')}>{s.school.name}</Item>
      </SimpleGrid>
      {s.planId && (
        <Text size="sm" mt="sm">
          <Anchor component={Link} to={`/plans/${s.planId}`}>
            {t('mentoring.session.plan')}
          </Anchor>
        </Text>
      )}
    </Section>
  );
}

function Attendees({ session: s }: { session: SessionDetail }) {
  const { t, lang } = useI18n();
  const counts = ATTENDEE_ROLES.filter((r) => (s.attendees.counts as Record<string, number | undefined>)[r]);
  return (
    <Section id="session-attendees" title={t('mentoring.session.attendees')}>
      <Stack gap="sm">
        {counts.length > 0 ? (
          <Text>
            {counts.map((r) => t('mentoring.attendee.count', { role: t(`mentoring.attendee.${r}`), n: formatNumber((s.attendees.counts as Record<string, number>)[r], lang) })).join(' · ')}
            {' — '}
            {t('mentoring.attendee.total', { n: formatNumber(s.attendees.countedTotal, lang) })}
          </Text>
        ) : (
          <Text>{t('mentoring.attendee.noCounts')}</Text>
        )}
        {s.attendees.users.length > 0 && (
          <div>
            <Text size="sm" c="gray.7" mb={4}>
              {t('mentoring.attendee.named')}
            </Text>
            <List spacing={2}>
              {s.attendees.users.map((u) => (
                <List.Item key={u.id}>{u.fullName}</List.Item>
              ))}
            </List>
          </div>
        )}
      </Stack>
    </Section>
  );
}

function EvidenceList({ session: s }: { session: SessionDetail }) {
  const { t, lang } = useI18n();
  return (
    <Section id="session-evidence" title={t('mentoring.session.evidence')}>
      {s.evidence.length === 0 ? (
        <Text>{t('mentoring.session.noEvidence')}</Text>
      ) : (
        <Stack gap={4} align="flex-start">
          {s.evidence.map((d) => (
            <Button
              key={d.id}
              variant="subtle"
              leftSection={<IconDownload size={18} aria-hidden="true" />}
              onClick={() => void download(evidencePath(s.id, d.id), d.filename)}
              aria-label={t('mentoring.session.downloadEvidence', { name: d.filename })}
              styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
            >
              {d.filename} ({t('mentoring.session.size', { kb: formatNumber(Math.max(1, Math.round(d.sizeBytes / 1024)), lang) })})
            </Button>
          ))}
        </Stack>
      )}
    </Section>
  );
}

/** The school's answer to a logged session: confirm it happened, or dispute it with a reason. */
function Confirmation({ session: s }: { session: SessionDetail }) {
  const { t } = useI18n();
  const { hasPermission } = useSignedIn();
  const canAnswer = s.confirmation === 'pending' && hasPermission('mentoring:confirm');
  const [mode, setMode] = useState<'idle' | 'confirm' | 'dispute'>('idle');

  if (s.confirmation === 'confirmed') {
    return (
      <Alert color="teal" title={t('mentoring.confirm.confirmedTitle')}>
        {t('mentoring.confirm.confirmedBy', { name: s.confirmedBy?.fullName ?? '' })} <DateText value={s.confirmedAt} withTime />
      </Alert>
    );
  }
  if (s.confirmation === 'disputed') {
    return (
      <Alert color="red" title={t('mentoring.confirm.disputedTitle')}>
        <Stack gap={4}>
          {s.disputeReason && <Text fw={600}>{t('mentoring.confirm.reasonWas', { reason: s.disputeReason })}</Text>}
          <Text size="sm">
            {t('mentoring.confirm.disputedBy', { name: s.confirmedBy?.fullName ?? '' })} <DateText value={s.confirmedAt} withTime />
          </Text>
          <Text size="sm">{t('mentoring.confirm.disputedNext')}</Text>
        </Stack>
      </Alert>
    );
  }
  if (!canAnswer) {
    return (
      <Alert color="orange" title={t('mentoring.confirm.pendingTitle')}>
        {t('mentoring.confirm.pendingOther')}
      </Alert>
    );
  }
  return (
    <Paper withBorder p="md" radius="md" bg="orange.0" component="section" aria-labelledby="session-answer">
      <Stack gap="sm">
        <Title order={2} size="h4" id="session-answer">
          {t('mentoring.confirm.question')}
        </Title>
        <Text size="sm">{t('mentoring.confirm.explain')}</Text>
        {mode === 'dispute' ? (
          <DisputeForm session={s} onCancel={() => setMode('idle')} />
        ) : (
          <Group gap="sm" wrap="wrap">
            <Button leftSection={<IconCheck size={18} aria-hidden="true" />} onClick={() => setMode('confirm')}>
              {t('mentoring.confirm.confirm')}
            </Button>
            <Button variant="outline" color="red" leftSection={<IconMessageReport size={18} aria-hidden="true" />} onClick={() => setMode('dispute')}>
              {t('mentoring.confirm.dispute')}
            </Button>
          </Group>
        )}
      </Stack>
      <ConfirmDialog session={s} opened={mode === 'confirm'} onClose={() => setMode('idle')} />
    </Paper>
  );
}

function useAfterAnswer(id: string) {
  const queryClient = useQueryClient();
  return (fresh: SessionDetail) => {
    queryClient.setQueryData(mentoringKeys.session(id), fresh);
    void queryClient.invalidateQueries({ queryKey: mentoringKeys.sessions, predicate: (q) => q.queryKey[2] === 'list' });
  };
}

function ConfirmDialog({ session: s, opened, onClose }: { session: SessionDetail; opened: boolean; onClose(): void }) {
  const { t } = useI18n();
  const after = useAfterAnswer(s.id);
  const name = useSessionName();
  const confirm = useMutation({
    mutationFn: () => mentoringCalls.confirm(s.id),
    onSuccess: (fresh) => {
      after(fresh);
      notify(t('mentoring.confirm.confirmedNotice'));
      onClose();
    },
  });
  return (
    <Modal
      opened={opened}
      onClose={() => {
        confirm.reset();
        onClose();
      }}
      title={t('mentoring.confirm.dialogTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <Text fw={600}>{name(s)}</Text>
        <Text size="sm">{t('mentoring.confirm.dialogText')}</Text>
        <ProblemAlert error={confirm.error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => confirm.mutate()} loading={confirm.isPending}>
            {t('mentoring.confirm.dialogConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function DisputeForm({ session: s, onCancel }: { session: SessionDetail; onCancel(): void }) {
  const { t } = useI18n();
  const after = useAfterAnswer(s.id);
  const form = useForm<{ reason: string }>({ defaultValues: { reason: '' } });
  const [refusal, setRefusal] = useState<unknown>(null);
  const dispute = useMutation({
    mutationFn: (reason: string) => mentoringCalls.dispute(s.id, reason),
    onSuccess: (fresh) => {
      after(fresh);
      notify(t('mentoring.confirm.disputedNotice'));
    },
    onError: (err) => {
      const rest = applyProblemToForm(form, err, { toFormName: (f) => (f === 'reason' ? 'reason' : null), label: () => t('mentoring.confirm.reason') });
      // Problems at the reason field are shown there; anything else (e.g. already confirmed) on the form.
      setRefusal(toProblem(err).fields.length > 0 && rest.length === 0 ? null : err);
    },
  });
  return (
    <form
      noValidate
      // The library's error red is below the contrast minimum for the message under the field.
      style={{ '--mantine-color-error': 'var(--mantine-color-red-9)' } as CSSProperties}
      onSubmit={(e) => {
        setRefusal(null);
        void form.handleSubmit((v) => dispute.mutate(v.reason))(e);
      }}
    >
      <Stack gap="sm">
        <Textarea
          label={t('mentoring.confirm.reason')}
          description={t('mentoring.confirm.reasonHint')}
          withAsterisk
          autosize
          minRows={3}
          {...form.register('reason', { validate: (v) => v.trim().length > 0 || t('mentoring.confirm.reasonRequired') })}
          error={form.formState.errors.reason?.message}
        />
        {refusal !== null && <ProblemAlert error={refusal} />}
        <Group gap="sm" wrap="wrap">
          <Button type="submit" color="red" loading={dispute.isPending}>
            {t('mentoring.confirm.sendDispute')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
