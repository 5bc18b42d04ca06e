import { Anchor, Button, Card, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../../i18n';
import { LoadMore } from '../../ui/load-more';
import { DateText } from '../../ui/money';
import { PageState } from '../../ui/problems';
import { TableOrCards } from '../../ui/table-or-cards';
import { useSetUrlParams } from '../../ui/url-filters';
import { PARTNERSHIP_STATUSES, usePartnershipList, useProgramList, type Partnership, type PartnershipFilters, type PartnershipStatus } from './api';
import { PartnershipStatusBadge } from './badges';

/** /partnerships?programId=…&status=…&schoolId=…: the partnerships the reader can see, filtered by the URL. */
export function PartnershipsPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const filters: PartnershipFilters = {};
  const programId = params.get('programId');
  const status = params.get('status');
  const schoolId = params.get('schoolId');
  if (programId) filters.programId = programId;
  if (status && (PARTNERSHIP_STATUSES as string[]).includes(status)) filters.status = status as PartnershipStatus;
  if (schoolId) filters.schoolId = schoolId;
  const list = usePartnershipList(filters);
  const programs = useProgramList();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const setUrl = useSetUrlParams();
  const setFilter = (name: string, value: string) => setUrl({ [name]: value });

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('programs.partnerships.title')}</Title>
        <Text c="gray.7">{t('programs.partnerships.intro')}</Text>
      </div>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('programs.partnerships.program')}
          value={filters.programId ?? ''}
          onChange={(e) => setFilter('programId', e.currentTarget.value)}
          data={[
            { value: '', label: t('programs.partnerships.allPrograms') },
            ...(programs.data?.pages.flatMap((p) => p.items) ?? []).map((p) => ({ value: p.id, label: p.name })),
            ...(filters.programId && !programs.data?.pages.some((pg) => pg.items.some((p) => p.id === filters.programId)) ? [{ value: filters.programId, label: t('programs.partnerships.thisProgram') }] : []),
          ]}
          miw={220}
        />
        <NativeSelect
          label={t('common.status')}
          value={filters.status ?? ''}
          onChange={(e) => setFilter('status', e.currentTarget.value)}
          data={[{ value: '', label: t('programs.partnerships.allStatuses') }, ...PARTNERSHIP_STATUSES.map((s) => ({ value: s, label: t(`programs.partnershipStatus.${s}`) }))]}
          miw={180}
        />
        {filters.schoolId && (
          <Button variant="subtle" onClick={() => setFilter('schoolId', '')}>
            {t('programs.partnerships.clearSchool')}
          </Button>
        )}
      </Group>
      {list.isPending || list.isError ? (
        <PageState loading={list.isPending} error={list.error} />
      ) : items.length === 0 ? (
        <Card withBorder>
          <Text>{t('programs.partnerships.empty')}</Text>
        </Card>
      ) : (
        <TableOrCards
          minWidth={720}
          table={
            <Table striped highlightOnHover verticalSpacing="sm">
              <Table.Caption c="gray.7">{t('programs.partnerships.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('programs.partnerships.school')}</Table.Th>
                  <Table.Th scope="col">{t('programs.partnerships.program')}</Table.Th>
                  <Table.Th scope="col">{t('programs.partnerships.startedOn')}</Table.Th>
                  <Table.Th scope="col">{t('common.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/partnerships/${p.id}`} fw={600}>
                        {p.school.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{p.program.name}</Table.Td>
                    <Table.Td>{p.startedOn ? <DateText value={p.startedOn} short /> : '–'}</Table.Td>
                    <Table.Td>
                      <PartnershipStatusBadge status={p.status} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          }
          cards={
            <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {items.map((p) => (
                <li key={p.id}>
                  <PartnershipCard p={p} />
                </li>
              ))}
            </Stack>
          }
        />
      )}
      <LoadMore list={list} />
    </Stack>
  );
}

function PartnershipCard({ p }: { p: Partnership }) {
  const { t } = useI18n();
  return (
    <Card withBorder padding="md">
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Anchor component={Link} to={`/partnerships/${p.id}`} fw={700}>
            {p.school.name}
          </Anchor>
          <PartnershipStatusBadge status={p.status} />
        </Group>
        <Text size="sm" c="gray.7">
          {p.program.name}
        </Text>
        {p.startedOn && (
          <Text size="sm">
            {t('programs.partnerships.startedOn')}: <DateText value={p.startedOn} short />
          </Text>
        )}
      </Stack>
    </Card>
  );
}
