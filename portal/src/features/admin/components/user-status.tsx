import { useI18n } from '../../../i18n';
import { StatusBadge } from '../../../ui/status-badge';
import type { User } from '../api';

const COLOR: Record<User['status'], string> = { active: 'teal', invited: 'blue', disabled: 'gray' };

export function UserStatusBadge({ status }: { status: User['status'] }) {
  const { t } = useI18n();
  return <StatusBadge color={COLOR[status]}>{t(`admin.userStatus.${status}`)}</StatusBadge>;
}
