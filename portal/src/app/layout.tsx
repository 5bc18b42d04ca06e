import { ActionIcon, AppShell, Burger, Button, Group, Indicator, NavLink, SegmentedControl, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBell, IconBulb, IconBuildingCommunity, IconBuildingWarehouse, IconCash, IconChalkboard, IconChartBar, IconFileCertificate, IconFileImport, IconFileText, IconFriends, IconHistory, IconHome, IconLogout, IconMap2, IconSchool, IconSearch, IconSettings, IconTrophy, IconUsers, IconUsersGroup } from '@tabler/icons-react';
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useUnreadCount } from '../features/notifications/api';
import { loadArea, storedLanguage, useI18n, type Language } from '../i18n';
import { useSession } from './session';

interface NavItem {
  to: string;
  label: string;
  icon: ReactNode;
  /** Shown when the user has this permission. */
  permission: string;
  /** Only for these roles (the school's own pages). */
  roles?: string[];
}

/**
 * Sends the mentoring sessions a facilitator logged without a connection, from whichever page is
 * open when the connection returns. Loaded on demand, with the mentoring strings it speaks in.
 */
const OutboxSync = lazy(async () => {
  const [{ useOutboxSync }] = await Promise.all([import('../features/mentoring/offline/use-outbox'), loadArea(storedLanguage(), 'mentoring')]);
  return {
    default: function Sync() {
      useOutboxSync();
      return null;
    },
  };
});

/** The bell on every page: how many notices wait, and the way to them. */
function NotificationBell() {
  const { t } = useI18n();
  const { hasPermission } = useSession();
  const location = useLocation();
  const count = useUnreadCount(hasPermission('notifications:read'));
  const { dataUpdatedAt, refetch } = count;
  // A new page asks again when the number is more than a few seconds old.
  useEffect(() => {
    if (dataUpdatedAt > 0 && Date.now() - dataUpdatedAt > 15_000) void refetch();
  }, [location.pathname, dataUpdatedAt, refetch]);
  const unread = count.data?.unread ?? 0;
  const label = unread > 0 ? `${t('nav.notifications')}, ${t('nav.unread', { n: unread })}` : t('nav.notifications');
  return (
    <Indicator label={unread > 99 ? '99+' : unread} size={18} color="red.8" disabled={unread === 0} offset={4} inline>
      <ActionIcon component={Link} to="/notifications" variant={location.pathname === '/notifications' ? 'light' : 'subtle'} size="lg" aria-label={label} title={label}>
        <IconBell size={20} aria-hidden="true" />
      </ActionIcon>
    </Indicator>
  );
}

/** The language switch, on every page (also before sign-in). */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('common.language')}
      value={lang}
      onChange={(v) => setLang(v as Language)}
      data={[
        { value: 'id', label: 'ID' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure();
  const { me, signOut, hasPermission } = useSession();
  const { t } = useI18n();
  const location = useLocation();
  const role = me?.user.role ?? '';
  const items: NavItem[] = [
    { to: '/', label: t('nav.home'), icon: <IconHome size={18} />, permission: 'profile:read' },
    { to: '/portfolio', label: t('nav.portfolio'), icon: <IconChartBar size={18} />, permission: 'reports:portfolio', roles: ['csr_officer', 'admin'] },
    { to: '/region', label: t('nav.region'), icon: <IconMap2 size={18} />, permission: 'reports:region', roles: ['education_officer', 'admin'] },
    { to: '/school', label: t('nav.school'), icon: <IconSchool size={18} />, permission: 'organizations:edit_own', roles: ['principal'] },
    { to: '/partner-requests', label: t('nav.partnerRequests'), icon: <IconSearch size={18} />, permission: 'partner_requests:read' },
    { to: '/programs', label: t('nav.programs'), icon: <IconBuildingCommunity size={18} />, permission: 'programs:read', roles: ['csr_officer', 'education_officer', 'admin'] },
    { to: '/mous', label: t('nav.mous'), icon: <IconFileCertificate size={18} />, permission: 'mous:read' },
    { to: '/plans', label: t('nav.plans'), icon: <IconFileText size={18} />, permission: 'plans:read' },
    { to: '/grants', label: t('nav.grants'), icon: <IconCash size={18} />, permission: 'grants:read' },
    { to: '/facilities', label: t('nav.facilities'), icon: <IconBuildingWarehouse size={18} />, permission: 'facilities:read' },
    { to: '/mentoring', label: t('nav.mentoring'), icon: <IconUsersGroup size={18} />, permission: 'mentoring:read' },
    { to: '/trainings', label: t('nav.trainings'), icon: <IconChalkboard size={18} />, permission: 'trainings:read' },
    { to: '/competitions', label: t('nav.competitions'), icon: <IconTrophy size={18} />, permission: 'competitions:read' },
    { to: '/practices', label: t('nav.practices'), icon: <IconBulb size={18} />, permission: 'practices:read' },
    { to: '/timeline', label: t('nav.timeline'), icon: <IconHistory size={18} />, permission: 'schools:timeline_read', roles: ['principal'] },
    { to: '/parents', label: t('nav.parents'), icon: <IconFriends size={18} />, permission: 'parent_engagement:write', roles: ['principal'] },
    { to: '/admin', label: t('nav.admin'), icon: <IconSettings size={18} />, permission: 'audit:read', roles: ['admin'] },
    { to: '/admin/import', label: t('nav.schoolImport'), icon: <IconFileImport size={18} />, permission: 'organizations:import', roles: ['education_officer'] },
    { to: '/admin/users', label: t('nav.users'), icon: <IconUsers size={18} />, permission: 'users:invite', roles: ['csr_officer', 'principal', 'education_officer'] },
  ];
  const logsOffline = hasPermission('mentoring:log') && !hasPermission('mentoring:assign');
  const visible = items.filter((i) => hasPermission(i.permission) && (!i.roles || i.roles.includes(role)));
  const active = (to: string) => (to === '/' ? location.pathname === '/' : location.pathname.startsWith(to));

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      {logsOffline && (
        <Suspense fallback={null}>
          <OutboxSync />
        </Suspense>
      )}
      <a href="#main" className="skip-link">
        {t('common.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.menu')} />
            <UnstyledButton component={Link} to="/" aria-label={t('nav.homeLink')}>
              <Group gap={6} wrap="nowrap">
                <img src="/favicon.svg" alt="" width={28} height={28} />
                <Text fw={700} size="lg" c="teal.9">
                  Jalin
                </Text>
              </Group>
            </UnstyledButton>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <NotificationBell />
            <LanguageSwitch />
            <Text size="sm" fw={500} visibleFrom="sm" maw={200} truncate title={me?.organization.name}>
              {me?.user.fullName}
            </Text>
            <Button variant="subtle" size="compact-sm" leftSection={<IconLogout size={16} aria-hidden="true" />} onClick={() => void signOut()}>
              {t('nav.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.main')} component="nav">
        {visible.map((i) => (
          <NavLink key={i.to} component={Link} to={i.to} label={i.label} leftSection={i.icon} active={active(i.to)} onClick={close} aria-current={active(i.to) ? 'page' : undefined} />
        ))}
        <Text size="xs" c="dimmed" mt="auto" p="xs">
          {me?.organization.name}
        </Text>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <div style={{ maxWidth: 1100, margin: '0 auto' }}>{children}</div>
      </AppShell.Main>
    </AppShell>
  );
}

