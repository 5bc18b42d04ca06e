import { Accordion, Badge, Button, Card, Group, SegmentedControl, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBuildingWarehouse, IconBulb, IconCash, IconFileText, IconFlag, IconFriends, IconHistory, IconSchool, IconTrophy, IconUsersGroup, IconWriting } from '@tabler/icons-react';
import { useMemo, useState, type ReactNode } from 'react';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n';
import { formatNumber } from '../../ui/format';
import { DateText, Money } from '../../ui/money';
import { PageState } from '../../ui/problems';
import { useSchoolTimeline, type TimelineEvent, type TimelineYear } from './api';
import { ParentsReachedFigure } from '../parent-engagement/ParentsReachedSection';

type Order = 'newest' | 'oldest';
type Partnership = NonNullable<ReturnType<typeof useSchoolTimeline>['data']>['partnerships'][number];

function kindIcon(kind: string): { icon: ReactNode; color: string } {
  if (kind.startsWith('mou_')) return { icon: <IconWriting size={16} />, color: 'indigo' };
  if (kind.startsWith('grant_') || kind === 'expense_report_accepted') return { icon: <IconCash size={16} />, color: 'green' };
  if (kind.startsWith('plan_')) return { icon: <IconFileText size={16} />, color: 'blue' };
  if (kind === 'mentoring_session') return { icon: <IconUsersGroup size={16} />, color: 'grape' };
  if (kind === 'parent_engagement') return { icon: <IconFriends size={16} />, color: 'teal' };
  if (kind === 'competition_result') return { icon: <IconTrophy size={16} />, color: 'yellow' };
  if (kind.startsWith('facility_')) return { icon: <IconBuildingWarehouse size={16} />, color: 'teal' };
  if (kind === 'learning_event' || kind === 'practice_published') return { icon: <IconBulb size={16} />, color: 'orange' };
  return { icon: <IconFlag size={16} />, color: 'gray' };
}

function EventItem({ event }: { event: TimelineEvent }) {
  const { t } = useI18n();
  const { icon, color } = kindIcon(event.kind);
  return (
    <Group component="li" wrap="nowrap" align="flex-start" gap="sm">
      <ThemeIcon variant="light" color={color} radius="xl" size="md" aria-hidden="true" mt={2}>
        {icon}
      </ThemeIcon>
      <div style={{ minWidth: 0, flex: 1 }}>
        <Text size="sm" c="dimmed">
          <DateText value={event.date} />
        </Text>
        <Text fw={600} size="sm">
          {t(`school.timeline.kind.${event.kind}`)}
        </Text>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {event.title}
        </Text>
        {event.detail && (
          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {event.detail}
          </Text>
        )}
      </div>
    </Group>
  );
}

function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <div>{children}</div>
    </div>
  );
}

/** What the year added up to for the school: plan, grant money, mentoring, training, competition, MoU. */
function YearFigures({ year }: { year: TimelineYear }) {
  const { t, lang } = useI18n();
  const f = year.figures;
  const planStatuses = Object.entries(f.plans.byStatus).filter(([, n]) => n > 0);
  const awards: string[] = [];
  if (f.competitions.winners > 0) awards.push(t('school.timeline.award.winner'));
  if (f.competitions.runnersUp > 0) awards.push(t('school.timeline.award.runner_up'));
  if (f.competitions.specialMentions > 0) awards.push(t('school.timeline.award.special_mention'));
  const items: ReactNode[] = [];
  if (f.plans.plans > 0) {
    items.push(
      <Figure key="plan" label={t('school.timeline.figures.plan')}>
        <Text size="sm">{planStatuses.map(([s]) => t(`school.timeline.planStatus.${s}`)).join(', ')}</Text>
      </Figure>,
    );
  }
  if (f.grants.grants > 0) {
    items.push(
      <Figure key="grant" label={t('school.timeline.figures.grant')}>
        <Text size="sm">
          {t('school.timeline.figures.awarded')}: <Money value={f.grants.awarded} />
        </Text>
        <Text size="sm">
          {t('school.timeline.figures.disbursed')}: <Money value={f.grants.disbursed} />
        </Text>
        <Text size="sm">
          {t('school.timeline.figures.accepted')}: <Money value={f.grants.accepted} />
        </Text>
      </Figure>,
    );
  }
  if (f.facilities.itemsHandedOver > 0) {
    items.push(
      <Figure key="facilities" label={t('school.timeline.figures.facilities')}>
        <Text size="sm">
          {t('school.timeline.figures.inKind', { count: formatNumber(f.facilities.itemsHandedOver, lang) })}: <Money value={f.facilities.inKindValue} />
        </Text>
      </Figure>,
    );
  }
  if (f.mentoring.sessionsDone > 0 || f.mentoring.schoolsAssigned > 0) {
    items.push(
      <Figure key="mentoring" label={t('school.timeline.figures.mentoring')}>
        <Text size="sm">{t('school.timeline.figures.sessions', { sessions: formatNumber(f.mentoring.sessionsDone, lang), hours: formatNumber(f.mentoring.hoursDone, lang) })}</Text>
      </Figure>,
    );
  }
  if (f.trainings.participants > 0) {
    items.push(
      <Figure key="training" label={t('school.timeline.figures.training')}>
        <Text size="sm">{t('school.timeline.figures.participants', { count: formatNumber(f.trainings.participants, lang) })}</Text>
      </Figure>,
    );
  }
  if (f.competitions.entries > 0) {
    items.push(
      <Figure key="competition" label={t('school.timeline.figures.competition')}>
        <Text size="sm">{awards.length > 0 ? awards.join(', ') : f.competitions.results > 0 ? t('school.timeline.figures.took_part') : t('school.timeline.figures.entered')}</Text>
        {f.competitions.meanScore !== null && <Text size="sm">{t('school.timeline.figures.meanScore', { score: formatNumber(f.competitions.meanScore, lang) })}</Text>}
      </Figure>,
    );
  }
  if (f.mous.active > 0) {
    items.push(
      <Figure key="mou" label={t('school.timeline.figures.mou')}>
        <Text size="sm">{t('school.timeline.figures.mouActive')}</Text>
      </Figure>,
    );
  }
  if (year.parentsReached?.total) items.push(<ParentsReachedFigure key="parents" value={year.parentsReached} />);
  if (items.length === 0) return null;
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md" verticalSpacing="sm" mb="md">
      {items}
    </SimpleGrid>
  );
}

/** The awards a year's figures count, each shown as a badge when the school won one. */
const AWARDS = [
  ['winners', 'winner'],
  ['runnersUp', 'runner_up'],
  ['specialMentions', 'special_mention'],
] as const satisfies ReadonlyArray<readonly [keyof TimelineYear['figures']['competitions'], string]>;

/** The badges a closed year shows, so the list reads at a glance. */
function YearBadges({ year }: { year: TimelineYear }) {
  const { t } = useI18n();
  const f = year.figures;
  return (
    <Group gap={6} mt={4}>
      {f.grants.grants > 0 && (
        <Badge c="dark.8" variant="light" color="green" size="sm" style={{ textTransform: 'none' }}>
          {t('school.timeline.badge.grant')} <Money value={f.grants.awarded} />
        </Badge>
      )}
      {AWARDS.filter(([count]) => f.competitions[count] > 0).map(([, award]) => (
        <Badge key={award} c="dark.8" variant="light" color="yellow" size="sm">
          {t(`school.timeline.award.${award}`)}
        </Badge>
      ))}
      {f.mentoring.sessionsDone > 0 && (
        <Badge c="dark.8" variant="light" color="grape" size="sm">
          {t('school.timeline.badge.sessions', { count: f.mentoring.sessionsDone })}
        </Badge>
      )}
      {!year.inCohort && (
        <Badge c="dark.8" variant="outline" color="gray" size="sm">
          {t('school.timeline.notInCohort')}
        </Badge>
      )}
    </Group>
  );
}

function PartnershipTimeline({ partnership, order }: { partnership: Partnership; order: Order }) {
  const { t } = useI18n();
  const years = useMemo(() => (order === 'newest' ? [...partnership.years].reverse() : partnership.years), [partnership.years, order]);
  const latest = partnership.years[partnership.years.length - 1]?.year;
  const [open, setOpen] = useState<string[]>(latest ? [String(latest)] : []);
  const first = partnership.years[0]?.year;
  const headingId = `partnership-${partnership.partnershipId}`;

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" mb="sm" wrap="wrap">
        <div>
          <Title order={2} size="h3" id={headingId}>
            {partnership.program.name}
          </Title>
          <Text size="sm" c="dimmed">
            {partnership.company.name}
            {first ? ` · ${t('school.timeline.since', { year: first })}` : ''}
          </Text>
        </div>
        <Badge c="dark.8" variant="light" color={partnership.status === 'active' ? 'teal' : 'gray'}>
          {t(`school.timeline.status.${partnership.status}`)}
        </Badge>
      </Group>
      <Group gap="xs" mb="sm">
        <Button size="xs" variant="subtle" onClick={() => setOpen(partnership.years.map((y) => String(y.year)))}>
          {t('school.timeline.openAll')}
        </Button>
        <Button size="xs" variant="subtle" onClick={() => setOpen([])}>
          {t('school.timeline.closeAll')}
        </Button>
      </Group>
      <Accordion multiple value={open} onChange={setOpen} variant="separated" order={3} chevronPosition="right">
        {years.map((y) => (
          <Accordion.Item key={y.year} value={String(y.year)}>
            <Accordion.Control>
              <Group gap="sm" wrap="nowrap" align="flex-start">
                <Text fw={700} size="lg" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {y.year}
                </Text>
                <div style={{ minWidth: 0 }}>
                  <Text size="sm">{y.theme ?? t('school.timeline.noTheme')}</Text>
                  <YearBadges year={y} />
                </div>
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <YearFigures year={y} />
              {y.events.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('school.timeline.noEvents')}
                </Text>
              ) : (
                <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('school.timeline.eventsOf', { year: y.year })}>
                  {y.events.map((e, i) => (
                    <EventItem key={`${e.refId}-${e.kind}-${i}`} event={e} />
                  ))}
                </Stack>
              )}
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Card>
  );
}

/** The school's partnership since it began, year by year: theme, plan, grant money, mentoring, competition, MoU. */
export function TimelinePage() {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const timeline = useSchoolTimeline(me?.organization.id ?? '', lang);
  const [order, setOrder] = useState<Order>('newest');

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1}>{t('school.timeline.title')}</Title>
          <Text c="dimmed">{timeline.data?.school.name ?? me?.organization.name}</Text>
        </div>
        <SegmentedControl
          aria-label={t('school.timeline.order')}
          value={order}
          onChange={(v) => setOrder(v as Order)}
          data={[
            { value: 'newest', label: t('school.timeline.newest') },
            { value: 'oldest', label: t('school.timeline.oldest') },
          ]}
        />
      </Group>
      {timeline.isPending ? (
        <PageState loading />
      ) : timeline.isError ? (
        <PageState error={timeline.error} />
      ) : timeline.data.partnerships.length === 0 ? (
        <Card withBorder padding="lg">
          <Group wrap="nowrap">
            <ThemeIcon variant="light" color="gray" size="lg" aria-hidden="true">
              <IconSchool size={20} />
            </ThemeIcon>
            <Text>{t('school.timeline.none')}</Text>
          </Group>
        </Card>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            <IconHistory size={14} aria-hidden="true" style={{ verticalAlign: '-2px' }} /> {t('school.timeline.asOf')} <DateText value={timeline.data.asOf} />
          </Text>
          {timeline.data.partnerships.map((p) => (
            <PartnershipTimeline key={p.partnershipId} partnership={p} order={order} />
          ))}
        </>
      )}
    </Stack>
  );
}
