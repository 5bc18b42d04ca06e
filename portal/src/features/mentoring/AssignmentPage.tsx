import { Anchor, Button, Card, Group, Modal, NativeSelect, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconPlus, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type CSSProperties, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useNavigate, useParams } from 'react-router';
import { toProblem } from '../../api/problem';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n';
import { LoadMore } from '../../ui/load-more';
import { BackLink } from '../../ui/back-link';
import { applyProblemToForm } from '../../ui/field-problems';
import { DateText } from '../../ui/money';
import { notify } from '../../ui/notify';
import { PageState, ProblemAlert } from '../../ui/problems';
import { assignmentCalls, assignmentKeys, useAssignment, useAssignmentSessions, useCandidates, type Assignment } from './api';
import { ConfirmationBadge, useHours, useSessionName } from './components/labels';
import { OutboxList } from './components/OutboxList';
import { AssignmentFlags, AssignmentProgress } from './components/progress';
import { useOutboxSync } from './offline/use-outbox';
import { SchoolParentsLink } from '../parent-engagement/SchoolParentsLink';

/** /mentoring/assignments/:id: one assignment's progress, flags and sessions; the CSR officer ends or reassigns it. */
export function AssignmentPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { hasPermission } = useSession();
  useOutboxSync();
  const assignment = useAssignment(id);
  const [dialog, setDialog] = useState<'end' | 'reassign' | null>(null);
  if (!assignment.data) return <PageState loading={assignment.isPending} error={assignment.error} />;
  const a = assignment.data;
  const canManage = a.active && hasPermission('mentoring:assign');
  const canLog = a.active && hasPermission('mentoring:log') && !hasPermission('mentoring:assign');
  return (
    <Stack gap="xl">
      <Stack gap={4}>
        <BackLink to="/mentoring">{t('mentoring.assignment.back')}</BackLink>
        <Title order={1}>{a.school.name}</Title>
        <Text c="gray.7">
          {t('mentoring.assignment.subtitle', { facilitator: a.facilitator.fullName ?? '–', program: a.programYear.programName, year: a.programYear.year })}
        </Text>
        <AssignmentFlags assignment={a} />
        <SchoolParentsLink schoolId={a.school.id} />
      </Stack>
      {(canManage || canLog) && (
        <Group gap="sm" wrap="wrap">
          {canLog && (
            <Button component={Link} to={`/mentoring/sessions/new?assignmentId=${a.id}`} leftSection={<IconPlus size={18} aria-hidden="true" />}>
              {t('mentoring.facilitator.log')}
            </Button>
          )}
          {canManage && (
            <>
              <Button variant="outline" leftSection={<IconUserCheck size={18} aria-hidden="true" />} onClick={() => setDialog('reassign')}>
                {t('mentoring.assignment.reassign')}
              </Button>
              <Button variant="outline" color="red" leftSection={<IconUserOff size={18} aria-hidden="true" />} onClick={() => setDialog('end')}>
                {t('mentoring.assignment.end')}
              </Button>
            </>
          )}
        </Group>
      )}
      <Section id="assignment-progress" title={t('mentoring.assignment.progress')}>
        <Card withBorder radius="md" padding="md" maw={640}>
          <AssignmentProgress assignment={a} />
        </Card>
      </Section>
      <Section id="assignment-facts" title={t('mentoring.assignment.facts')}>
        <Facts assignment={a} />
      </Section>
      {canLog && <OutboxList assignmentId={a.id} />}
      <Section id="assignment-sessions" title={t('mentoring.assignment.sessions')}>
        <Sessions assignmentId={a.id} />
      </Section>
      <EndDialog assignment={a} opened={dialog === 'end'} onClose={() => setDialog(null)} />
      {dialog === 'reassign' && <ReassignDialog assignment={a} onClose={() => setDialog(null)} />}
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

function Facts({ assignment: a }: { assignment: Assignment }) {
  const { t } = useI18n();
  const item = (label: string, value: ReactNode) => (
    <div>
      <Text size="sm" c="gray.7">
        {label}
      </Text>
      <Text fw={500}>{value}</Text>
    </div>
  );
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
        {item(t('mentoring.session.facilitator'), `${a.facilitator.fullName ?? '–'} (${a.facilitatorOrganization.name})`)}
        {item(t('mentoring.assignment.startedOn'), <DateText value={a.startedOn} />)}
        {item(t('mentoring.assignment.assignedBy'), a.assignedBy.fullName ?? '–')}
        {!a.active && item(t('mentoring.assignment.endedAt'), <DateText value={a.endedAt} />)}
        {!a.active && a.endedReason && item(t('mentoring.assignment.endedReason'), a.endedReason)}
      </SimpleGrid>
      {a.replacedById && (
        <Anchor component={Link} to={`/mentoring/assignments/${a.replacedById}`} size="sm">
          {t('mentoring.assignment.replacedBy')}
        </Anchor>
      )}
      {a.replacesId && (
        <Anchor component={Link} to={`/mentoring/assignments/${a.replacesId}`} size="sm">
          {t('mentoring.assignment.replaces')}
        </Anchor>
      )}
    </Stack>
  );
}

function Sessions({ assignmentId }: { assignmentId: string }) {
  const { t } = useI18n();
  const list = useAssignmentSessions(assignmentId);
  const name = useSessionName();
  const hours = useHours();
  const sessions = list.data?.pages.flatMap((p) => p.items) ?? [];
  if (list.isPending || list.isError) return <PageState loading={list.isPending} error={list.error} />;
  if (sessions.length === 0) return <Text>{t('mentoring.list.empty.all')}</Text>;
  return (
    <Stack gap="sm">
      {sessions.map((s) => (
        <Card key={s.id} withBorder radius="md" padding="md" component="article" aria-labelledby={`session-${s.id}`}>
          <Stack gap={4}>
            <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
              <Title order={3} size="h5" id={`session-${s.id}`}>
                <Anchor component={Link} to={`/mentoring/sessions/${s.id}`} inherit>
                  {name(s)}
                </Anchor>
              </Title>
              <ConfirmationBadge confirmation={s.confirmation} />
            </Group>
            <Text size="sm" c="gray.7">
              {t(`common.topic.${s.topic}`)} · {hours(s.hours)} · {t('mentoring.attendee.total', { n: s.attendees.countedTotal })}
            </Text>
            {s.notes && (
              <Text size="sm" lineClamp={2}>
                {s.notes}
              </Text>
            )}
          </Stack>
        </Card>
      ))}
      <LoadMore list={list} />
    </Stack>
  );
}

const ERROR_STYLE = { '--mantine-color-error': 'var(--mantine-color-red-9)' } as CSSProperties;

function EndDialog({ assignment: a, opened, onClose }: { assignment: Assignment; opened: boolean; onClose(): void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const form = useForm<{ reason: string }>({ defaultValues: { reason: '' } });
  const [refusal, setRefusal] = useState<unknown>(null);
  const end = useMutation({
    mutationFn: (reason: string) => assignmentCalls.end(a.id, reason),
    onSuccess: (fresh) => {
      queryClient.setQueryData(assignmentKeys.one(a.id), fresh);
      void queryClient.invalidateQueries({ queryKey: assignmentKeys.all });
      notify(t('mentoring.assignment.endedNotice'));
      onClose();
    },
    onError: (err) => {
      const rest = applyProblemToForm(form, err, { label: (n) => (n === 'reason' ? t('mentoring.assignment.reason') : undefined) });
      setRefusal(toProblem(err).fields.length > 0 && rest.length === 0 ? null : err);
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('mentoring.assignment.endTitle')} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form noValidate style={ERROR_STYLE} onSubmit={(e) => void form.handleSubmit((v) => end.mutate(v.reason))(e)}>
        <Stack gap="md">
          <Text size="sm">{t('mentoring.assignment.endText', { facilitator: a.facilitator.fullName ?? '', school: a.school.name })}</Text>
          <Textarea
            label={t('mentoring.assignment.reason')}
            withAsterisk
            autosize
            minRows={3}
            {...form.register('reason', { validate: (v) => v.trim().length > 0 || t('mentoring.assignment.reasonRequired') })}
            error={form.formState.errors.reason?.message}
          />
          {refusal !== null && <ProblemAlert error={refusal} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={end.isPending}>
              {t('mentoring.assignment.endConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ReassignDialog({ assignment: a, onClose }: { assignment: Assignment; onClose(): void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const candidates = useCandidates(a.programYear.id);
  const form = useForm<{ facilitatorUserId: string; reason: string }>({ defaultValues: { facilitatorUserId: '', reason: '' } });
  const [refusal, setRefusal] = useState<unknown>(null);
  const labels: Record<string, string> = { facilitatorUserId: t('mentoring.assignment.newFacilitator'), reason: t('mentoring.assignment.reason') };
  const reassign = useMutation({
    mutationFn: (v: { facilitatorUserId: string; reason: string }) => assignmentCalls.reassign(a.id, v),
    onSuccess: (fresh) => {
      void queryClient.invalidateQueries({ queryKey: assignmentKeys.all });
      notify(t('mentoring.assignment.reassignedNotice', { facilitator: fresh.facilitator.fullName ?? '' }));
      onClose();
      void navigate(`/mentoring/assignments/${fresh.id}`);
    },
    onError: (err) => {
      const rest = applyProblemToForm(form, err, { label: (n) => labels[n] });
      setRefusal(toProblem(err).fields.length > 0 && rest.length === 0 ? null : err);
    },
  });
  const others = (candidates.data?.facilitators ?? []).filter((f) => f.id !== a.facilitator.id);
  return (
    <Modal opened onClose={onClose} title={t('mentoring.assignment.reassignTitle')} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form noValidate style={ERROR_STYLE} onSubmit={(e) => void form.handleSubmit((v) => reassign.mutate(v))(e)}>
        <Stack gap="md">
          <Text size="sm">{t('mentoring.assignment.reassignText')}</Text>
          {candidates.isError && <ProblemAlert error={candidates.error} />}
          <NativeSelect
            label={labels.facilitatorUserId}
            withAsterisk
            disabled={!candidates.data}
            data={[{ value: '', label: t('mentoring.assign.chooseFacilitator') }, ...others.map((f) => ({ value: f.id, label: `${f.fullName} · ${f.organization.name}` }))]}
            {...form.register('facilitatorUserId', { required: t('mentoring.assign.facilitatorRequired') })}
            error={form.formState.errors.facilitatorUserId?.message}
          />
          <Textarea
            label={labels.reason}
            withAsterisk
            autosize
            minRows={3}
            {...form.register('reason', { validate: (v) => v.trim().length > 0 || t('mentoring.assignment.reasonRequired') })}
            error={form.formState.errors.reason?.message}
          />
          {refusal !== null && <ProblemAlert error={refusal} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={reassign.isPending}>
              {t('mentoring.assignment.reassignConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
