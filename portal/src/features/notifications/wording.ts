import type { Language, Params } from '../../i18n';
import { formatDate } from '../../ui/format';
import type { Notice } from './api';

type Translate = (key: string, params?: Params) => string;

/** Kinds the portal words itself from the notice's values; any other shows the API's own text. */
const WORDED = ['mou_expiring', 'mou_expired', 'action_overdue'];

/**
 * A notice's title and text in the reader's language, from its values (names, dates, days left).
 * A notice without values (written before they were kept) keeps the title and text it was written with.
 */
export function wordNotice(n: Pick<Notice, 'kind' | 'params' | 'title' | 'body'>, t: Translate, lang: Language): { title: string; body: string } {
  const p = n.params as Record<string, string | number>;
  if (!WORDED.includes(n.kind) || Object.keys(p).length === 0) return { title: n.title, body: n.body };
  const values: Params = { ...p };
  for (const key of ['expiryDate', 'dueDate']) if (typeof p[key] === 'string') values[key] = formatDate(p[key] as string, lang);
  if (n.kind === 'mou_expiring') {
    const days = Number(p.daysLeft);
    const when = days <= 0 ? t('notifications.when.today') : days === 1 ? t('notifications.when.tomorrow') : t('notifications.when.inDays', { n: days });
    return { title: t('notifications.kind.mou_expiring.title', { ...values, when }), body: t('notifications.kind.mou_expiring.body', values) };
  }
  return { title: t(`notifications.kind.${n.kind}.title`, values), body: t(`notifications.kind.${n.kind}.body`, values) };
}
