import { Alert, Anchor, Card, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n';
import { DateText, Money } from '../../ui/money';
import { PageState } from '../../ui/problems';
import { isFullGrant, receiptPath, useDisbursements, useGrant, useLedger, useReport, type Grant, type ReportDetail } from './api';
import { LineReviewBadge, ReportStatusBadge } from './components/badges';
import { ReceiptList } from './components/ReceiptList';
import { ReportEditor } from './components/ReportEditor';
import { ReviewForm } from './components/ReviewForm';

/** The school may still change a report in these states (the API refuses the rest). */
const EDITABLE = ['draft', 'returned'];

/** /grants/:id/reports/new: the principal starts an expense report. */
export function NewReportPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const grant = useGrant(id);
  const full = grant.data && isFullGrant(grant.data) ? grant.data : null;
  const tranches = useDisbursements(id, !!full);
  const ledger = useLedger(id, !!full);
  const error = grant.error ?? tranches.error ?? ledger.error;
  if (!full || !tranches.data || !ledger.data) return <PageState loading={!error} error={error} />;
  return (
    <Stack gap="lg">
      <GrantLink grant={full} />
      <div>
        <Title order={1} id="report-editor-title">
          {t('grants.editor.newTitle')}
        </Title>
        <Text c="gray.7">{t('grants.editor.newIntro')}</Text>
      </div>
      <ReportEditor grant={full} budgetLines={ledger.data.reconciliation.budgetLines} tranches={tranches.data.items} />
    </Stack>
  );
}

/** /grants/:id/reports/:reportId: one expense report, written, corrected or read with its review. */
export function ReportPage() {
  const { id = '', reportId = '' } = useParams();
  const { t } = useI18n();
  const { hasPermission } = useSession();
  const location = useLocation();
  const grant = useGrant(id);
  const full = grant.data && isFullGrant(grant.data) ? grant.data : null;
  const report = useReport(id, reportId, !!full);
  const editable = !!report.data && EDITABLE.includes(report.data.status) && hasPermission('expense_reports:write');
  const tranches = useDisbursements(id, editable);
  const ledger = useLedger(id, editable);
  const error = grant.error ?? report.error ?? tranches.error ?? ledger.error;
  if (!full || !report.data || (editable && (!tranches.data || !ledger.data))) return <PageState loading={!error} error={error} />;
  const r = report.data;
  const reviewing = r.status === 'submitted' && hasPermission('grants:manage');
  const uploadFailed = (location.state as { uploadFailed?: boolean } | null)?.uploadFailed;
  return (
    <Stack gap="lg">
      <GrantLink grant={full} />
      <Stack gap={6}>
        <Group gap="sm" wrap="wrap" align="center">
          <Title order={1} id="report-editor-title">
            {r.title}
          </Title>
          <ReportStatusBadge status={r.status} />
        </Group>
        <Text size="sm" c="gray.7">
          {r.trancheNumber ? t('grants.reports.forTranche', { n: r.trancheNumber }) : t('grants.reports.noTranche')} · {t('grants.view.createdBy', { name: r.createdBy.fullName ?? '' })}
          {r.submittedAt && (
            <>
              {' · '}
              {t('grants.reports.submittedOn')} <DateText value={r.submittedAt} />
            </>
          )}
        </Text>
      </Stack>
      {uploadFailed && r.status === 'draft' && (
        <Alert color="orange" role="alert" title={t('grants.view.uploadFailedTitle')}>
          {t('grants.view.uploadFailed')}
        </Alert>
      )}
      {reviewing ? null : <ReviewSummary report={r} />}
      {reviewing ? (
        <ReviewForm key={r.id} grantId={full.id} report={r} />
      ) : editable ? (
        <ReportEditor key={r.id} grant={full} budgetLines={ledger.data?.reconciliation.budgetLines ?? []} tranches={tranches.data?.items ?? []} report={r} />
      ) : (
        <ReportView grant={full} report={r} />
      )}
    </Stack>
  );
}

function GrantLink({ grant }: { grant: Grant }) {
  const { t } = useI18n();
  return (
    <Anchor component={Link} to={`/grants/${grant.id}`} size="sm">
      {t('grants.view.backToGrant', { year: grant.programYear.year })}
    </Anchor>
  );
}

/** What the CSR officer decided, and what the school should do now. */
function ReviewSummary({ report: r }: { report: ReportDetail }) {
  const { t } = useI18n();
  const who = r.reviewedBy?.fullName ?? '';
  if (r.status === 'returned') {
    return (
      <Alert color="orange" title={t('grants.view.returnedTitle')}>
        <Stack gap={4}>
          {r.returnReason && <Text fw={600}>{r.returnReason}</Text>}
          {r.reviewedAt && (
            <Text size="sm">
              {t('grants.view.reviewedBy', { name: who })} <DateText value={r.reviewedAt} />
            </Text>
          )}
          <Text size="sm">{t('grants.view.returnedWhat')}</Text>
        </Stack>
      </Alert>
    );
  }
  if (r.status === 'submitted') {
    return (
      <Alert color="blue" title={t('grants.view.submittedTitle')}>
        {t('grants.view.submittedText')}
      </Alert>
    );
  }
  if (r.status === 'accepted') {
    return (
      <Alert color="teal" title={t('grants.view.acceptedTitle')}>
        <Stack gap={4}>
          <Text size="sm">
            {t('grants.view.acceptedAmount')} <Money value={r.acceptedAmount} /> / <Money value={r.totalAmount} />
          </Text>
          {r.reviewedAt && (
            <Text size="sm">
              {t('grants.view.reviewedBy', { name: who })} <DateText value={r.reviewedAt} />
            </Text>
          )}
        </Stack>
      </Alert>
    );
  }
  return null;
}

/** A report the reader cannot change (submitted, accepted, or not theirs): lines, receipts, review. */
function ReportView({ grant, report: r }: { grant: Grant; report: ReportDetail }) {
  const { t } = useI18n();
  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {t('grants.view.linesTitle')}
      </Title>
      {r.lines.length === 0 && <Text>{t('grants.view.noLines')}</Text>}
      {r.lines.map((l, i) => (
        <Card key={l.id} withBorder radius="md" padding="md" component="article" aria-labelledby={`line-${l.id}`}>
          <Stack gap="xs">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Title order={3} size="h5" id={`line-${l.id}`}>
                {t('grants.editor.line', { n: i + 1 })}: {l.description}
              </Title>
              {r.status !== 'draft' && <LineReviewBadge review={l.review} />}
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
              <Field label={t('grants.editor.budgetLineId')}>{l.budgetLineItem ?? '–'}</Field>
              <Field label={t('grants.editor.spentOn')}>
                <DateText value={l.spentOn} />
              </Field>
              <Field label={t('grants.editor.amount')}>
                <Money value={l.amount} />
              </Field>
            </SimpleGrid>
            {l.reviewNote && (
              <Text size="sm" c={l.review === 'rejected' ? 'red.8' : undefined}>
                {t('grants.view.reviewNote', { note: l.reviewNote })}
              </Text>
            )}
            <Text size="sm" fw={500}>
              {t('grants.editor.receipts')}
            </Text>
            {l.receipts.length === 0 ? <Text size="sm">{t('grants.view.noReceipts')}</Text> : <ReceiptList receipts={l.receipts} pathOf={(rc) => receiptPath(grant.id, r.id, l.id, rc.id)} />}
          </Stack>
        </Card>
      ))}
      <Paper withBorder p="md" radius="md" bg="gray.0">
        <Group justify="space-between" wrap="wrap">
          <Text fw={600}>{t('common.total')}</Text>
          <Text fw={700} size="xl">
            <Money value={r.totalAmount} />
          </Text>
        </Group>
      </Paper>
    </Stack>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="gray.7">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}
