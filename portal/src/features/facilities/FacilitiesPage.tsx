import { Anchor, Button, Card, Group, NativeSelect, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n';
import { LoadMore } from '../../ui/load-more';
import { Money } from '../../ui/money';
import { PageState } from '../../ui/problems';
import { TableOrCards } from '../../ui/table-or-cards';
import { useSetUrlParams } from '../../ui/url-filters';
import { FACILITY_CATEGORIES, useFacilityList, usePartnerships, type FacilityCategory, type FacilityFilters, type FacilityItem } from './api';
import { ItemBadges } from './components';

const STATUSES = ['awaiting_handover', 'handed_over'] as const;

/** The list's filters, read from the URL with the API's own parameter names. */
function filtersOf(params: URLSearchParams): FacilityFilters {
  const category = params.get('category');
  const status = params.get('status');
  return {
    ...(params.get('partnershipId') ? { partnershipId: params.get('partnershipId') as string } : {}),
    ...(params.get('schoolId') ? { schoolId: params.get('schoolId') as string } : {}),
    ...(params.get('programYearId') ? { programYearId: params.get('programYearId') as string } : {}),
    ...(category && (FACILITY_CATEGORIES as string[]).includes(category) ? { category: category as FacilityCategory } : {}),
    ...(status && (STATUSES as readonly string[]).includes(status) ? { status: status as (typeof STATUSES)[number] } : {}),
  };
}

/** /facilities: the in-kind support the reader can see, newest first, filtered by the URL (?partnershipId=…&category=…&status=…). */
export function FacilitiesPage() {
  const { t } = useI18n();
  const { hasPermission } = useSession();
  const manages = hasPermission('facilities:manage');
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const filtered = Object.keys(filters).length > 0;
  const list = useFacilityList(filters);
  const items = list.data?.pages.flatMap((p) => p.items ?? []) ?? [];
  const setUrl = useSetUrlParams();

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <div style={{ flex: '1 1 20rem' }}>
          <Title order={1}>{t('facilities.list.title')}</Title>
          <Text c="gray.7">{manages ? t('facilities.list.introCompany') : t('facilities.list.intro')}</Text>
        </div>
        {manages && (
          <Button component={Link} to={filters.partnershipId ? `/facilities/new?partnershipId=${filters.partnershipId}` : '/facilities/new'} leftSection={<IconPlus size={18} aria-hidden="true" />}>
            {t('facilities.add.open')}
          </Button>
        )}
      </Group>
      <FiltersBar filters={filters} onChange={(name, value) => setUrl({ [name]: value })} onClear={() => setParams(new URLSearchParams(), { replace: true })} />
      {list.isPending || list.isError ? (
        <PageState loading={list.isPending} error={list.error} />
      ) : items.length === 0 ? (
        <Text>{filtered ? t('facilities.list.emptyFiltered') : t('facilities.list.empty')}</Text>
      ) : (
        <>
          <TableOrCards
            from="md"
            minWidth={980}
            table={<ItemTable items={items} />}
            cards={
              <Stack gap="sm">
                {items.map((i) => (
                  <ItemCard key={i.id} item={i} />
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

function FiltersBar({ filters, onChange, onClear }: { filters: FacilityFilters; onChange(name: keyof FacilityFilters, value: string): void; onClear(): void }) {
  const { t } = useI18n();
  const partnerships = usePartnerships();
  const options = (partnerships.data?.pages.flatMap((p) => p.items) ?? []).map((p) => ({ value: p.id, label: `${p.school.name} · ${p.program.name}` }));
  const any = Object.keys(filters).length > 0;
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label={t('facilities.filters.label')}>
      <NativeSelect
        label={t('facilities.filters.partnership')}
        value={filters.partnershipId ?? ''}
        onChange={(e) => onChange('partnershipId', e.currentTarget.value)}
        data={[
          { value: '', label: t('facilities.filters.allPartnerships') },
          ...options,
          ...(filters.partnershipId && !options.some((o) => o.value === filters.partnershipId) ? [{ value: filters.partnershipId, label: t('facilities.filters.chosenPartnership') }] : []),
        ]}
        miw={260}
      />
      <NativeSelect
        label={t('facilities.filters.category')}
        value={filters.category ?? ''}
        onChange={(e) => onChange('category', e.currentTarget.value)}
        data={[{ value: '', label: t('facilities.filters.allCategories') }, ...FACILITY_CATEGORIES.map((c) => ({ value: c, label: t(`facilities.category.${c}`) }))]}
        miw={220}
      />
      <NativeSelect
        label={t('facilities.filters.status')}
        value={filters.status ?? ''}
        onChange={(e) => onChange('status', e.currentTarget.value)}
        data={[{ value: '', label: t('facilities.filters.allStatuses') }, ...STATUSES.map((s) => ({ value: s, label: t(`facilities.status.${s}`) }))]}
        miw={200}
      />
      {any && (
        <Button variant="subtle" onClick={onClear}>
          {t('facilities.filters.clear')}
        </Button>
      )}
    </Group>
  );
}

function ItemTable({ items }: { items: FacilityItem[] }) {
  const { t } = useI18n();
  const showSchool = new Set(items.map((i) => i.schoolId)).size > 1;
  return (
    <Table striped highlightOnHover verticalSpacing="sm">
      <Table.Caption c="gray.7">{t('facilities.list.caption')}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('facilities.fields.itemName')}</Table.Th>
          {showSchool && <Table.Th scope="col">{t('facilities.fields.school')}</Table.Th>}
          <Table.Th scope="col">{t('facilities.fields.year')}</Table.Th>
          <Table.Th scope="col">{t('facilities.fields.category')}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t('facilities.fields.quantity')}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {t('facilities.fields.value')}
          </Table.Th>
          <Table.Th scope="col">{t('common.status')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((i) => (
          <Table.Tr key={i.id}>
            <Table.Td>
              <Anchor component={Link} to={`/facilities/${i.id}`} fw={600}>
                {i.itemName}
              </Anchor>
            </Table.Td>
            {showSchool && <Table.Td>{i.schoolName}</Table.Td>}
            <Table.Td>{i.year}</Table.Td>
            <Table.Td>{t(`facilities.category.${i.category}`)}</Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
              {i.quantity} {i.unit}
            </Table.Td>
            <Table.Td ta="right">
              <Money value={i.value} />
            </Table.Td>
            <Table.Td style={{ minWidth: '13.5rem' }}>
              <ItemBadges item={i} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function ItemCard({ item: i }: { item: FacilityItem }) {
  const { t } = useI18n();
  return (
    <Card withBorder padding="md" radius="md">
      <Stack gap="xs">
        <Anchor component={Link} to={`/facilities/${i.id}`} fw={700} size="lg">
          {i.itemName}
        </Anchor>
        <ItemBadges item={i} />
        <Text size="sm" c="gray.7">
          {i.schoolName} · {i.year} · {t(`facilities.category.${i.category}`)}
        </Text>
        <SimpleGrid cols={2} spacing="xs" verticalSpacing={4}>
          <div>
            <Text size="xs" c="gray.7">
              {t('facilities.fields.quantity')}
            </Text>
            <Text fw={600}>
              {i.quantity} {i.unit}
            </Text>
          </div>
          <div>
            <Text size="xs" c="gray.7">
              {t('facilities.fields.value')}
            </Text>
            <Text fw={600}>
              <Money value={i.value} />
            </Text>
          </div>
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
