import { Alert, Button, Card, FileInput, Group, Modal, Paper, Progress, Radio, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconCamera, IconFileDownload, IconFlag } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { toProblem } from '../../api/problem';
import { useI18n } from '../../i18n';
import { clearDraft, loadDraft, useDraftAutosave } from '../../ui/drafts';
import { formatNumber } from '../../ui/format';
import { DateText } from '../../ui/money';
import { notify } from '../../ui/notify';
import { PageState, ProblemAlert, useProblemText } from '../../ui/problems';
import { downloadPlanFile, usePlan, usePlanProgress, usePlanStep, useReportProgress, useReportResult, type ActivityProgress, type IndicatorResult, type ProgressStatus } from './plan-api';
import { decimalInput, monthName, type PlanDetail } from './plan-form';
import { actsForSchool, hasProgress } from './plan-status';
import { usePlanViewer } from './use-plan-viewer';
import { PlainBadge, PlanHeader, withUnit } from './PlanParts';

const PROGRESS: ProgressStatus[] = ['not_started', 'in_progress', 'done'];
const PROGRESS_COLOR: Record<ProgressStatus, string> = { not_started: 'gray', in_progress: 'blue', done: 'teal' };

/** How the plan is going: each activity's progress with evidence, each indicator's result, and completing the plan. */
export function PlanProgressPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const viewer = usePlanViewer();
  const plan = usePlan(id);
  const reported = plan.data ? hasProgress(plan.data.status) : false;
  const progress = usePlanProgress(id, reported);
  // Indicators the API named as still missing a result when completing was refused.
  const [missing, setMissing] = useState<Set<string>>(new Set());

  if (plan.isPending) return <PageState loading />;
  if (plan.isError) return <PageState error={plan.error} />;
  const p = plan.data;
  const canReport = actsForSchool(viewer, p.school.id) && (p.status === 'approved' || p.status === 'in_progress') && p.programYear.status !== 'closed';
  const canComplete = actsForSchool(viewer, p.school.id) && p.status === 'in_progress' && p.programYear.status !== 'closed';

  return (
    <Stack gap="md">
      <PlanHeader plan={p} current="progress" />
      {!reported ? (
        <Alert color="blue">{t('plans.progress.notYet')}</Alert>
      ) : progress.isPending ? (
        <PageState loading />
      ) : progress.isError ? (
        <PageState error={progress.error} />
      ) : (
        <>
          <Summary activities={progress.data.activities} indicators={progress.data.indicators} reportedCount={progress.data.indicatorsReported} />
          {p.status === 'approved' && canReport && <Alert color="teal">{t('plans.progress.approvedHint')}</Alert>}
          {p.content.programs.map((program, i) => {
            const activities = progress.data.activities.filter((a) => a.programId === program.id);
            const indicators = progress.data.indicators.filter((d) => d.programId === program.id);
            return (
              <Card key={program.id} withBorder component="section" aria-labelledby={`progress-program-${i}`}>
                <Title order={2} size="h3" id={`progress-program-${i}`} mb="sm">
                  {program.name ? t('plans.item.programNamed', { n: i + 1, name: program.name }) : t('plans.item.program', { n: i + 1 })}
                </Title>
                <Title order={3} size="h4" mb="xs">
                  {t('plans.list.activities')}
                </Title>
                <Stack gap="sm" mb="md">
                  {activities.length === 0 && <Text c="dimmed">{t('plans.view.empty')}</Text>}
                  {activities.map((a) => (
                    <ActivityCard key={a.activityId} planId={p.id} activity={a} canReport={canReport} />
                  ))}
                </Stack>
                <Title order={3} size="h4" mb="xs">
                  {t('plans.list.indicators')}
                </Title>
                <Stack gap="sm">
                  {indicators.length === 0 && <Text c="dimmed">{t('plans.view.empty')}</Text>}
                  {indicators.map((d) => (
                    <IndicatorCard key={d.indicatorId} planId={p.id} indicator={d} canReport={canReport} missing={missing.has(d.indicatorId)} />
                  ))}
                </Stack>
              </Card>
            );
          })}
          {canComplete && <CompletePlan plan={p} total={progress.data.indicators.length} reportedCount={progress.data.indicatorsReported} onMissing={setMissing} />}
        </>
      )}
    </Stack>
  );
}

function Summary({ activities, indicators, reportedCount }: { activities: ActivityProgress[]; indicators: IndicatorResult[]; reportedCount: number }) {
  const { t } = useI18n();
  const done = activities.filter((a) => a.status === 'done').length;
  const running = activities.filter((a) => a.status === 'in_progress').length;
  const percent = activities.length === 0 ? 0 : Math.round((done / activities.length) * 100);
  return (
    <Card withBorder>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <div>
          <Text fw={600}>{t('plans.progress.activitiesSummary', { done, running, total: activities.length })}</Text>
          <Progress value={percent} mt={6} aria-label={t('plans.progress.percentLabel', { percent })} />
          <Text size="sm" c="dimmed" mt={4}>
            {t('plans.progress.percent', { percent })}
          </Text>
        </div>
        <div>
          <Text fw={600}>{t('plans.progress.indicatorsSummary', { reported: reportedCount, total: indicators.length })}</Text>
          <Text size="sm" c="dimmed">
            {t('plans.progress.indicatorsHint')}
          </Text>
        </div>
      </SimpleGrid>
    </Card>
  );
}

function Months({ start, end }: { start: number | null; end: number | null }) {
  const { lang } = useI18n();
  if (start === null && end === null) return null;
  const m = (n: number | null) => (n === null ? '?' : monthName(n, lang));
  return <>{start === end ? m(start) : `${m(start)} – ${m(end)}`}</>;
}

function Evidence({ planId, evidence }: { planId: string; evidence: NonNullable<ActivityProgress['evidence']> }) {
  const { t } = useI18n();
  const problemText = useProblemText();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      variant="subtle"
      size="compact-sm"
      leftSection={<IconFileDownload size={16} />}
      loading={busy}
      onClick={async () => {
        setBusy(true);
        try {
          await downloadPlanFile(planId, { documentId: evidence.documentId, filename: evidence.filename }, 0);
        } catch (err) {
          const { title, detail } = problemText(err);
          notify(detail, { color: 'red', title });
        } finally {
          setBusy(false);
        }
      }}
    >
      {t('plans.progress.evidenceLink', { name: evidence.filename ?? t('plans.progress.evidence') })}
    </Button>
  );
}

function ActivityCard({ planId, activity, canReport }: { planId: string; activity: ActivityProgress; canReport: boolean }) {
  const { t } = useI18n();
  const draftKey = `plan.${planId}.progress.${activity.activityId}`;
  const saved = { status: activity.status, note: activity.note ?? '' };
  const [values, setValues] = useState(() => loadDraft<typeof saved>(draftKey) ?? saved);
  const [file, setFile] = useState<File | null>(null);
  const report = useReportProgress(planId);
  const dirty = values.status !== saved.status || values.note !== saved.note;
  useDraftAutosave(draftKey, values, canReport && dirty);
  const fieldError = (name: string) => toProblem(report.error).fields.find((f) => f.field === name)?.message;
  const rest = report.error ? toProblem(report.error).fields.filter((f) => !['status', 'note', 'file', 'evidenceDocumentId'].includes(f.field)) : [];
  const send = () =>
    report.mutate(
      { activityId: activity.activityId, status: values.status, note: values.note, file },
      {
        onSuccess: () => {
          clearDraft(draftKey);
          setFile(null);
          notify(t('plans.progress.saved', { name: activity.name }));
        },
      },
    );
  const statusId = `progress-${activity.activityId}`;
  return (
    <Paper withBorder p="sm" radius="md" component="article" aria-labelledby={statusId}>
      <Group justify="space-between" align="flex-start" gap="xs" mb={4}>
        <div style={{ minWidth: 0, flex: 1 }}>
          <Text fw={600} id={statusId}>
            {activity.name}
          </Text>
          <Text size="sm" c="dimmed">
            <Months start={activity.startMonth} end={activity.endMonth} />
          </Text>
        </div>
        <PlainBadge color={PROGRESS_COLOR[activity.status]}>
          {t(`plans.progressStatus.${activity.status}`)}
        </PlainBadge>
      </Group>
      {activity.updatedAt && (
        <Text size="xs" c="dimmed" mb={4}>
          {t('plans.progress.reportedBy', { name: activity.updatedBy?.fullName ?? '' })} · <DateText value={activity.updatedAt} withTime />
        </Text>
      )}
      {!canReport ? (
        <Stack gap={4}>
          {activity.note && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {activity.note}
            </Text>
          )}
          {activity.evidence && <Evidence planId={planId} evidence={activity.evidence} />}
        </Stack>
      ) : (
        <Stack gap="xs">
          <Radio.Group label={t('plans.progress.statusLabel')} value={values.status} onChange={(v) => setValues((x) => ({ ...x, status: v as ProgressStatus }))} error={fieldError('status')}>
            <Group gap="md" mt={4}>
              {PROGRESS.map((s) => (
                <Radio key={s} value={s} label={t(`plans.progressStatus.${s}`)} />
              ))}
            </Group>
          </Radio.Group>
          <Textarea
            label={t('plans.progress.note')}
            autosize
            minRows={2}
            maxLength={2000}
            value={values.note}
            error={fieldError('note')}
            onChange={(e) => {
              const note = e.currentTarget.value;
              setValues((x) => ({ ...x, note }));
            }}
          />
          {activity.evidence && <Evidence planId={planId} evidence={activity.evidence} />}
          <FileInput
            label={activity.evidence ? t('plans.progress.replaceEvidence') : t('plans.progress.evidence')}
            description={t('plans.progress.evidenceHelp')}
            placeholder={t('plans.progress.evidencePlaceholder')}
            accept="image/*,application/pdf"
            capture="environment"
            leftSection={<IconCamera size={16} />}
            clearable
            value={file}
            onChange={setFile}
            error={fieldError('file') ?? fieldError('evidenceDocumentId')}
          />
          <ProblemAlert error={report.error} extra={rest} />
          <Group>
            <Button size="sm" onClick={send} loading={report.isPending} aria-label={t('plans.progress.saveAria', { name: activity.name })}>
              {t('plans.progress.save')}
            </Button>
            {dirty && !report.isPending && (
              <Text size="xs" c="dimmed">
                {t('common.draftKept')}
              </Text>
            )}
          </Group>
        </Stack>
      )}
    </Paper>
  );
}

function IndicatorCard({ planId, indicator, canReport, missing }: { planId: string; indicator: IndicatorResult; canReport: boolean; missing: boolean }) {
  const { t } = useI18n();
  const [value, setValue] = useState(indicator.achievedValue ?? '');
  const [note, setNote] = useState(indicator.note ?? '');
  const report = useReportResult(planId);
  const fieldError = (name: string) => toProblem(report.error).fields.find((f) => f.field === name)?.message;
  const titleId = `indicator-${indicator.indicatorId}`;
  const unit = indicator.unit ?? '';
  const target = indicator.target === null ? '–' : withUnit(formatNumber(indicator.target), indicator.unit);
  const baseline = indicator.baseline === null ? '–' : withUnit(formatNumber(indicator.baseline), indicator.unit);
  const send = () =>
    report.mutate(
      { indicatorId: indicator.indicatorId, achievedValue: decimalInput(value) ?? '', note },
      { onSuccess: () => notify(t('plans.progress.resultSaved', { name: indicator.name })) },
    );
  const valueError = fieldError('achievedValue') ?? (missing && indicator.achievedValue === null ? t('plans.problem.result_missing') : undefined);
  return (
    <Paper withBorder p="sm" radius="md" component="article" aria-labelledby={titleId}>
      <Text fw={600} id={titleId}>
        {indicator.name}
      </Text>
      <Text size="sm" c="dimmed" mb={4}>
        {t('plans.progress.baselineTarget', { baseline, target })}
      </Text>
      {!canReport ? (
        <Text size="sm">
          {indicator.achievedValue === null ? t('plans.progress.notReported') : t('plans.progress.achieved', { value: withUnit(formatNumber(indicator.achievedValue), indicator.unit) })}
          {indicator.note ? ` — ${indicator.note}` : ''}
        </Text>
      ) : (
        <Stack gap="xs">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('plans.progress.achievedLabel', { unit: unit || '–' })}
              inputMode="decimal"
              value={value}
              error={valueError}
              onChange={(e) => setValue(e.currentTarget.value)}
            />
            <Textarea label={t('plans.progress.resultNote')} autosize minRows={1} maxLength={2000} value={note} error={fieldError('note')} onChange={(e) => setNote(e.currentTarget.value)} />
          </SimpleGrid>
          <ProblemAlert error={report.error} extra={toProblem(report.error).fields.filter((f) => !['achievedValue', 'note'].includes(f.field))} />
          <Group>
            <Button size="sm" variant="light" onClick={send} loading={report.isPending} aria-label={t('plans.progress.saveResultAria', { name: indicator.name })}>
              {t('plans.progress.saveResult')}
            </Button>
            {indicator.updatedAt && (
              <Text size="xs" c="dimmed">
                {t('plans.progress.reportedBy', { name: indicator.updatedBy?.fullName ?? '' })} · <DateText value={indicator.updatedAt} withTime />
              </Text>
            )}
          </Group>
        </Stack>
      )}
    </Paper>
  );
}

function CompletePlan({ plan, total, reportedCount, onMissing }: { plan: PlanDetail; total: number; reportedCount: number; onMissing(ids: Set<string>): void }) {
  const { t } = useI18n();
  const step = usePlanStep(plan.id);
  const [asking, setAsking] = useState(false);
  // The API names indicators by position (content.programs[i].indicators[j]); the cards know them by id.
  const idAt = useMemo(() => {
    const m = new Map<string, string>();
    plan.content.programs.forEach((p, i) => p.indicators.forEach((d, j) => m.set(`content.programs[${i}].indicators[${j}]`, d.id)));
    return m;
  }, [plan.content]);
  const complete = () =>
    step.mutate('complete', {
      onSuccess: () => {
        setAsking(false);
        onMissing(new Set());
        notify(t('plans.next.done.complete'));
      },
      onError: (err) => {
        setAsking(false);
        const ids = toProblem(err).fields.map((f) => idAt.get(f.field.replace(/\.achievedValue$/, '')));
        onMissing(new Set(ids.filter((x): x is string => !!x)));
      },
    });
  return (
    <Card withBorder component="section" aria-labelledby="complete-title">
      <Title order={2} size="h3" id="complete-title" mb={4}>
        {t('plans.complete.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('plans.complete.text', { reported: reportedCount, total })}
      </Text>
      <ProblemAlert error={step.error} />
      <Group mt="sm">
        <Button leftSection={<IconFlag size={16} />} onClick={() => setAsking(true)}>
          {t('plans.complete.button')}
        </Button>
      </Group>
      <Modal opened={asking} onClose={() => setAsking(false)} title={t('plans.complete.title')} centered>
        <Stack gap="sm">
          <Text size="sm">{t('plans.complete.confirmText')}</Text>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setAsking(false)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={complete} loading={step.isPending}>
              {t('plans.complete.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
