import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n';
import { StatusBadge } from '../../ui/status-badge';
import type { PartnerRequest, RequestStatus } from './api';

const STATUS_COLOR: Record<RequestStatus, string> = { open: 'blue', answered: 'orange', closed: 'gray', withdrawn: 'gray', expired: 'red' };

export function RequestStatusBadge({ status }: { status: RequestStatus }) {
  const { t } = useI18n();
  return <StatusBadge color={STATUS_COLOR[status]}>{t(`requests.status.${status}`)}</StatusBadge>;
}

const DECISION_COLOR = { pending: 'orange', accepted: 'teal', declined: 'gray' } as const;

export function DecisionBadge({ decision }: { decision: keyof typeof DECISION_COLOR }) {
  const { t } = useI18n();
  return <StatusBadge color={DECISION_COLOR[decision]}>{t(`requests.decision.${decision}`)}</StatusBadge>;
}

/** Who reads the page: the requesting company (CSR officer), the addressed office, or someone who only reads (admin). */
export function useViewer(): 'company' | 'office' | 'reader' {
  const { me } = useSession();
  if (me?.user.role === 'csr_officer') return 'company';
  if (me?.user.role === 'education_officer') return 'office';
  return 'reader';
}

/** The levels asked for, or "any level". */
export function useLevelsText() {
  const { t } = useI18n();
  return (r: Pick<PartnerRequest, 'schoolLevels'>) => (r.schoolLevels.length === 0 ? t('requests.anyLevel') : r.schoolLevels.join(', '));
}

/** One fact of a record: its label above, its value below. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="sm" c="gray.7">
        {label}
      </Text>
      <div style={{ overflowWrap: 'anywhere' }}>{children}</div>
    </Stack>
  );
}
