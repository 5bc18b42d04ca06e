import { Anchor, Button, Card, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n';
import { BackLink } from '../../ui/back-link';
import { formatNumber } from '../../ui/format';
import { LoadMore } from '../../ui/load-more';
import { DateText } from '../../ui/money';
import { PageState } from '../../ui/problems';
import { TableOrCards } from '../../ui/table-or-cards';
import { useSetUrlParams } from '../../ui/url-filters';
import { ACTIVITY_KINDS, useActivities, type Activity, type ActivityFilters, type ActivityKind } from './api';
import { GradeSplit, ReachLine } from './components';

/** The years a school list offers: this year and the four before. */
function recentYears(): number[] {
  const now = new Date().getFullYear();
  return Array.from({ length: 5 }, (_, i) => now - i);
}

function filtersOf(schoolId: string, params: URLSearchParams): ActivityFilters {
  const year = params.get('year');
  const kind = params.get('kind');
  return {
    schoolId,
    ...(year && /^\d{4}$/.test(year) ? { year: Number(year) } : {}),
    ...(kind && (ACTIVITY_KINDS as string[]).includes(kind) ? { kind: kind as ActivityKind } : {}),
  };
}

/**
 * /parents (the principal's own school) and /schools/:schoolId/parents (read-only, for those who see
 * the school): the school's work with parents, newest first, filtered by year and kind (?year=&kind=).
 */
export function ParentsPage() {
  const { t } = useI18n();
  const { me, hasPermission } = useSession();
  const { schoolId: routeSchool } = useParams();
  const schoolId = routeSchool ?? me?.organization.id ?? '';
  const own = schoolId === me?.organization.id;
  const canRecord = own && hasPermission('parent_engagement:write');
  const [params] = useSearchParams();
  const filters = filtersOf(schoolId, params);
  const setUrl = useSetUrlParams();
  const list = useActivities(filters);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const schoolName = items[0]?.school.name ?? (own ? me?.organization.name : undefined);
  const filtered = filters.year !== undefined || filters.kind !== undefined;
  const base = own && !routeSchool ? '/parents' : `/schools/${schoolId}/parents`;

  return (
    <Stack gap="lg">
      {own && !routeSchool && <BackLink to="/school">{t('parents.list.backToSchool')}</BackLink>}
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <div style={{ flex: '1 1 20rem' }}>
          <Title order={1}>{t('parents.list.title')}</Title>
          {schoolName && <Text c="gray.7">{schoolName}</Text>}
          <Text size="sm" c="gray.7" mt={4}>
            {canRecord ? t('parents.list.introPrincipal') : t('parents.list.introReader')}
          </Text>
        </div>
        {canRecord && (
          <Button component={Link} to="/parents/new" leftSection={<IconPlus size={18} aria-hidden="true" />}>
            {t('parents.list.record')}
          </Button>
        )}
      </Group>
      <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label={t('parents.filters.label')}>
        <NativeSelect
          label={t('parents.filters.year')}
          value={filters.year ? String(filters.year) : ''}
          onChange={(e) => setUrl({ year: e.currentTarget.value })}
          data={[{ value: '', label: t('parents.filters.allYears') }, ...recentYears().map((y) => ({ value: String(y), label: String(y) }))]}
          miw={140}
        />
        <NativeSelect
          label={t('parents.filters.kind')}
          value={filters.kind ?? ''}
          onChange={(e) => setUrl({ kind: e.currentTarget.value })}
          data={[{ value: '', label: t('parents.filters.allKinds') }, ...ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`parents.kind.${k}`) }))]}
          miw={240}
        />
        {filtered && (
          <Button variant="subtle" onClick={() => setUrl({ year: null, kind: null })}>
            {t('parents.filters.clear')}
          </Button>
        )}
      </Group>
      {list.isPending || list.isError ? (
        <PageState loading={list.isPending} error={list.error} />
      ) : items.length === 0 ? (
        <Text>{filtered ? t('parents.list.emptyFiltered') : canRecord ? t('parents.list.emptyPrincipal') : t('parents.list.empty')}</Text>
      ) : (
        <>
          <TableOrCards
            from="md"
            minWidth={760}
            table={<ActivityTable items={items} base={base} />}
            cards={
              <Stack gap="sm">
                {items.map((a) => (
                  <ActivityCard key={a.id} activity={a} base={base} />
                ))}
              </Stack>
            }
          />
          <LoadMore list={list} />
        </>
      )}
    </Stack>
  );
}

function ActivityTable({ items, base }: { items: Activity[]; base: string }) {
  const { t, lang } = useI18n();
  return (
    <Table striped highlightOnHover verticalSpacing="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('parents.field.heldOn')}</Table.Th>
          <Table.Th>{t('parents.field.kind')}</Table.Th>
          <Table.Th ta="right">{t('parents.field.parentsReached')}</Table.Th>
          <Table.Th>{t('parents.field.parentsByGrade')}</Table.Th>
          <Table.Th ta="right">{t('parents.field.teachersInvolved')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((a) => (
          <Table.Tr key={a.id}>
            <Table.Td>
              <DateText value={a.heldOn} />
            </Table.Td>
            <Table.Td>
              <Anchor component={Link} to={`${base}/${a.id}`} underline="always">
                {t(`parents.kind.${a.kind}`)}
              </Anchor>
              {a.planProgramName && (
                <Text size="xs" c="gray.7">
                  {t('parents.list.forProgram', { name: a.planProgramName })}
                </Text>
              )}
            </Table.Td>
            <Table.Td ta="right">{formatNumber(a.parentsReached, lang)}</Table.Td>
            <Table.Td>
              <GradeSplit split={a.parentsByGrade} />
            </Table.Td>
            <Table.Td ta="right">{formatNumber(a.teachersInvolved, lang)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function ActivityCard({ activity: a, base }: { activity: Activity; base: string }) {
  const { t } = useI18n();
  return (
    <Card withBorder padding="sm" radius="md" component="article" aria-labelledby={`activity-${a.id}`}>
      <Text size="sm" c="gray.7">
        <DateText value={a.heldOn} />
      </Text>
      <Anchor component={Link} to={`${base}/${a.id}`} fw={600} id={`activity-${a.id}`} underline="always">
        {t(`parents.kind.${a.kind}`)}
      </Anchor>
      <ReachLine parents={a.parentsReached} teachers={a.teachersInvolved} />
      <GradeSplit split={a.parentsByGrade} />
    </Card>
  );
}
