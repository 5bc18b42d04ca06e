import { StatusBadge } from '../../ui/status-badge';
import { useI18n } from '../../i18n';
import type { MouStatus } from './api';

const COLOR: Record<MouStatus, string> = { draft: 'gray', awaiting_signatures: 'blue', active: 'teal', expired: 'red', terminated: 'dark', superseded: 'grape' };

export function MouStatusBadge({ status }: { status: MouStatus }) {
  const { t } = useI18n();
  return <StatusBadge color={COLOR[status]}>{t(`mous.status.${status}`)}</StatusBadge>;
}
