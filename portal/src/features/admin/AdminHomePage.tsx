import { Card, SimpleGrid, Stack, Text, ThemeIcon, Title, UnstyledButton, Group } from '@mantine/core';
import { IconBuildingCommunity, IconFileImport, IconHistory, IconMail, IconUsers } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n';
import { NotFound } from '../../ui/problems';

interface Section {
  to: string;
  key: string;
  icon: ReactNode;
  permission: string;
}

const SECTIONS: Section[] = [
  { to: '/admin/organizations', key: 'organizations', icon: <IconBuildingCommunity size={22} aria-hidden="true" />, permission: 'organizations:manage' },
  { to: '/admin/import', key: 'import', icon: <IconFileImport size={22} aria-hidden="true" />, permission: 'organizations:import' },
  { to: '/admin/users', key: 'users', icon: <IconUsers size={22} aria-hidden="true" />, permission: 'users:invite' },
  { to: '/admin/audit', key: 'audit', icon: <IconHistory size={22} aria-hidden="true" />, permission: 'audit:read' },
  { to: '/admin/outbox', key: 'outbox', icon: <IconMail size={22} aria-hidden="true" />, permission: 'mail:read' },
];

/** /admin: the sections of administration the reader may use, each a link. */
export function AdminHomePage() {
  const { t } = useI18n();
  const { hasPermission } = useSession();
  const sections = SECTIONS.filter((s) => hasPermission(s.permission));
  // Each role sees the sections it may use (an education officer: the import; a principal: the school's users).
  if (sections.length === 0) return <NotFound />;
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('admin.home.title')}</Title>
        <Text c="gray.7">{t('admin.home.intro')}</Text>
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {sections.map((s) => (
          <li key={s.to}>
            <UnstyledButton component={Link} to={s.to} style={{ display: 'block', height: '100%' }}>
              <Card withBorder padding="lg" h="100%">
                <Group gap="sm" wrap="nowrap" align="flex-start">
                  <ThemeIcon variant="light" color="teal" size={40} radius="md">
                    {s.icon}
                  </ThemeIcon>
                  <div>
                    <Title order={2} size="h4" c="teal.9">
                      {t(`admin.home.${s.key}.title`)}
                    </Title>
                    <Text size="sm" c="gray.7">
                      {t(`admin.home.${s.key}.text`)}
                    </Text>
                  </div>
                </Group>
              </Card>
            </UnstyledButton>
          </li>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
