import { useI18n } from '../../../i18n';
import { StatusBadge } from '../../../ui/status-badge';

const GRANT_COLORS: Record<string, string> = {
  awarded: 'blue',
  disbursing: 'cyan',
  fully_disbursed: 'teal',
  reporting: 'violet',
  closed: 'gray',
  cancelled: 'red',
};

const REPORT_COLORS: Record<string, string> = {
  draft: 'gray',
  submitted: 'blue',
  accepted: 'teal',
  returned: 'orange',
};

const REVIEW_COLORS: Record<string, string> = {
  pending: 'gray',
  accepted: 'teal',
  rejected: 'red',
};

export function GrantStatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  return (
    <StatusBadge color={GRANT_COLORS[status] ?? 'gray'}>
      {t(`grants.status.${status}`)}
    </StatusBadge>
  );
}

export function ReportStatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  return (
    <StatusBadge color={REPORT_COLORS[status] ?? 'gray'}>
      {t(`grants.reportStatus.${status}`)}
    </StatusBadge>
  );
}

export function LineReviewBadge({ review }: { review: string }) {
  const { t } = useI18n();
  return (
    <StatusBadge color={REVIEW_COLORS[review] ?? 'gray'}>
      {t(`grants.lineReview.${review}`)}
    </StatusBadge>
  );
}
