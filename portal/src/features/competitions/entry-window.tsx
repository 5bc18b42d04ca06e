import { Alert, Badge } from '@mantine/core';
import { IconClockHour4, IconLock } from '@tabler/icons-react';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../ui/format';
import type { Competition } from './api';

export type EntryWindow = { open: true } | { open: false; reason: 'draft' | 'notYet' | 'deadlinePassed' | 'judging' | 'published' | 'closed' };

/**
 * Whether the page offers submitting and changing entries, read from the competition's phase and
 * dates as the API gave them; the API still decides each submission (and says why when it refuses).
 */
export function entryWindow(c: Pick<Competition, 'phase' | 'entriesOpenAt' | 'entriesCloseAt'>, now = new Date()): EntryWindow {
  if (c.phase === 'open') {
    if (now < new Date(c.entriesOpenAt)) return { open: false, reason: 'notYet' };
    if (now <= new Date(c.entriesCloseAt)) return { open: true };
    return { open: false, reason: 'deadlinePassed' };
  }
  return { open: false, reason: c.phase };
}

const PHASE_COLOR: Record<string, string> = { draft: 'gray', open: 'teal', judging: 'orange', published: 'blue', closed: 'gray' };

export function PhaseBadge({ phase }: { phase: string }) {
  const { t } = useI18n();
  return (
    <Badge c="dark.8" variant="light" color={PHASE_COLOR[phase] ?? 'gray'}>
      {t(`competitions.phase.${phase}`)}
    </Badge>
  );
}

/** Says whether entries can be sent or changed now, and why not when they cannot. */
export function EntryWindowNotice({ competition }: { competition: Competition }) {
  const { t, lang } = useI18n();
  const w = entryWindow(competition);
  const params = { opens: formatDateTime(competition.entriesOpenAt, lang), deadline: formatDateTime(competition.entriesCloseAt, lang) };
  if (w.open) {
    return (
      <Alert color="blue" icon={<IconClockHour4 size={18} />} title={t('competitions.window.openTitle')}>
        {t('competitions.window.open', params)}
      </Alert>
    );
  }
  return (
    <Alert color="gray" icon={<IconLock size={18} />} title={t('competitions.window.closedTitle')}>
      {t(`competitions.window.${w.reason}`, params)}
    </Alert>
  );
}
