import { Alert, Badge, Button, Card, Group, Modal, NativeSelect, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useParams } from 'react-router';
import { toProblem } from '../../api/problem';
import { useI18n } from '../../i18n';
import { BackLink } from '../../ui/back-link';
import { applyProblemToForm } from '../../ui/field-problems';
import { DateText } from '../../ui/money';
import { notify } from '../../ui/notify';
import { NotFound, PageState, ProblemAlert } from '../../ui/problems';
import { useProgram, usePrograms, useRequest, useRequestActions, type AcceptAnswer, type PartnerRequestDetail, type Recommendation } from './api';
import { HistorySection } from './HistorySection';
import { DecisionBadge, Fact, RequestStatusBadge, useLevelsText, useViewer } from './parts';
import { RecommendSection } from './RecommendSection';

/** /partner-requests/:id: one request, its recommended schools and what the reader can do next. */
export function RequestPage() {
  const { id = '' } = useParams();
  const request = useRequest(id);
  if (!/^[0-9a-f-]{36}$/i.test(id)) return <NotFound />;
  if (request.isPending || request.isError) return <PageState loading={request.isPending} error={request.error} />;
  return <RequestView request={request.data} />;
}

function RequestView({ request: r }: { request: PartnerRequestDetail }) {
  const { t } = useI18n();
  const viewer = useViewer();
  const levels = useLevelsText();
  const program = useProgram(r.programId);
  const title = viewer === 'office' ? t('requests.detail.titleOffice', { company: r.company.name }) : t('requests.detail.titleCompany', { office: r.educationOffice.name });
  const answering = viewer === 'office' && (r.status === 'open' || r.status === 'answered');

  return (
    <Stack gap="lg">
      <BackLink to="/partner-requests">{t('requests.back')}</BackLink>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <div style={{ flex: '1 1 20rem', minWidth: 0 }}>
          <Title order={1}>{title}</Title>
          <Text c="gray.7">{t(`requests.detail.next.${viewer}.${r.status}`)}</Text>
        </div>
        <RequestStatusBadge status={r.status} />
      </Group>

      <Card withBorder padding="md" component="section" aria-labelledby="request-facts">
        <Title order={2} size="h4" id="request-facts" mb="sm">
          {t('requests.detail.facts')}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
          <Fact label={t('requests.field.company')}>{r.company.name}</Fact>
          <Fact label={t('requests.field.office')}>{r.educationOffice.name}</Fact>
          <Fact label={t('requests.field.region')}>{`${r.regionName} (${r.regionCode})`}</Fact>
          <Fact label={t('requests.field.schoolsWanted')}>{r.schoolsWanted}</Fact>
          <Fact label={t('requests.field.levels')}>{levels(r)}</Fact>
          <Fact label={t('requests.field.dueDate')}>
            <DateText value={r.dueDate} />
          </Fact>
          <Fact label={t('requests.field.program')}>{r.programId ? (program.data?.name ?? (program.isError ? t('requests.detail.programHidden') : '…')) : t('requests.detail.noProgram')}</Fact>
          <Fact label={t('requests.detail.askedBy')}>
            {r.createdBy.fullName ?? '–'} · <DateText value={r.createdAt} />
          </Fact>
          {r.answeredBy && (
            <Fact label={t('requests.detail.answeredBy')}>
              {r.answeredBy.fullName ?? '–'} · <DateText value={r.answeredAt} />
            </Fact>
          )}
        </SimpleGrid>
        <Stack gap={4} mt="md">
          <Text size="sm" c="gray.7">
            {t('requests.field.needs')}
          </Text>
          {r.needTopics.length === 0 ? (
            <Text>{t('requests.detail.noNeeds')}</Text>
          ) : (
            <Group gap={6}>
              {r.needTopics.map((n) => (
                <Badge key={n} variant="outline" color="gray.8" tt="none">
                  {t(`common.topic.${n}`)}
                </Badge>
              ))}
            </Group>
          )}
          {r.needsNote && <Text style={{ whiteSpace: 'pre-wrap' }}>{r.needsNote}</Text>}
          {r.withdrawnReason && (
            <Text>
              <Text span fw={600}>
                {t('requests.detail.withdrawnReason')}:
              </Text>{' '}
              {r.withdrawnReason}
            </Text>
          )}
        </Stack>
      </Card>

      {viewer === 'company' && <CompanyActions request={r} />}
      <RecommendationsSection request={r} programName={program.data?.name ?? null} />
      {answering && <RecommendSection request={r} />}
      <HistorySection requestId={r.id} />
    </Stack>
  );
}

/** Withdraw (open or answered) or close (answered) the request. */
function CompanyActions({ request: r }: { request: PartnerRequestDetail }) {
  const { t } = useI18n();
  const [dialog, setDialog] = useState<'withdraw' | 'close' | null>(null);
  const canWithdraw = r.status === 'open' || r.status === 'answered';
  const canClose = r.status === 'answered';
  if (!canWithdraw && !canClose) return null;
  return (
    <Group gap="sm">
      {canClose && (
        <Button variant="default" onClick={() => setDialog('close')}>
          {t('requests.close.button')}
        </Button>
      )}
      {canWithdraw && (
        <Button variant="default" color="red" onClick={() => setDialog('withdraw')}>
          {t('requests.withdraw.button')}
        </Button>
      )}
      {dialog === 'withdraw' && <WithdrawModal request={r} onClose={() => setDialog(null)} />}
      {dialog === 'close' && <CloseModal request={r} onClose={() => setDialog(null)} />}
    </Group>
  );
}

function WithdrawModal({ request: r, onClose }: { request: PartnerRequestDetail; onClose(): void }) {
  const { t } = useI18n();
  const { withdraw } = useRequestActions(r.id);
  const form = useForm<{ reason: string }>({ defaultValues: { reason: '' } });
  const [problem, setProblem] = useState<unknown>(null);
  const label = t('requests.withdraw.reason');
  const send = (v: { reason: string }) =>
    withdraw.mutate(v.reason, {
      onSuccess: () => {
        notify(t('requests.withdraw.done'));
        onClose();
      },
      onError: (err) => {
        const rest = applyProblemToForm(form, err, { label: (n) => (n === 'reason' ? label : undefined) });
        setProblem(toProblem(err).fields.length > 0 && rest.length === 0 ? null : err);
      },
    });
  return (
    <Modal opened onClose={onClose} title={t('requests.withdraw.title')} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form noValidate onSubmit={(e) => void form.handleSubmit(send)(e)}>
        <Stack gap="sm">
          <Text size="sm">{t('requests.withdraw.text')}</Text>
          <Textarea label={label} withAsterisk autosize minRows={3} maxLength={2000} {...form.register('reason')} error={form.formState.errors.reason?.message} />
          <ProblemAlert error={problem} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={withdraw.isPending}>
              {t('requests.withdraw.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function CloseModal({ request: r, onClose }: { request: PartnerRequestDetail; onClose(): void }) {
  const { t } = useI18n();
  const { close } = useRequestActions(r.id);
  const pending = r.recommendations.filter((x) => x.decision === 'pending').length;
  return (
    <Modal opened onClose={onClose} title={t('requests.close.title')} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="sm">
        <Text size="sm">{pending > 0 ? t('requests.close.textPending', { n: pending }) : t('requests.close.text')}</Text>
        <ProblemAlert error={close.error} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={close.isPending}
            onClick={() =>
              close.mutate(undefined, {
                onSuccess: () => {
                  notify(t('requests.close.done'));
                  onClose();
                },
              })
            }
          >
            {t('requests.close.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The schools the office recommended, best rank first, with the company's decision on each. */
function RecommendationsSection({ request: r, programName }: { request: PartnerRequestDetail; programName: string | null }) {
  const { t } = useI18n();
  const viewer = useViewer();
  const [dialog, setDialog] = useState<{ kind: 'accept' | 'decline'; rec: Recommendation } | null>(null);
  const [lastAccept, setLastAccept] = useState<{ school: string; answer: AcceptAnswer } | null>(null);
  const decides = viewer === 'company' && r.status === 'answered';
  return (
    <section aria-labelledby="recommendations-title">
      <Title order={2} size="h3" id="recommendations-title" mb="sm">
        {t('requests.recs.title')}
      </Title>
      {lastAccept && <AcceptOutcome school={lastAccept.school} answer={lastAccept.answer} />}
      {r.recommendations.length === 0 ? (
        <Text>{t(`requests.recs.none.${viewer === 'office' ? 'office' : 'company'}`)}</Text>
      ) : (
        <Stack component="ul" gap="sm" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {r.recommendations.map((rec) => (
            <li key={rec.id}>
              <RecommendationCard rec={rec} actions={decides && rec.decision === 'pending' ? (kind) => setDialog({ kind, rec }) : undefined} />
            </li>
          ))}
        </Stack>
      )}
      {dialog?.kind === 'accept' && (
        <AcceptModal
          request={r}
          rec={dialog.rec}
          programName={programName}
          onClose={() => setDialog(null)}
          onAccepted={(answer) => {
            setLastAccept({ school: dialog.rec.school.name, answer });
            setDialog(null);
          }}
        />
      )}
      {dialog?.kind === 'decline' && <DeclineModal request={r} rec={dialog.rec} onClose={() => setDialog(null)} />}
    </section>
  );
}

function RecommendationCard({ rec, actions }: { rec: Recommendation; actions?: (kind: 'accept' | 'decline') => void }) {
  const { t } = useI18n();
  const s = rec.school;
  return (
    <Card withBorder padding="md">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <div style={{ minWidth: 0, flex: '1 1 14rem' }}>
            <Text size="sm" c="gray.7">
              {t('requests.recs.rank', { rank: rec.rank })}
            </Text>
            <Title order={3} size="h4">
              {s.name}
            </Title>
            <Text size="sm" c="gray.7">
              {[s.npsn ? `NPSN ${s.npsn}` : null, s.schoolLevel, s.regionCode].filter(Boolean).join(' · ')}
            </Text>
          </div>
          <DecisionBadge decision={rec.decision} />
        </Group>
        <Text>
          <Text span fw={600}>
            {t('requests.recs.rationale')}:
          </Text>{' '}
          {rec.rationale}
        </Text>
        <Text size="sm" c="gray.7">
          {t('requests.recs.recommendedBy', { name: rec.recommendedBy.fullName ?? '–' })} · <DateText value={rec.createdAt} />
        </Text>
        {rec.decision !== 'pending' && (
          <Text size="sm">
            {t(`requests.recs.decided.${rec.decision}`, { name: rec.decidedBy?.fullName ?? '–' })} · <DateText value={rec.decidedAt} />
            {rec.decisionReason ? ` · ${t('requests.recs.declineReason')}: ${rec.decisionReason}` : ''}
          </Text>
        )}
        {rec.partnership && (
          <Text size="sm" fw={600} c="teal.9">
            {t('requests.recs.partnership', { program: rec.partnership.program.name, status: t(`requests.partnershipStatus.${rec.partnership.status}`) })}
          </Text>
        )}
        {actions && (
          <Group gap="xs" mt={4}>
            <Button onClick={() => actions('accept')} aria-label={t('requests.accept.aria', { school: s.name })}>
              {t('requests.accept.button')}
            </Button>
            <Button variant="default" onClick={() => actions('decline')} aria-label={t('requests.decline.aria', { school: s.name })}>
              {t('requests.decline.button')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/** What accepting did: which partnership the school is now a partner in. */
function AcceptOutcome({ school, answer }: { school: string; answer: AcceptAnswer }) {
  const { t } = useI18n();
  const p = answer.partnership;
  const text = p
    ? t(`requests.accept.outcome.${p.outcome}`, { school, program: p.program.name, status: t(`requests.partnershipStatus.${p.status}`) })
    : t('requests.accept.outcome.none', { school });
  return (
    <Alert role="status" color="teal" title={t('requests.accept.doneTitle')} mb="sm">
      {text}
    </Alert>
  );
}

function AcceptModal({
  request: r,
  rec,
  programName,
  onClose,
  onAccepted,
}: {
  request: PartnerRequestDetail;
  rec: Recommendation;
  programName: string | null;
  onClose(): void;
  onAccepted(answer: AcceptAnswer): void;
}) {
  const { t } = useI18n();
  const { accept } = useRequestActions(r.id);
  const programs = usePrograms(!r.programId);
  const [programId, setProgramId] = useState('');
  const send = () =>
    accept.mutate(
      { recommendationId: rec.id, ...(programId ? { programId } : {}) },
      {
        onSuccess: (answer) => {
          notify(t('requests.accept.done', { school: rec.school.name }));
          onAccepted(answer);
        },
      },
    );
  return (
    <Modal opened onClose={onClose} title={t('requests.accept.title', { school: rec.school.name })} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="sm">
        {r.programId ? (
          <Text size="sm">{t('requests.accept.text', { school: rec.school.name, program: programName ?? '…' })}</Text>
        ) : (
          <>
            <Text size="sm">{t('requests.accept.textNoProgram', { school: rec.school.name })}</Text>
            <NativeSelect
              label={t('requests.field.program')}
              value={programId}
              onChange={(e) => setProgramId(e.currentTarget.value)}
              data={[{ value: '', label: t('requests.accept.decisionOnly') }, ...(programs.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))]}
            />
          </>
        )}
        <ProblemAlert error={accept.error} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={send} loading={accept.isPending}>
            {t('requests.accept.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function DeclineModal({ request: r, rec, onClose }: { request: PartnerRequestDetail; rec: Recommendation; onClose(): void }) {
  const { t } = useI18n();
  const { decline } = useRequestActions(r.id);
  const form = useForm<{ reason: string }>({ defaultValues: { reason: '' } });
  const [problem, setProblem] = useState<unknown>(null);
  const label = t('requests.decline.reason');
  const send = (v: { reason: string }) => {
    setProblem(null);
    decline.mutate(
      { recommendationId: rec.id, reason: v.reason },
      {
        onSuccess: () => {
          notify(t('requests.decline.done', { school: rec.school.name }));
          onClose();
        },
        onError: (err) => {
          const rest = applyProblemToForm(form, err, { label: (n) => (n === 'reason' ? label : undefined) });
          setProblem(toProblem(err).fields.length > 0 && rest.length === 0 ? null : err);
        },
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('requests.decline.title', { school: rec.school.name })} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form noValidate onSubmit={(e) => void form.handleSubmit(send)(e)}>
        <Stack gap="sm">
          <Text size="sm">{t('requests.decline.text')}</Text>
          <Textarea label={label} withAsterisk autosize minRows={3} maxLength={2000} {...form.register('reason')} error={form.formState.errors.reason?.message} />
          <ProblemAlert error={problem} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={decline.isPending}>
              {t('requests.decline.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
