import { Alert, Anchor, Button, Card, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlarm, IconPlus } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n';
import { LoadMore } from '../../ui/load-more';
import { useSetUrlParams } from '../../ui/url-filters';
import { DateText } from '../../ui/money';
import { PageState } from '../../ui/problems';
import { TableOrCards } from '../../ui/table-or-cards';
import { expiresSoon, MOU_STATUSES, useMouList, type Mou, type MouFilters, type MouStatus } from './api';
import { MouStatusBadge } from './badges';

const WINDOWS = [7, 30, 60, 90, 180];

/** Reads the list's filters from the URL, by the API's own names. */
function filtersOf(params: URLSearchParams): MouFilters {
  const f: MouFilters = {};
  const status = params.get('status');
  if (status && (MOU_STATUSES as string[]).includes(status)) f.status = status as MouStatus;
  const days = params.get('expiringWithinDays');
  if (days && /^\d+$/.test(days)) f.expiringWithinDays = Number(days);
  const partnershipId = params.get('partnershipId');
  if (partnershipId) f.partnershipId = partnershipId;
  return f;
}

/** /mous?expiringWithinDays=…&status=…: the MoUs the reader can see; "expiring within N days" lists the soonest first. */
export function MousPage() {
  const { t } = useI18n();
  const session = useSession();
  const [params] = useSearchParams();
  const filters = filtersOf(params);
  const list = useMouList(filters);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const canDraft = session.me?.user.role === 'csr_officer' && session.hasPermission('mous:manage');
  const setUrl = useSetUrlParams();
  const setFilter = (name: string, value: string) => setUrl({ [name]: value });
  const windows = filters.expiringWithinDays !== undefined && !WINDOWS.includes(filters.expiringWithinDays) ? [...WINDOWS, filters.expiringWithinDays].sort((a, b) => a - b) : WINDOWS;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1}>{filters.expiringWithinDays !== undefined ? t('mous.list.expiringTitle', { days: filters.expiringWithinDays }) : t('mous.list.title')}</Title>
          <Text c="gray.7">{t('mous.list.intro')}</Text>
        </div>
        {canDraft && (
          <Button component={Link} to="/mous/new" leftSection={<IconPlus size={16} />}>
            {t('mous.list.new')}
          </Button>
        )}
      </Group>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('mous.list.expiring')}
          value={filters.expiringWithinDays !== undefined ? String(filters.expiringWithinDays) : ''}
          onChange={(e) => setFilter('expiringWithinDays', e.currentTarget.value)}
          data={[{ value: '', label: t('mous.list.anyExpiry') }, ...windows.map((d) => ({ value: String(d), label: t('mous.list.withinDays', { days: d }) }))]}
          miw={220}
        />
        <NativeSelect
          label={t('common.status')}
          value={filters.status ?? ''}
          onChange={(e) => setFilter('status', e.currentTarget.value)}
          data={[{ value: '', label: t('mous.list.allStatuses') }, ...MOU_STATUSES.map((s) => ({ value: s, label: t(`mous.status.${s}`) }))]}
          miw={200}
        />
        {filters.partnershipId && (
          <Button variant="subtle" onClick={() => setFilter('partnershipId', '')}>
            {t('mous.list.clearPartnership')}
          </Button>
        )}
      </Group>
      {list.isPending || list.isError ? (
        <PageState loading={list.isPending} error={list.error} />
      ) : items.length === 0 ? (
        <Card withBorder>
          <Text>{filters.expiringWithinDays !== undefined ? t('mous.list.noneExpiring', { days: filters.expiringWithinDays }) : t('mous.list.empty')}</Text>
        </Card>
      ) : (
        <TableOrCards
          from="md"
          minWidth={800}
          table={
            <Table striped highlightOnHover verticalSpacing="sm">
              <Table.Caption c="gray.7">{t('mous.list.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('mous.field.number')}</Table.Th>
                  <Table.Th scope="col">{t('mous.list.school')}</Table.Th>
                  <Table.Th scope="col">{t('mous.list.period')}</Table.Th>
                  <Table.Th scope="col">{t('common.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/mous/${m.id}`} fw={600}>
                        {m.number}
                      </Anchor>
                      <Text size="sm">{m.title}</Text>
                    </Table.Td>
                    <Table.Td>{m.school.name}</Table.Td>
                    <Table.Td>
                      <DateText value={m.effectiveDate} short /> – <DateText value={m.expiryDate} short />
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={4} align="flex-start">
                        <MouStatusBadge status={m.status} />
                        <ExpiryNote mou={m} />
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          }
          cards={
            <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {items.map((m) => (
                <li key={m.id}>
                  <Card withBorder padding="md">
                    <Stack gap={4}>
                      <Group justify="space-between" gap="xs" wrap="wrap">
                        <Anchor component={Link} to={`/mous/${m.id}`} fw={700} style={{ overflowWrap: 'anywhere' }}>
                          {m.number}
                        </Anchor>
                        <MouStatusBadge status={m.status} />
                      </Group>
                      <Text size="sm">{m.title}</Text>
                      <Text size="sm" c="gray.7">
                        {m.school.name}
                      </Text>
                      <Text size="sm">
                        <DateText value={m.effectiveDate} short /> – <DateText value={m.expiryDate} short />
                      </Text>
                      <ExpiryNote mou={m} />
                    </Stack>
                  </Card>
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

/** "Berakhir dalam 25 hari" on an MoU in force that expires soon. */
export function ExpiryNote({ mou }: { mou: Pick<Mou, 'status' | 'daysToExpiry'> }) {
  const { t } = useI18n();
  if (!expiresSoon(mou)) return null;
  return (
    <Text size="sm" c="red.9" fw={600}>
      <IconAlarm size={14} aria-hidden="true" style={{ verticalAlign: '-2px' }} /> {mou.daysToExpiry === 0 ? t('mous.expiry.today') : t('mous.expiry.inDays', { days: mou.daysToExpiry })}
    </Text>
  );
}

export function ExpiryAlert({ mou }: { mou: Pick<Mou, 'status' | 'daysToExpiry' | 'expiryDate'> }) {
  const { t } = useI18n();
  if (!expiresSoon(mou)) return null;
  return (
    <Alert color="orange" icon={<IconAlarm size={18} />} title={mou.daysToExpiry === 0 ? t('mous.expiry.today') : t('mous.expiry.inDays', { days: mou.daysToExpiry })}>
      <Text size="sm">
        {t('mous.expiry.text')} <DateText value={mou.expiryDate} />.
      </Text>
    </Alert>
  );
}
