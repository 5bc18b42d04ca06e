import { Anchor, Button, Card, Checkbox, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n';
import { LoadMore } from '../../ui/load-more';
import { BackLink } from '../../ui/back-link';
import { PageState } from '../../ui/problems';
import { StatusBadge } from '../../ui/status-badge';
import { TableOrCards } from '../../ui/table-or-cards';
import { ORGANIZATION_TYPES, SCHOOL_LEVELS, useOrganizationList, type Organization, type OrganizationFilters } from './api';
import { RequirePermission } from './components/guard';
import { DistrictSelect } from '../../ui/district-select';
import { RegionPicker } from './components/region-picker';
import { onlySet, useUrlFilters } from '../../ui/url-filters';

const FILTERS = ['type', 'regionCode', 'districtCode', 'level', 'q', 'includeArchived'] as const;

/** /admin/organizations: every organisation, filtered by the URL (type, regionCode, districtCode, level, q, includeArchived). */
export function OrganizationsPage() {
  return (
    <RequirePermission permission="organizations:manage">
      <OrganizationsList />
    </RequirePermission>
  );
}

function OrganizationsList() {
  const { t } = useI18n();
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const [q, setQ] = useState(filters.q);
  const query = onlySet(filters) as OrganizationFilters;
  const list = useOrganizationList(query);
  const orgs = list.data?.pages.flatMap((p) => p.items) ?? [];
  const search = (e: FormEvent) => {
    e.preventDefault();
    setFilters({ q: q.trim() });
  };

  return (
    <Stack gap="lg">
      <BackLink to="/admin">{t('admin.backToAdmin')}</BackLink>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1}>{t('admin.orgs.title')}</Title>
          <Text c="gray.7">{t('admin.orgs.intro')}</Text>
        </div>
        <Button component={Link} to="/admin/organizations/new" leftSection={<IconPlus size={16} aria-hidden="true" />}>
          {t('admin.orgs.new')}
        </Button>
      </Group>
      <Card withBorder component="section" aria-labelledby="org-filters">
        <Title order={2} size="h4" id="org-filters" mb="sm">
          {t('admin.filters')}
        </Title>
        <Stack gap="sm">
          <form onSubmit={search} role="search" aria-label={t('admin.orgs.searchLabel')}>
            <Group align="flex-end" wrap="nowrap" gap="xs">
              <TextInput style={{ flex: 1 }} label={t('admin.orgs.q')} description={t('admin.orgs.qHint')} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
              <Button type="submit" variant="default" leftSection={<IconSearch size={16} aria-hidden="true" />}>
                {t('admin.search')}
              </Button>
            </Group>
          </form>
          <Group grow wrap="wrap" align="flex-start">
            <NativeSelect
              label={t('admin.orgs.type')}
              value={filters.type}
              onChange={(e) => setFilters({ type: e.currentTarget.value, level: e.currentTarget.value === 'school' ? filters.level : null })}
              data={[{ value: '', label: t('admin.all') }, ...ORGANIZATION_TYPES.map((v) => ({ value: v, label: t(`admin.orgType.${v}`) }))]}
            />
            {(filters.type === 'school' || filters.type === '') && (
              <NativeSelect
                label={t('admin.orgs.level')}
                value={filters.level}
                onChange={(e) => setFilters({ level: e.currentTarget.value })}
                data={[{ value: '', label: t('admin.all') }, ...SCHOOL_LEVELS.map((v) => ({ value: v, label: v }))]}
              />
            )}
          </Group>
          <RegionPicker level="any" value={filters.regionCode} onChange={(code) => setFilters({ regionCode: code, districtCode: filters.districtCode.slice(0, 5) === code ? filters.districtCode : null })} />
          {filters.regionCode.includes('.') && (
            <DistrictSelect
              regencyCode={filters.regionCode}
              value={filters.districtCode}
              onChange={(code) => setFilters({ districtCode: code })}
              label={t('admin.orgs.districtFilter')}
              emptyLabel={t('admin.region.allDistricts')}
            />
          )}
          <Checkbox
            label={t('admin.orgs.includeArchived')}
            checked={filters.includeArchived === 'true'}
            onChange={(e) => setFilters({ includeArchived: e.currentTarget.checked ? 'true' : null })}
          />
        </Stack>
      </Card>
      {list.isPending || (list.isError && !list.data) ? (
        <PageState loading={list.isPending} error={list.error} />
      ) : orgs.length === 0 ? (
        <Text>{t('admin.orgs.empty')}</Text>
      ) : (
        <>
          <TableOrCards
            minWidth={720}
            table={<OrgTable orgs={orgs} />}
            cards={
              <Stack gap="sm">
                {orgs.map((o) => (
                  <OrgCard key={o.id} org={o} />
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

function Archived({ org }: { org: Organization }) {
  const { t } = useI18n();
  return org.archivedAt ? <StatusBadge color="gray">{t('admin.orgs.archived')}</StatusBadge> : <StatusBadge color="teal">{t('admin.orgs.active')}</StatusBadge>;
}

function OrgTable({ orgs }: { orgs: Organization[] }) {
  const { t } = useI18n();
  return (
    <Table striped highlightOnHover verticalSpacing="sm">
      <Table.Caption c="gray.7">{t('admin.orgs.caption')}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('admin.orgs.name')}</Table.Th>
          <Table.Th scope="col">{t('admin.orgs.type')}</Table.Th>
          <Table.Th scope="col">{t('admin.orgs.npsn')}</Table.Th>
          <Table.Th scope="col">{t('admin.orgs.region')}</Table.Th>
          <Table.Th scope="col">{t('common.status')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {orgs.map((o) => (
          <Table.Tr key={o.id}>
            <Table.Td>
              <Anchor component={Link} to={`/admin/organizations/${o.id}`} fw={600}>
                {o.name}
              </Anchor>
            </Table.Td>
            <Table.Td>{t(`admin.orgType.${o.type}`)}</Table.Td>
            <Table.Td>{o.npsn ?? '–'}</Table.Td>
            <Table.Td>{[o.districtName, o.regionName ?? o.regionCode].filter(Boolean).join(', ') || '–'}</Table.Td>
            <Table.Td>
              <Archived org={o} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function OrgCard({ org: o }: { org: Organization }) {
  const { t } = useI18n();
  return (
    <Card withBorder padding="md" radius="md">
      <Stack gap={4}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Anchor component={Link} to={`/admin/organizations/${o.id}`} fw={700}>
            {o.name}
          </Anchor>
          <Archived org={o} />
        </Group>
        <Text size="sm" c="gray.7">
          {[t(`admin.orgType.${o.type}`), o.npsn ? `NPSN ${o.npsn}` : null, o.regionName].filter(Boolean).join(' · ')}
        </Text>
      </Stack>
    </Card>
  );
}
