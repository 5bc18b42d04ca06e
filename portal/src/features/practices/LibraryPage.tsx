import { Anchor, Button, Card, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconBulb, IconPlus, IconSearch, IconUsersGroup } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { TOPICS } from '../../api/catalog';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n';
import { LoadMore } from '../../ui/load-more';
import { PageState } from '../../ui/problems';
import { useSetUrlParams } from '../../ui/url-filters';
import { PRACTICE_STATUSES, SCHOOL_LEVELS, usePractices, type Practice, type PracticeFilters } from './api';
import { PracticeStatusBadge, PracticeTags, RegionFilter } from './components';

const YEARS = Array.from({ length: new Date().getFullYear() - 2011 }, (_, i) => String(new Date().getFullYear() - i));

/** The filters, read from the URL by the API's own parameter names. */
function filtersOf(params: URLSearchParams): PracticeFilters {
  const f: Record<string, string | number> = {};
  for (const name of ['q', 'topic', 'schoolLevel', 'regionCode', 'status', 'schoolId'] as const) {
    const v = params.get(name);
    if (v) f[name] = v;
  }
  const year = Number(params.get('year'));
  if (Number.isInteger(year) && year >= 2000) f.year = year;
  return f as PracticeFilters;
}

/** /practices: the library of good practice, for every role: search, filters, results, more. */
export function LibraryPage() {
  const { t } = useI18n();
  const { hasPermission } = useSession();
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const setUrl = useSetUrlParams();
  const [query, setQuery] = useState(filters.q ?? '');
  const list = usePractices(filters);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const writes = hasPermission('practices:write');
  const seesUnpublished = writes || hasPermission('practices:review');
  const any = Object.keys(filters).length > 0;

  const search = (e: FormEvent) => {
    e.preventDefault();
    setUrl({ q: query.trim() });
  };

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <div style={{ flex: '1 1 22rem' }}>
          <Title order={1}>{t('practices.library.title')}</Title>
          <Text c="gray.7">{t('practices.library.intro')}</Text>
        </div>
        <Group gap="sm">
          {hasPermission('learning_events:read') && (
            <Button component={Link} to="/practices/events" variant="default" leftSection={<IconUsersGroup size={18} aria-hidden="true" />}>
              {t('practices.events.open')}
            </Button>
          )}
          {writes && (
            <Button component={Link} to="/practices/new" leftSection={<IconPlus size={18} aria-hidden="true" />}>
              {t('practices.share.open')}
            </Button>
          )}
        </Group>
      </Group>

      <form role="search" aria-label={t('practices.library.searchLabel')} onSubmit={search}>
        <Group align="flex-end" gap="sm" wrap="nowrap">
          <TextInput
            type="search"
            label={t('practices.library.searchLabel')}
            placeholder={t('practices.library.searchPlaceholder')}
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
            style={{ flex: 1 }}
            leftSection={<IconSearch size={16} aria-hidden="true" />}
          />
          <Button type="submit">{t('practices.library.search')}</Button>
        </Group>
      </form>

      <Group gap="sm" align="flex-end" wrap="wrap" aria-label={t('practices.filters.label')} role="group">
        <NativeSelect
          label={t('practices.fields.topic')}
          value={filters.topic ?? ''}
          onChange={(e) => setUrl({ topic: e.currentTarget.value })}
          data={[{ value: '', label: t('practices.filters.allTopics') }, ...TOPICS.map((c) => ({ value: c, label: t(`common.topic.${c}`) }))]}
          miw={200}
        />
        <NativeSelect
          label={t('practices.fields.schoolLevel')}
          value={filters.schoolLevel ?? ''}
          onChange={(e) => setUrl({ schoolLevel: e.currentTarget.value })}
          data={[{ value: '', label: t('practices.filters.allLevels') }, ...SCHOOL_LEVELS.map((l) => ({ value: l, label: l }))]}
          miw={120}
        />
        <NativeSelect
          label={t('practices.fields.year')}
          value={filters.year ? String(filters.year) : ''}
          onChange={(e) => setUrl({ year: e.currentTarget.value })}
          data={[{ value: '', label: t('practices.filters.allYears') }, ...YEARS]}
          miw={110}
        />
        {seesUnpublished && (
          <NativeSelect
            label={t('practices.fields.status')}
            value={filters.status ?? ''}
            onChange={(e) => setUrl({ status: e.currentTarget.value })}
            data={[{ value: '', label: t('practices.filters.allStatuses') }, ...PRACTICE_STATUSES.map((s) => ({ value: s, label: t(`practices.status.${s}`) }))]}
            miw={170}
          />
        )}
        <RegionFilter value={filters.regionCode ?? ''} onChange={(code) => setUrl({ regionCode: code })} />
        {any && (
          <Button
            variant="subtle"
            onClick={() => {
              setQuery('');
              setParams(new URLSearchParams(), { replace: true });
            }}
          >
            {t('practices.filters.clear')}
          </Button>
        )}
      </Group>

      {list.isPending || list.isError ? (
        <PageState loading={list.isPending} error={list.error} />
      ) : items.length === 0 ? (
        <Text>{any ? t('practices.library.emptyFiltered') : t('practices.library.empty')}</Text>
      ) : (
        <>
          <Text size="sm" c="gray.7" aria-live="polite">
            {filters.q ? t('practices.library.rankedFor', { q: filters.q }) : t('practices.library.newestFirst')}
          </Text>
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('practices.library.results')}>
            {items.map((p) => (
              <PracticeCard key={p.id} practice={p} />
            ))}
          </Stack>
          <LoadMore list={list} />
        </>
      )}
    </Stack>
  );
}

function PracticeCard({ practice: p }: { practice: Practice }) {
  const { t } = useI18n();
  const where = [p.school.name, p.school.regionName, p.school.provinceName].filter(Boolean).join(' · ');
  return (
    <Card withBorder padding="md" radius="md" component="li">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <IconBulb size={20} aria-hidden="true" style={{ flexShrink: 0, marginTop: 3 }} color="var(--mantine-color-teal-8)" />
            <Anchor component={Link} to={`/practices/${p.id}`} fw={700} size="lg">
              {p.title}
            </Anchor>
          </Group>
          {p.status !== 'published' && <PracticeStatusBadge status={p.status} />}
        </Group>
        <Text size="sm" c="gray.7">
          {where}
        </Text>
        <PracticeTags practice={p} />
        <Text size="sm" lineClamp={3}>
          {p.summary}
        </Text>
        {p.results.length > 0 && (
          <Text size="sm" c="teal.9" fw={600}>
            {t('practices.library.result', { indicator: p.results[0].indicator, value: `${p.results[0].value}${p.results[0].unit ? ` ${p.results[0].unit}` : ''}` })}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
