import { Anchor, Button, Card, Group, NativeSelect, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n';
import { LoadMore } from '../../ui/load-more';
import { useSetUrlParams } from '../../ui/url-filters';
import { Money } from '../../ui/money';
import { PageState } from '../../ui/problems';
import { TableOrCards } from '../../ui/table-or-cards';
import { GRANT_STATUSES, useFilteredGrantList, usePartnerships, useYearOptions, type Grant, type GrantFilters, type GrantStatus, type GrantTotals } from './api';
import { GrantStatusBadge } from './components/badges';

type AnyGrant = Grant | GrantTotals;

/** The list's filters, read from the URL with the API's own parameter names. */
function filtersOf(params: URLSearchParams): GrantFilters {
  const status = params.get('status');
  return {
    ...(params.get('programYearId') ? { programYearId: params.get('programYearId') as string } : {}),
    ...(params.get('schoolId') ? { schoolId: params.get('schoolId') as string } : {}),
    ...(status && (GRANT_STATUSES as string[]).includes(status) ? { status: status as GrantStatus } : {}),
  };
}

/** /grants: the stimulus grants the reader can see, newest first, filtered by the URL (?programYearId=…&schoolId=…&status=…). */
export function GrantsPage() {
  const { t } = useI18n();
  const { hasPermission } = useSession();
  const manages = hasPermission('grants:manage');
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const filtered = Object.keys(filters).length > 0;
  const list = useFilteredGrantList(filters);
  const grants = list.data?.pages.flatMap((p) => (p.items ?? []) as AnyGrant[]) ?? [];

  const setUrl = useSetUrlParams();
  const setFilter = (name: keyof GrantFilters, value: string) => setUrl({ [name]: value });

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <div style={{ flex: '1 1 20rem' }}>
          <Title order={1}>{t('grants.list.title')}</Title>
          <Text c="gray.7">{manages ? t('grants.list.introCompany') : t('grants.list.intro')}</Text>
        </div>
        {manages && (
          <Button component={Link} to={filters.programYearId ? `/grants/new?programYearId=${filters.programYearId}` : '/grants/new'} leftSection={<IconPlus size={18} aria-hidden="true" />}>
            {t('grants.award.open')}
          </Button>
        )}
      </Group>
      <GrantFiltersBar filters={filters} manages={manages} onChange={setFilter} onClear={() => setParams(new URLSearchParams(), { replace: true })} />
      {list.isPending || list.isError ? (
        <PageState loading={list.isPending} error={list.error} />
      ) : grants.length === 0 ? (
        <Text>{filtered ? t('grants.list.emptyFiltered') : t('grants.list.empty')}</Text>
      ) : (
        <>
          <TableOrCards
            from="md"
            minWidth={760}
            table={<GrantTable grants={grants} />}
            cards={
              <Stack gap="sm">
                {grants.map((g) => (
                  <GrantCard key={g.id} grant={g} />
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

/** Year, school and status: the company filters its portfolio; every reader can filter by status. */
function GrantFiltersBar({ filters, manages, onChange, onClear }: { filters: GrantFilters; manages: boolean; onChange(name: keyof GrantFilters, value: string): void; onClear(): void }) {
  const { t } = useI18n();
  const years = useYearOptions(manages);
  const partnerships = usePartnerships(manages);
  const schools = [...new Map((partnerships.data?.pages.flatMap((p) => p.items) ?? []).map((p) => [p.school.id, p.school.name])).entries()].sort((a, b) => a[1].localeCompare(b[1]));
  const any = Object.keys(filters).length > 0;
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label={t('grants.filters.label')}>
      {manages && (
        <NativeSelect
          label={t('grants.filters.year')}
          value={filters.programYearId ?? ''}
          onChange={(e) => onChange('programYearId', e.currentTarget.value)}
          data={[{ value: '', label: t('grants.filters.allYears') }, ...years.options.map((o) => ({ value: o.value, label: o.label })), ...(filters.programYearId && !years.options.some((o) => o.value === filters.programYearId) ? [{ value: filters.programYearId, label: t('grants.filters.chosenYear') }] : [])]}
          miw={220}
        />
      )}
      {manages && (
        <NativeSelect
          label={t('grants.filters.school')}
          value={filters.schoolId ?? ''}
          onChange={(e) => onChange('schoolId', e.currentTarget.value)}
          data={[{ value: '', label: t('grants.filters.allSchools') }, ...schools.map(([value, label]) => ({ value, label })), ...(filters.schoolId && !schools.some(([id]) => id === filters.schoolId) ? [{ value: filters.schoolId, label: t('grants.filters.chosenSchool') }] : [])]}
          miw={220}
        />
      )}
      <NativeSelect
        label={t('grants.filters.status')}
        value={filters.status ?? ''}
        onChange={(e) => onChange('status', e.currentTarget.value)}
        data={[{ value: '', label: t('grants.filters.allStatuses') }, ...GRANT_STATUSES.map((s) => ({ value: s, label: t(`grants.status.${s}`) }))]}
        miw={200}
      />
      {any && (
        <Button variant="subtle" onClick={onClear}>
          {t('grants.filters.clear')}
        </Button>
      )}
    </Group>
  );
}

function grantName(t: (k: string, p?: Record<string, string | number>) => string, g: AnyGrant): string {
  return t('grants.list.name', { year: g.programYear.year, program: g.programYear.programName });
}

function GrantTable({ grants }: { grants: AnyGrant[] }) {
  const { t } = useI18n();
  const showSchool = new Set(grants.map((g) => g.school.id)).size > 1;
  return (
    <Table striped highlightOnHover verticalSpacing="sm">
      <Table.Caption c="gray.7">{t('grants.list.caption')}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('grants.list.grant')}</Table.Th>
          {showSchool && <Table.Th scope="col">{t('grants.list.school')}</Table.Th>}
          <Table.Th scope="col" ta="right">
            {t('grants.money.awarded')}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {t('grants.money.disbursed')}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {t('grants.money.accepted')}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {t('grants.money.balance')}
          </Table.Th>
          <Table.Th scope="col">{t('common.status')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {grants.map((g) => (
          <Table.Tr key={g.id}>
            <Table.Td>
              <Anchor component={Link} to={`/grants/${g.id}`} fw={600}>
                {grantName(t, g)}
              </Anchor>
            </Table.Td>
            {showSchool && <Table.Td>{g.school.name}</Table.Td>}
            <Table.Td ta="right">
              <Money value={g.awardedAmount} />
            </Table.Td>
            <Table.Td ta="right">
              <Money value={g.disbursedAmount} />
            </Table.Td>
            <Table.Td ta="right">
              <Money value={g.acceptedAmount} />
            </Table.Td>
            <Table.Td ta="right" fw={600}>
              <Money value={g.balanceAtSchool} />
            </Table.Td>
            <Table.Td>
              <GrantStatusBadge status={g.status} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function GrantCard({ grant: g }: { grant: AnyGrant }) {
  const { t } = useI18n();
  const rows: Array<[string, string]> = [
    [t('grants.money.awarded'), g.awardedAmount],
    [t('grants.money.disbursed'), g.disbursedAmount],
    [t('grants.money.accepted'), g.acceptedAmount],
    [t('grants.money.balance'), g.balanceAtSchool],
  ];
  return (
    <Card withBorder padding="md" radius="md">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Anchor component={Link} to={`/grants/${g.id}`} fw={700} size="lg">
            {grantName(t, g)}
          </Anchor>
          <GrantStatusBadge status={g.status} />
        </Group>
        <Text size="sm" c="gray.7">
          {g.school.name}
        </Text>
        <SimpleGrid cols={2} spacing="xs" verticalSpacing={4}>
          {rows.map(([label, value]) => (
            <div key={label}>
              <Text size="xs" c="gray.7">
                {label}
              </Text>
              <Text fw={600}>
                <Money value={value} />
              </Text>
            </div>
          ))}
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
