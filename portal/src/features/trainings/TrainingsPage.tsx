import { Anchor, Button, Card, Group, List, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n';
import { LoadMore } from '../../ui/load-more';
import { formatDate } from '../../ui/format';
import { PageState } from '../../ui/problems';
import { LEVELS, useProgramYearOptions, useTrainings, type Training, type TrainingFilters, type TrainingLevel } from './api';
import { TrainingFormModal } from './TrainingForm';

/** The dates of a training: one day, or from – to. */
export function TrainingDates({ training }: { training: Pick<Training, 'startsOn' | 'endsOn'> }) {
  const { lang } = useI18n();
  if (training.startsOn === training.endsOn) return <>{formatDate(training.startsOn, lang)}</>;
  return <>{`${formatDate(training.startsOn, lang)} – ${formatDate(training.endsOn, lang)}`}</>;
}

/** What the signed-in user may do with trainings, as the API's permissions say. */
export function WhatYouMayDo() {
  const { t } = useI18n();
  const { hasPermission } = useSession();
  const can = [
    hasPermission('trainings:manage') && t('trainings.may.manage'),
    hasPermission('trainings:nominate') && t('trainings.may.nominate'),
    t('trainings.may.read'),
  ].filter((x): x is string => typeof x === 'string');
  return (
    <Card withBorder padding="sm" component="section" aria-labelledby="trainings-may">
      <Title order={2} size="h5" id="trainings-may" mb={4}>
        {t('trainings.may.title')}
      </Title>
      <List size="sm" spacing={2}>
        {can.map((c) => (
          <List.Item key={c}>{c}</List.Item>
        ))}
      </List>
      {!hasPermission('trainings:nominate') && !hasPermission('trainings:manage') && (
        <Text size="sm" mt={4}>
          {t('trainings.may.nominatedByCsr')}
        </Text>
      )}
    </Card>
  );
}

/** The trainings the user may see, latest first, filtered by the URL (programYearId, level). */
export function TrainingsPage() {
  const { t } = useI18n();
  const { hasPermission } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const level = params.get('level');
  const filters: TrainingFilters = {
    ...(params.get('programYearId') ? { programYearId: params.get('programYearId') as string } : {}),
    ...(level && (LEVELS as string[]).includes(level) ? { level: level as TrainingLevel } : {}),
  };
  const setFilters = (next: TrainingFilters) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v) q.set(k, v);
    setParams(q, { replace: true });
  };
  const list = useTrainings(filters);
  const years = useProgramYearOptions();
  const [creating, setCreating] = useState(false);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const manage = hasPermission('trainings:manage');

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('trainings.index.title')}</Title>
          <Text c="dimmed">{manage ? t('trainings.index.introManage') : t('trainings.index.introRead')}</Text>
        </div>
        {manage && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            {t('trainings.index.new')}
          </Button>
        )}
      </Group>
      <WhatYouMayDo />
      <SimpleGrid cols={{ base: 1, sm: 2 }} maw={640}>
        <NativeSelect
          label={t('trainings.field.programYearId')}
          value={filters.programYearId ?? ''}
          onChange={(e) => setFilters({ ...filters, programYearId: e.currentTarget.value || undefined })}
          data={[{ value: '', label: t('trainings.index.allYears') }, ...(years.data ?? []).map((y) => ({ value: y.id, label: `${y.program} ${y.year}` }))]}
        />
        <NativeSelect
          label={t('trainings.field.level')}
          value={filters.level ?? ''}
          onChange={(e) => setFilters({ ...filters, level: (e.currentTarget.value || undefined) as TrainingLevel | undefined })}
          data={[{ value: '', label: t('trainings.index.allLevels') }, ...LEVELS.map((l) => ({ value: l, label: t(`trainings.level.${l}`) }))]}
        />
      </SimpleGrid>
      {list.isPending ? (
        <PageState loading />
      ) : list.isError ? (
        <PageState error={list.error} />
      ) : items.length === 0 ? (
        <Card withBorder>
          <Text>{t('trainings.index.none')}</Text>
        </Card>
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {items.map((x) => (
            <li key={x.id}>
              <Card withBorder padding="md">
                <Title order={2} size="h4">
                  <Anchor component={Link} to={`/trainings/${x.id}`}>
                    {x.title}
                  </Anchor>
                </Title>
                <Text size="sm" c="dimmed">
                  <TrainingDates training={x} /> · {x.online ? t('trainings.detail.online') : (x.venue ?? '')}
                </Text>
                <Text size="sm">
                  {[t(`trainings.level.${x.level}`), t(`common.topic.${x.topic}`), x.organiser.name, x.programYear ? `${x.programYear.programName} ${x.programYear.year}` : null].filter(Boolean).join(' · ')}
                </Text>
                <Text size="sm">
                  {t('trainings.index.counts', { participants: x.participantCount, attended: x.attendedCount })}
                  {x.quotaPerSchool !== null ? ` · ${t('trainings.detail.quota', { n: x.quotaPerSchool })}` : ''}
                </Text>
              </Card>
            </li>
          ))}
        </Stack>
      )}
      <LoadMore list={list} />
      {creating && <TrainingFormModal training={null} onClose={() => setCreating(false)} onSaved={(saved) => void navigate(`/trainings/${saved.id}`)} />}
    </Stack>
  );
}
