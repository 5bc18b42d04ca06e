import { Badge } from '@mantine/core';
import { useI18n } from '../../i18n';
import { StatusBadge } from '../../ui/status-badge';
import type { PartnershipStatus, YearStatus } from './api';

export const YEAR_STATUS_COLOR: Record<YearStatus, string> = { planning: 'blue', running: 'teal', evaluating: 'orange', closed: 'gray' };
export const PARTNERSHIP_STATUS_COLOR: Record<PartnershipStatus, string> = { prospective: 'blue', active: 'teal', paused: 'orange', ended: 'gray' };

export function PartnershipStatusBadge({ status, size }: { status: PartnershipStatus; size?: 'sm' }) {
  const { t } = useI18n();
  if (size === 'sm') {
    return (
      <Badge color={PARTNERSHIP_STATUS_COLOR[status]} variant="dot" size="sm" tt="none" fw={600}>
        {t(`programs.partnershipStatus.${status}`)}
      </Badge>
    );
  }
  return <StatusBadge color={PARTNERSHIP_STATUS_COLOR[status]}>{t(`programs.partnershipStatus.${status}`)}</StatusBadge>;
}
