import { Anchor, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useI18n } from '../../i18n';
import { Money } from '../../ui/money';
import { PageState } from '../../ui/problems';
import { TableOrCards } from '../../ui/table-or-cards';
import { useGrantList, type Grant, type GrantTotals } from './api';
import { GrantStatusBadge } from './components/badges';

type AnyGrant = Grant | GrantTotals;

/** /grants: the stimulus grants the reader can see, newest year first. */
export function GrantsPage() {
  const { t } = useI18n();
  const list = useGrantList();
  const grants = list.data?.pages.flatMap((p) => (p.items ?? []) as AnyGrant[]) ?? [];

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('grants.list.title')}</Title>
        <Text c="gray.7">{t('grants.list.intro')}</Text>
      </div>
      {list.isPending || list.isError ? (
        <PageState loading={list.isPending} error={list.error} />
      ) : grants.length === 0 ? (
        <Text>{t('grants.list.empty')}</Text>
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
          {list.hasNextPage && (
            <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('common.more')}
            </Button>
          )}
        </>
      )}
    </Stack>
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
