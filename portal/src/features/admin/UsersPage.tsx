import { Anchor, Button, Card, Group, NativeSelect, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n';
import { LoadMore } from '../../ui/load-more';
import { BackLink } from '../../ui/back-link';
import { PageState } from '../../ui/problems';
import { TableOrCards } from '../../ui/table-or-cards';
import { ROLES, useUserList, type User, type UserFilters } from './api';
import { RequirePermission } from './components/guard';
import { OrganizationName, OrganizationPicker } from './components/organization-picker';
import { UserStatusBadge } from './components/user-status';
import { onlySet, useUrlFilters } from '../../ui/url-filters';

const FILTERS = ['organizationId', 'role'] as const;

/**
 * /admin/users: admins see every user (filter by organizationId and role in the URL); CSR officers,
 * principals and education officers see and invite the users of their own organisation.
 */
export function UsersPage() {
  return (
    <RequirePermission permission="users:invite">
      <UsersList />
    </RequirePermission>
  );
}

function UsersList() {
  const { t } = useI18n();
  const { me, hasPermission } = useSession();
  const isAdmin = hasPermission('users:manage');
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const query = onlySet(filters) as UserFilters;
  const list = useUserList(isAdmin ? query : { role: query.role });
  const users = list.data?.pages.flatMap((p) => p.items) ?? [];
  const inviteTo = isAdmin && filters.organizationId ? `/admin/users/new?organizationId=${filters.organizationId}` : '/admin/users/new';

  return (
    <Stack gap="lg">
      <BackLink to={hasPermission('audit:read') ? '/admin' : '/'}>{hasPermission('audit:read') ? t('admin.backToAdmin') : t('admin.backToHome')}</BackLink>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1}>{t('admin.users.title')}</Title>
          <Text c="gray.7">{isAdmin ? t('admin.users.introAdmin') : t('admin.users.introOwn', { organization: me?.organization.name ?? '' })}</Text>
        </div>
        <Button component={Link} to={inviteTo} leftSection={<IconUserPlus size={16} aria-hidden="true" />}>
          {t('admin.users.invite')}
        </Button>
      </Group>
      <Card withBorder component="section" aria-labelledby="user-filters">
        <Title order={2} size="h4" id="user-filters" mb="sm">
          {t('admin.filters')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: isAdmin ? 2 : 1 }}>
          {isAdmin && <OrganizationPicker label={t('admin.users.organization')} clearable value={filters.organizationId} onChange={(id) => setFilters({ organizationId: id })} />}
          <NativeSelect
            label={t('admin.users.role')}
            value={filters.role}
            onChange={(e) => setFilters({ role: e.currentTarget.value })}
            data={[{ value: '', label: t('admin.all') }, ...ROLES.map((r) => ({ value: r, label: t(`admin.role.${r}`) }))]}
          />
        </SimpleGrid>
      </Card>
      {list.isPending || (list.isError && !list.data) ? (
        <PageState loading={list.isPending} error={list.error} />
      ) : users.length === 0 ? (
        <Text>{t('admin.users.empty')}</Text>
      ) : (
        <>
          <TableOrCards
            minWidth={760}
            table={<UserTable users={users} />}
            cards={
              <Stack gap="sm">
                {users.map((u) => (
                  <UserCard key={u.id} user={u} />
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

function UserTable({ users }: { users: User[] }) {
  const { t } = useI18n();
  return (
    <Table striped highlightOnHover verticalSpacing="sm">
      <Table.Caption c="gray.7">{t('admin.users.caption')}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('admin.users.name')}</Table.Th>
          <Table.Th scope="col">{t('admin.users.email')}</Table.Th>
          <Table.Th scope="col">{t('admin.users.role')}</Table.Th>
          <Table.Th scope="col">{t('admin.users.organization')}</Table.Th>
          <Table.Th scope="col">{t('common.status')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {users.map((u) => (
          <Table.Tr key={u.id}>
            <Table.Td>
              <Anchor component={Link} to={`/admin/users/${u.id}`} fw={600}>
                {u.fullName}
              </Anchor>
            </Table.Td>
            <Table.Td style={{ wordBreak: 'break-all' }}>{u.email}</Table.Td>
            <Table.Td>{t(`admin.role.${u.role}`)}</Table.Td>
            <Table.Td>
              <OrganizationName id={u.organizationId} />
            </Table.Td>
            <Table.Td>
              <UserStatusBadge status={u.status} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function UserCard({ user: u }: { user: User }) {
  const { t } = useI18n();
  return (
    <Card withBorder padding="md" radius="md">
      <Stack gap={4}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Anchor component={Link} to={`/admin/users/${u.id}`} fw={700}>
            {u.fullName}
          </Anchor>
          <UserStatusBadge status={u.status} />
        </Group>
        <Text size="sm" style={{ wordBreak: 'break-all' }}>
          {u.email}
        </Text>
        <Text size="sm" c="gray.7">
          {t(`admin.role.${u.role}`)} · <OrganizationName id={u.organizationId} />
        </Text>
      </Stack>
    </Card>
  );
}
