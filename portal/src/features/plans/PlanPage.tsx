import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconArrowBackUp, IconChartBar, IconInfoCircle, IconMessageCircle, IconPlayerPlay, IconX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useI18n } from '../../i18n';
import { notify } from '../../ui/notify';
import { PageState, ProblemAlert } from '../../ui/problems';
import { usePlan, usePlanComments, usePlanStep, useWithdrawPlan, type PlanComment } from './plan-api';
import type { PlanDetail } from './plan-form';
import { actsForSchool, canCommentOn, schoolActions, STATUS_COLOR } from './plan-status';
import { PlanEditor } from './PlanEditor';
import { PlanHeader } from './PlanParts';
import { isFrozen, ReviewPanel } from './PlanReview';
import { PlanView } from './PlanView';
import { usePlanViewer } from './use-plan-viewer';

/** One plan: where it stands, what to do next, the form (draft) or the plan itself, and its comments. */
export function PlanPage() {
  const { id = '' } = useParams();
  const { hash } = useLocation();
  const plan = usePlan(id);
  const comments = usePlanComments(id);
  const viewer = usePlanViewer();
  const ready = plan.isSuccess && comments.isSuccess;
  useEffect(() => {
    // A link to the discussion (#comments, e.g. from the home page) lands on it once it is there.
    if (ready && hash) document.getElementById(hash.slice(1))?.scrollIntoView();
  }, [ready, hash]);
  if (plan.isPending || (comments.isPending && !comments.isError)) return <PageState loading />;
  if (plan.isError) return <PageState error={plan.error} />;
  const p = plan.data;
  const yearClosed = p.programYear.status === 'closed';
  const school = actsForSchool(viewer, p.school.id);
  const actions = school ? schoolActions(p.status, p.revision, yearClosed) : [];
  const canComment = canCommentOn(viewer.role, p.status, yearClosed);
  const threads = comments.data?.items ?? [];
  return (
    <Stack gap="md">
      <PlanHeader plan={p} current="plan" />
      <NextStep plan={p} school={school} actions={actions} comments={countComments(threads)} />
      {!school && <ReviewPanel plan={p} />}
      {comments.isError && <ProblemAlert error={comments.error} />}
      {actions.includes('edit') ? (
        <PlanEditor key={p.id} plan={p} comments={threads} canComment={canComment} />
      ) : (
        <PlanView plan={p} comments={threads} canComment={canComment} canCommentFields={canComment && !school && viewer.canReview && !isFrozen(p.status)} />
      )}
    </Stack>
  );
}

/** What the plan's state asks of the reader now, with the steps the school can take. */
function countComments(threads: PlanComment[]): number {
  return threads.reduce((n, c) => n + 1 + countComments(c.replies), 0);
}

function NextStep({ plan, school, actions, comments }: { plan: PlanDetail; school: boolean; actions: ReturnType<typeof schoolActions>; comments: number }) {
  const { t } = useI18n();
  const step = usePlanStep(plan.id);
  const [asking, setAsking] = useState<null | 'withdraw' | 'revise'>(null);
  const who = school ? 'school' : 'other';
  const run = (s: 'start') =>
    step.mutate(s, {
      onSuccess: () => notify(t(`plans.next.done.${s}`)),
    });
  return (
    <Alert color={STATUS_COLOR[plan.status] === 'gray' ? 'blue' : STATUS_COLOR[plan.status]} icon={<IconInfoCircle size={18} />} title={t('plans.next.title')}>
      <Stack gap="xs">
        <Text size="sm">{plan.programYear.status === 'closed' ? t('plans.next.closedYear') : t(`plans.next.${who}.${plan.status}`)}</Text>
        {plan.status === 'withdrawn' && plan.withdrawnReason && <Text size="sm">{t('plans.next.withdrawnReason', { reason: plan.withdrawnReason })}</Text>}
        <ProblemAlert error={step.error} />
        <Group gap="xs">
          {actions.includes('start') && (
            <Button size="sm" leftSection={<IconPlayerPlay size={16} />} onClick={() => run('start')} loading={step.isPending}>
              {t('plans.next.start')}
            </Button>
          )}
          {actions.includes('report') && (
            <Button size="sm" variant={actions.includes('start') ? 'light' : 'filled'} component={Link} to={`/plans/${plan.id}/progress`} leftSection={<IconChartBar size={16} />}>
              {t('plans.next.report')}
            </Button>
          )}
          {actions.includes('revise') && (
            <Button size="sm" variant="default" leftSection={<IconArrowBackUp size={16} />} onClick={() => setAsking('revise')}>
              {t('plans.next.revise')}
            </Button>
          )}
          {comments > 0 && (
            <Button size="sm" variant="default" component="a" href="#comments" leftSection={<IconMessageCircle size={16} />}>
              {t('plans.next.comments', { count: comments })}
            </Button>
          )}
          {actions.includes('withdraw') && (
            <Button size="sm" variant="subtle" color="red" leftSection={<IconX size={16} />} onClick={() => setAsking('withdraw')}>
              {t('plans.next.withdraw')}
            </Button>
          )}
        </Group>
      </Stack>
      <WithdrawModal plan={plan} opened={asking === 'withdraw'} onClose={() => setAsking(null)} />
      <ReviseModal plan={plan} opened={asking === 'revise'} onClose={() => setAsking(null)} />
    </Alert>
  );
}

function WithdrawModal({ plan, opened, onClose }: { plan: PlanDetail; opened: boolean; onClose(): void }) {
  const { t } = useI18n();
  const withdraw = useWithdrawPlan(plan.id);
  const [reason, setReason] = useState('');
  const [empty, setEmpty] = useState(false);
  const send = () => {
    if (reason.trim() === '') {
      setEmpty(true);
      return;
    }
    withdraw.mutate(reason, {
      onSuccess: () => {
        notify(t('plans.next.done.withdraw'));
        onClose();
      },
    });
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('plans.withdraw.title')} centered>
      <Stack gap="sm">
        <Text size="sm">{t('plans.withdraw.text')}</Text>
        <Textarea
          label={t('plans.withdraw.reason')}
          withAsterisk
          autosize
          minRows={3}
          maxLength={2000}
          value={reason}
          error={empty ? t('plans.withdraw.reasonMissing') : undefined}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setEmpty(false);
          }}
        />
        <ProblemAlert error={withdraw.error} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={send} loading={withdraw.isPending}>
            {t('plans.withdraw.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ReviseModal({ plan, opened, onClose }: { plan: PlanDetail; opened: boolean; onClose(): void }) {
  const { t } = useI18n();
  const step = usePlanStep(plan.id);
  return (
    <Modal opened={opened} onClose={onClose} title={t('plans.revise.title')} centered>
      <Stack gap="sm">
        <Text size="sm">{t('plans.revise.text')}</Text>
        <ProblemAlert error={step.error} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={step.isPending}
            onClick={() =>
              step.mutate('revise', {
                onSuccess: () => {
                  notify(t('plans.next.done.revise'));
                  onClose();
                },
              })
            }
          >
            {t('plans.revise.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
