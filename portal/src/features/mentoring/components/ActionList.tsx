import { Alert, Anchor, Button, Card, Group, Modal, Stack, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { toProblem } from '../../../api/problem';
import { useSession } from '../../../app/session';
import { useI18n } from '../../../i18n';
import { LoadMore } from '../../../ui/load-more';
import { DateText } from '../../../ui/money';
import { notify } from '../../../ui/notify';
import { PageState, ProblemAlert } from '../../../ui/problems';
import { StatusBadge } from '../../../ui/status-badge';
import { mentoringCalls, mentoringKeys, useActionList, type Action, type ActionFilter } from '../api';

/** open, overdue, done or dropped, as the person reads it. */
export function ActionStatusBadge({ action }: { action: Action }) {
  const { t } = useI18n();
  const state = action.status === 'open' && action.overdue ? 'overdue' : action.status;
  const color = { open: 'blue', overdue: 'red', done: 'teal', dropped: 'gray' }[state] ?? 'gray';
  return (
    <StatusBadge color={color}>{t(`mentoring.actionStatus.${state}`)}</StatusBadge>
  );
}

/** A list of follow-ups; the principal marks the school's own open ones done. */
export function ActionList({ filter, sessionId, showSession = true }: { filter: ActionFilter; sessionId?: string; showSession?: boolean }) {
  const { t } = useI18n();
  const list = useActionList(filter, sessionId);
  const [closing, setClosing] = useState<Action | null>(null);
  const actions = list.data?.pages.flatMap((p) => p.items) ?? [];
  if (list.isPending || list.isError) return <PageState loading={list.isPending} error={list.error} />;
  if (actions.length === 0) return <Text>{t(sessionId ? 'mentoring.actions.emptySession' : `mentoring.actions.empty.${filter}`)}</Text>;
  return (
    <Stack gap="sm">
      {actions.map((a) => (
        <ActionCard key={a.id} action={a} showSession={showSession} onDone={() => setClosing(a)} />
      ))}
      <LoadMore list={list} />
      <MarkDoneDialog action={closing} onClose={() => setClosing(null)} />
    </Stack>
  );
}

function ActionCard({ action: a, showSession, onDone }: { action: Action; showSession: boolean; onDone(): void }) {
  const { t } = useI18n();
  const { hasPermission } = useSession();
  const canClose = a.status === 'open' && a.ownerSide === 'school' && hasPermission('mentoring:confirm');
  return (
    <Card withBorder radius="md" padding="md" component="article" aria-label={a.description}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {a.description}
          </Text>
          <ActionStatusBadge action={a} />
        </Group>
        <Text size="sm" c="gray.7">
          {t('common.dueDate')}: <DateText value={a.dueDate} /> · {t('mentoring.actions.owner')}: {a.owner?.fullName ?? t(`mentoring.actions.side.${a.ownerSide}`)}
        </Text>
        {showSession && (
          <Text size="sm">
            <Anchor component={Link} to={`/mentoring/sessions/${a.sessionId}`}>
              {t('mentoring.actions.fromSession')} <DateText value={a.sessionHeldOn} />
            </Anchor>
          </Text>
        )}
        {a.status === 'dropped' && a.droppedReason && <Text size="sm">{t('mentoring.actions.droppedReason', { reason: a.droppedReason })}</Text>}
        {a.status === 'done' && a.closedAt && (
          <Text size="sm" c="gray.7">
            {t('mentoring.actions.doneOn')} <DateText value={a.closedAt} />
          </Text>
        )}
        {canClose && (
          <Group>
            <Button variant="outline" leftSection={<IconCheck size={18} aria-hidden="true" />} onClick={onDone} aria-label={t('mentoring.actions.markDoneOf', { description: a.description })}>
              {t('mentoring.actions.markDone')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

function MarkDoneDialog({ action, onClose }: { action: Action | null; onClose(): void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const done = useMutation({
    mutationFn: (a: Action) => mentoringCalls.markDone(a.id, a.version),
    onSuccess: () => {
      notify(t('mentoring.actions.doneNotice'));
      onClose();
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: mentoringKeys.actions }),
  });
  const close = () => {
    done.reset();
    onClose();
  };
  const conflict = done.error && toProblem(done.error).isConflict;
  return (
    <Modal opened={action !== null} onClose={close} title={t('mentoring.actions.confirmTitle')} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="md">
        <Text fw={600}>{action?.description}</Text>
        <Text size="sm">{t('mentoring.actions.confirmText')}</Text>
        {conflict ? (
          <Alert role="alert" color="orange" title={t('common.problem.conflictTitle')}>
            {t('mentoring.actions.conflict')}
          </Alert>
        ) : (
          <ProblemAlert error={done.error} />
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          {!conflict && (
            <Button onClick={() => action && done.mutate(action)} loading={done.isPending}>
              {t('mentoring.actions.confirmDone')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
