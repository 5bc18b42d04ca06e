import { Group, Progress, Stack, Text } from '@mantine/core';
import { useI18n } from '../../../i18n';
import { formatNumber } from '../../../ui/format';
import { DateText } from '../../../ui/money';
import { StatusBadge } from '../../../ui/status-badge';
import type { Assignment } from '../api';

function Bar({ label, done, planned, text }: { label: string; done: number; planned: number; text: string }) {
  const value = planned > 0 ? Math.min(100, (done / planned) * 100) : 0;
  return (
    <div>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm">{label}</Text>
        <Text size="sm" fw={600}>
          {text}
        </Text>
      </Group>
      <Progress value={value} size="md" aria-label={`${label}: ${text}`} />
    </div>
  );
}

/** Sessions and hours done against the plan, the last contact and the follow-ups. */
export function AssignmentProgress({ assignment: a }: { assignment: Assignment }) {
  const { t, lang } = useI18n();
  const p = a.progress;
  const n = (v: number) => formatNumber(v, lang);
  return (
    <Stack gap="xs">
      <Bar label={t('mentoring.progress.sessions')} done={p.sessionsDone} planned={p.sessionsPlanned} text={t('mentoring.progress.ofPlanned', { done: n(p.sessionsDone), planned: n(p.sessionsPlanned) })} />
      <Bar label={t('mentoring.progress.hours')} done={p.hoursDone} planned={p.hoursPlanned} text={t('mentoring.progress.hoursOf', { done: n(p.hoursDone), planned: n(p.hoursPlanned) })} />
      <Text size="sm" c="gray.7">
        {t('mentoring.progress.breakdown', { confirmed: n(p.sessionsConfirmed), pending: n(p.sessionsPending), disputed: n(p.sessionsDisputed) })}
      </Text>
      <Text size="sm">
        {t('mentoring.progress.lastContact')}: {p.lastContactOn ? <DateText value={p.lastContactOn} /> : t('mentoring.progress.never')}
        {' · '}
        {t('mentoring.progress.openActions', { n: n(p.openActions) })}
        {p.overdueActions > 0 && ` (${t('mentoring.progress.overdueActions', { n: n(p.overdueActions) })})`}
      </Text>
    </Stack>
  );
}

/** The flags a CSR officer and a facilitator act on: no confirmed contact in 60 days, overdue follow-ups, ended. */
export function AssignmentFlags({ assignment: a }: { assignment: Assignment }) {
  const { t, lang } = useI18n();
  const flags = [
    !a.active && (
      <StatusBadge key="ended" color="gray">
        {t('mentoring.flags.ended')}
      </StatusBadge>
    ),
    a.progress.noContactFlag && (
      <StatusBadge key="noContact" color="red">
        {t('mentoring.flags.noContact')}
      </StatusBadge>
    ),
    a.progress.overdueActions > 0 && (
      <StatusBadge key="overdue" color="orange">
        {t('mentoring.flags.overdue', { n: formatNumber(a.progress.overdueActions, lang) })}
      </StatusBadge>
    ),
  ].filter(Boolean);
  if (flags.length === 0) return null;
  return (
    <Group gap="xs" wrap="wrap">
      {flags}
    </Group>
  );
}
