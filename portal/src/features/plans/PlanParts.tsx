import { Badge, Button, Group, Menu, Stack, Text, Title } from '@mantine/core';
import { IconChevronDown, IconDownload, IconFileSpreadsheet, IconFileText, IconFileTypePdf } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n';
import { BackLink } from '../../ui/back-link';
import { DateText, Money } from '../../ui/money';
import { notify } from '../../ui/notify';
import { useProblemText } from '../../ui/problems';
import { downloadPlanFile, type PlanFile, type PlanStatus } from './plan-api';
import { FUNDING_SOURCES, type PlanSummary, type PlanTotals } from './plan-form';
import { hasProgress, STATUS_COLOR } from './plan-status';

// Text colours that keep 4.5:1 on the badge's palest background (shade 9 is too light for these).
const BADGE_TEXT: Record<string, string> = { orange: '#9c3d00', green: '#1e6b30', yellow: '#7a4f00', dark: 'var(--mantine-color-dark-7)' };

/** A small label in sentence case, dark enough to read on its pale background. */
export function PlainBadge({ color, children, size = 'md' }: { color: string; children: ReactNode; size?: 'sm' | 'md' | 'lg' }) {
  return (
    <Badge
      variant="light"
      bg={color === 'dark' ? 'gray.1' : `${color}.0`}
      c={BADGE_TEXT[color] ?? `${color}.9`}
      size={size}
      radius="sm"
      style={{ textTransform: 'none', flexShrink: 0, border: `1px solid var(--mantine-color-${color === 'dark' ? 'gray' : color}-2)` }}
    >
      {children}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: PlanStatus }) {
  const { t } = useI18n();
  return (
    <PlainBadge color={STATUS_COLOR[status]} size="lg">
      {t(`plans.status.${status}`)}
    </PlainBadge>
  );
}

/** The budget by funding source and the plan's total. */
export function TotalsRows({ totals }: { totals: Pick<PlanTotals, 'total' | 'byFundingSource'> }) {
  const { t } = useI18n();
  return (
    <Stack gap={4}>
      {FUNDING_SOURCES.map((s) => (
        <Group key={s} justify="space-between" wrap="nowrap">
          <Text size="sm">{t(`plans.source.${s}`)}</Text>
          <Text size="sm">
            <Money value={totals.byFundingSource[s]} />
          </Text>
        </Group>
      ))}
      <Group justify="space-between" wrap="nowrap" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }} pt={4}>
        <Text fw={700}>{t('plans.totals.total')}</Text>
        <Text fw={700}>
          <Money value={totals.total} />
        </Text>
      </Group>
    </Stack>
  );
}

/** A value with its unit: "60%", "12 siswa". */
export function withUnit(value: string, unit: string | null): string {
  if (!unit) return value;
  return unit === '%' ? `${value}%` : `${value} ${unit}`;
}

/** PDF of the plan and its budget for the RKAS. */
export function DownloadMenu({ plan }: { plan: PlanSummary }) {
  const { t } = useI18n();
  const problemText = useProblemText();
  const [busy, setBusy] = useState(false);
  const get = async (file: PlanFile) => {
    setBusy(true);
    try {
      await downloadPlanFile(plan.id, file, plan.programYear.year);
    } catch (err) {
      const { title, detail } = problemText(err);
      notify(detail, { color: 'red', title });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} />} rightSection={<IconChevronDown size={14} />} loading={busy}>
          {t('plans.download.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconFileTypePdf size={16} />} onClick={() => void get('pdf')}>
          {t('plans.download.pdf')}
        </Menu.Item>
        <Menu.Label>{t('plans.download.budgetLabel')}</Menu.Label>
        <Menu.Item leftSection={<IconFileSpreadsheet size={16} />} onClick={() => void get('xlsx')}>
          {t('plans.download.xlsx')}
        </Menu.Item>
        <Menu.Item leftSection={<IconFileText size={16} />} onClick={() => void get('csv')}>
          {t('plans.download.csv')}
        </Menu.Item>
        <Menu.Item leftSection={<IconFileText size={16} />} onClick={() => void get('csv-semicolon')}>
          {t('plans.download.csvSemicolon')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

type Tab = 'plan' | 'versions' | 'progress';

/** The plan's name, status and year, and the way to its other pages. */
export function PlanHeader({ plan, current }: { plan: PlanSummary; current: Tab }) {
  const { t } = useI18n();
  const tabs: Array<{ tab: Tab; to: string; label: string }> = [
    { tab: 'plan', to: `/plans/${plan.id}`, label: t('plans.tabs.plan') },
    { tab: 'versions', to: `/plans/${plan.id}/versions`, label: t('plans.tabs.versions') },
    ...(hasProgress(plan.status) ? [{ tab: 'progress' as const, to: `/plans/${plan.id}/progress`, label: t('plans.tabs.progress') }] : []),
  ];
  return (
    <Stack gap="xs">
      <BackLink to="/plans">{t('plans.header.back')}</BackLink>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ flex: '1 1 320px', minWidth: 0 }}>
          <Title order={1} size="h2">
            {plan.title}
          </Title>
          <Text size="sm" c="dimmed">
            {t('plans.header.meta', { program: plan.program.name, year: plan.programYear.year, school: plan.school.name })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('plans.header.theme', { theme: plan.programYear.theme })}
          </Text>
          <Group gap="xs" mt={4}>
            <StatusBadge status={plan.status} />
            {plan.revision > 0 && (
              <PlainBadge color="gray">
                {t('plans.header.revision', { n: plan.revision })}
              </PlainBadge>
            )}
            {plan.overdue && (
              <PlainBadge color="red">
                {t('plans.header.overdue')}
              </PlainBadge>
            )}
            {plan.submittedLate && (
              <PlainBadge color="orange">
                {t('plans.header.late')}
              </PlainBadge>
            )}
            {plan.programYear.status === 'closed' && (
              <PlainBadge color="gray">
                {t('plans.header.closedYear')}
              </PlainBadge>
            )}
          </Group>
          <Text size="sm">
            {plan.programYear.planDeadline && (
              <>
                {t('plans.header.deadline')}: <DateText value={plan.programYear.planDeadline} />
                {' · '}
              </>
            )}
            {t('plans.header.facilitator')}: {plan.facilitator?.fullName ?? t('plans.header.noFacilitator')}
          </Text>
        </Stack>
        <DownloadMenu plan={plan} />
      </Group>
      <Group gap={4} component="nav" aria-label={t('plans.tabs.label')} wrap="wrap">
        {tabs.map((x) => (
          <Button key={x.tab} component={Link} to={x.to} variant={x.tab === current ? 'light' : 'subtle'} size="sm" px="sm" aria-current={x.tab === current ? 'page' : undefined}>
            {x.label}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}
