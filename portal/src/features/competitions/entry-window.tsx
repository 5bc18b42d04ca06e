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

export type ScoringWindow = { open: true } | { open: false; reason: 'notStarted' | 'ended' | 'published' };

/**
 * Whether the page offers giving and changing scores now, read from the phase and the end of judging
 * as the API gave them; the API still decides each score sheet (and says why when it refuses).
 */
export function scoringWindow(c: Pick<Competition, 'phase' | 'judgingEndsAt'>, now = new Date()): ScoringWindow {
  if (c.phase === 'draft' || c.phase === 'open') return { open: false, reason: 'notStarted' };
  if (c.phase === 'published' || c.phase === 'closed') return { open: false, reason: 'published' };
  return now <= new Date(c.judgingEndsAt) ? { open: true } : { open: false, reason: 'ended' };
}

/** Says whether scores can be given or changed now, and why not when they cannot. */
export function ScoringNotice({ competition }: { competition: Competition }) {
  const { t, lang } = useI18n();
  const w = scoringWindow(competition);
  const params = { ends: formatDateTime(competition.judgingEndsAt, lang), published: formatDateTime(competition.publishedAt, lang) };
  if (w.open) {
    return (
      <Alert color="blue" icon={<IconClockHour4 size={18} />} title={t('competitions.scoring.openTitle')}>
        {t('competitions.scoring.open', params)}
      </Alert>
    );
  }
  return (
    <Alert color="gray" icon={<IconLock size={18} />} title={t(w.reason === 'notStarted' ? 'competitions.scoring.notStartedTitle' : 'competitions.scoring.closedTitle')}>
      {t(`competitions.scoring.${w.reason}`, params)}
    </Alert>
  );
}
