import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useI18n } from '../../i18n';
import { formatNumber } from '../../ui/format';
import { DateText } from '../../ui/money';
import { IconCheck } from '@tabler/icons-react';
import type { CompetitionDetail } from './api';
import { PhaseBadge } from './entry-window';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={500}>{children}</Text>
    </div>
  );
}

export function Schedule({ c }: { c: CompetitionDetail }) {
  const { t } = useI18n();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="schedule-title">
      <Title order={2} size="h3" id="schedule-title" mb="sm">
        {t('competitions.detail.schedule')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md" verticalSpacing="sm">
        <Fact label={t('competitions.detail.entriesOpen')}>
          <DateText value={c.entriesOpenAt} withTime />
        </Fact>
        <Fact label={t('competitions.detail.entriesClose')}>
          <DateText value={c.entriesCloseAt} withTime />
        </Fact>
        <Fact label={t('competitions.detail.judgingEnds')}>
          <DateText value={c.judgingEndsAt} withTime />
        </Fact>
        <Fact label={t('competitions.detail.published')}>{c.publishedAt ? <DateText value={c.publishedAt} /> : t('competitions.detail.notYet')}</Fact>
      </SimpleGrid>
    </Card>
  );
}

export function Rubric({ c }: { c: CompetitionDetail }) {
  const { t, lang } = useI18n();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="rubric-title">
      <Title order={2} size="h3" id="rubric-title" mb="sm">
        {t('competitions.detail.categoriesAndRubric')}
      </Title>
      <Title order={3} size="h5" mb={6}>
        {t('competitions.detail.categories')}
      </Title>
      <Group gap="xs" mb="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: '0 0 1rem' }}>
        {c.categories.map((k) => (
          <li key={k.id}>
            <Badge c="dark.8" variant="outline" size="lg" style={{ textTransform: 'none' }}>
              {k.name}
            </Badge>
          </li>
        ))}
      </Group>
      <Title order={3} size="h5" mb={6}>
        {t('competitions.detail.rubric')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('competitions.detail.rubricHint')}
      </Text>
      <Stack component="ol" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {c.criteria.map((k) => (
          <Card key={k.id} component="li" withBorder padding="sm">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Text fw={600}>{k.name}</Text>
              <Group gap={6}>
                <Badge c="dark.8" variant="light">{t('competitions.detail.weight', { weight: formatNumber(k.weight, lang) })}</Badge>
                <Badge c="dark.8" variant="light" color="gray">
                  {t('competitions.detail.maxScore', { max: k.maxScore })}
                </Badge>
              </Group>
            </Group>
            {k.description && <Text size="sm">{k.description}</Text>}
          </Card>
        ))}
      </Stack>
    </Card>
  );
}


/** The title, phase and program of a competition, at the top of its pages. */
export function CompetitionHeading({ c, children }: { c: CompetitionDetail; children?: React.ReactNode }) {
  const { t } = useI18n();
  return (
    <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
      <div style={{ minWidth: 0 }}>
        <Title order={1} fz={{ base: 26, sm: 34 }}>
          {c.title}
        </Title>
        <Group gap="xs" mt={4}>
          <PhaseBadge phase={c.phase} />
          <Text size="sm" c="dimmed">
            {t('competitions.programYear', { program: c.program.name, year: c.programYear.year })} · {c.company.name} · {t(`competitions.level.${c.level}`)}
          </Text>
        </Group>
      </div>
      {children}
    </Group>
  );
}

const ORDER = ['draft', 'open', 'judging', 'published', 'closed'] as const;

/** The five phases in order, the current one marked: where the competition stands and what comes next. */
export function PhaseSteps({ phase }: { phase: string }) {
  const { t } = useI18n();
  const at = ORDER.indexOf(phase as (typeof ORDER)[number]);
  return (
    <Group component="ol" gap={6} aria-label={t('competitions.manage.phases')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {ORDER.map((p, i) => (
        <li key={p} aria-current={i === at ? 'step' : undefined}>
          <Badge
            size="lg"
            tt="none"
            c={i === at ? 'white' : 'dark.8'}
            color={i === at ? 'teal.9' : i < at ? 'teal' : 'gray'}
            variant={i === at ? 'filled' : 'light'}
            leftSection={i < at ? <IconCheck size={14} aria-hidden="true" /> : undefined}
          >
            {i + 1}. {t(`competitions.phase.${p}`)}
          </Badge>
        </li>
      ))}
    </Group>
  );
}
