import { useI18n } from '../../../i18n';
import { formatDate, formatNumber } from '../../../ui/format';
import { StatusBadge } from '../../../ui/status-badge';
import type { Session } from '../api';

const CONFIRMATION_COLORS: Record<string, string> = { pending: 'orange', confirmed: 'teal', disputed: 'red' };

/** Waiting for confirmation, confirmed or disputed. */
export function ConfirmationBadge({ confirmation }: { confirmation: string }) {
  const { t } = useI18n();
  return (
    <StatusBadge color={CONFIRMATION_COLORS[confirmation] ?? 'gray'}>{t(`mentoring.confirmation.${confirmation}`)}</StatusBadge>
  );
}

/** "Kunjungan sekolah · 11 November 2026": how a session is named in lists and headings. */
export function useSessionName() {
  const { t, lang } = useI18n();
  return (s: Pick<Session, 'mode' | 'heldOn'>) => `${t(`mentoring.mode.${s.mode}`)} · ${formatDate(s.heldOn, lang)}`;
}

/** "2,5 jam". */
export function useHours() {
  const { t, lang } = useI18n();
  return (hours: number) => t('mentoring.hours', { hours: formatNumber(hours, lang) });
}
