import { Alert, Anchor, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconGitCompare, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { toProblem } from '../../api/problem';
import { useI18n } from '../../i18n';
import { clearDraft, loadDraft, saveDraft } from '../../ui/drafts';
import { DateText } from '../../ui/money';
import { notify } from '../../ui/notify';
import { ProblemAlert } from '../../ui/problems';
import { usePlanVersions, useReviewPlan } from './plan-api';
import type { PlanDetail } from './plan-form';
import { usePlanViewer } from './use-plan-viewer';

const FROZEN: PlanDetail['status'][] = ['approved', 'in_progress', 'completed'];

/** An approved plan is frozen: its content changes only through a revision the school opens. */
export function isFrozen(status: PlanDetail['status']): boolean {
  return FROZEN.includes(status);
}

/**
 * What a reviewer (the company's CSR officer, the plan's facilitator) can do on a plan: decide on a
 * submitted one, see what changed since the previous version, and read that an approved plan is frozen.
 */
export function ReviewPanel({ plan }: { plan: PlanDetail }) {
  const viewer = usePlanViewer();
  if (!viewer.canReview) return null;
  const closed = plan.programYear.status === 'closed';
  return (
    <Stack gap="sm">
      {plan.status === 'submitted' && <ChangesSincePrevious plan={plan} />}
      {plan.status === 'submitted' && !closed && <Decide plan={plan} canApprove={viewer.canApprove} />}
      {FROZEN.includes(plan.status) && <Frozen plan={plan} />}
    </Stack>
  );
}

/** A resubmitted plan: the way to what the school changed since the version the reviewers saw before. */
function ChangesSincePrevious({ plan }: { plan: PlanDetail }) {
  const { t } = useI18n();
  const versions = usePlanVersions(plan.id);
  const items = versions.data?.items ?? [];
  if (items.length < 2) return null;
  const newest = items[items.length - 1].number;
  return (
    <Alert color="blue" icon={<IconGitCompare size={18} />} title={t('plans.review.resubmittedTitle', { n: newest })}>
      <Text size="sm">{t('plans.review.resubmittedText')}</Text>
      <Anchor component={Link} to={`/plans/${plan.id}/versions?version=${newest}&against=${newest - 1}`} size="sm" fw={600}>
        {t('plans.review.seeChanges', { older: newest - 1, newer: newest })}
      </Anchor>
    </Alert>
  );
}

function Frozen({ plan }: { plan: PlanDetail }) {
  const { t } = useI18n();
  return (
    <Alert color="teal" icon={<IconLock size={18} />} title={t('plans.review.frozenTitle')}>
      <Text size="sm">
        {plan.approvedAt
          ? t('plans.review.frozenBy', { name: plan.approvedBy?.fullName ?? t('plans.comments.someone') })
          : t('plans.review.frozenText')}{' '}
        {plan.approvedAt && <DateText value={plan.approvedAt} />}
      </Text>
      <Text size="sm">{t('plans.review.frozenHow')}</Text>
    </Alert>
  );
}

type Asking = null | 'changes' | 'approve';

function Decide({ plan, canApprove }: { plan: PlanDetail; canApprove: boolean }) {
  const { t } = useI18n();
  const [asking, setAsking] = useState<Asking>(null);
  return (
    <Alert color="blue" variant="outline" title={t('plans.review.decideTitle')}>
      <Stack gap="xs">
        <Text size="sm">{canApprove ? t('plans.review.decideCsr') : t('plans.review.decideFacilitator')}</Text>
        <Group gap="xs">
          <Button size="sm" variant="default" leftSection={<IconArrowBackUp size={16} />} onClick={() => setAsking('changes')}>
            {t('plans.review.requestChanges')}
          </Button>
          {canApprove && (
            <Button size="sm" leftSection={<IconCheck size={16} />} onClick={() => setAsking('approve')}>
              {t('plans.review.approve')}
            </Button>
          )}
        </Group>
      </Stack>
      {asking === 'changes' && <RequestChangesModal plan={plan} onClose={() => setAsking(null)} />}
      {asking === 'approve' && <ApproveModal plan={plan} onClose={() => setAsking(null)} />}
    </Alert>
  );
}

/** A 409: the plan changed while the reviewer read it; the page now shows the newer plan. */
function StaleNote({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error || !toProblem(error).isConflict) return null;
  return (
    <Text size="sm" fw={600}>
      {t('plans.review.stale')}
    </Text>
  );
}

function RequestChangesModal({ plan, onClose }: { plan: PlanDetail; onClose(): void }) {
  const { t } = useI18n();
  const draftKey = `plan.${plan.id}.requestChanges`;
  const [message, setMessage] = useState(() => loadDraft<string>(draftKey) ?? '');
  const [empty, setEmpty] = useState(false);
  const review = useReviewPlan(plan.id);
  const send = () => {
    if (message.trim() === '') {
      setEmpty(true);
      return;
    }
    review.mutate(
      { decision: 'request-changes', comment: message },
      {
        onSuccess: () => {
          clearDraft(draftKey);
          notify(t('plans.review.changesSent'));
          onClose();
        },
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('plans.review.requestChangesTitle')} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="sm">
        <Text size="sm">{t('plans.review.requestChangesText', { school: plan.school.name })}</Text>
        <Textarea
          label={t('plans.review.message')}
          withAsterisk
          autosize
          minRows={4}
          maxLength={5000}
          value={message}
          error={empty ? t('plans.review.messageMissing') : undefined}
          onChange={(e) => {
            setMessage(e.currentTarget.value);
            setEmpty(false);
            saveDraft(draftKey, e.currentTarget.value);
          }}
        />
        <ProblemAlert error={review.error} />
        <StaleNote error={review.error} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={send} loading={review.isPending}>
            {t('plans.review.sendChanges')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ApproveModal({ plan, onClose }: { plan: PlanDetail; onClose(): void }) {
  const { t } = useI18n();
  const review = useReviewPlan(plan.id);
  return (
    <Modal opened onClose={onClose} title={t('plans.review.approveTitle')} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="sm">
        <Text size="sm">{t('plans.review.approveText', { title: plan.title, school: plan.school.name })}</Text>
        <ProblemAlert error={review.error} />
        <StaleNote error={review.error} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={review.isPending}
            leftSection={<IconCheck size={16} />}
            onClick={() =>
              review.mutate(
                { decision: 'approve' },
                {
                  onSuccess: () => {
                    notify(t('plans.review.approved'));
                    onClose();
                  },
                },
              )
            }
          >
            {t('plans.review.approveConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
