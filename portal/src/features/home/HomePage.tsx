import { Badge, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconCash, IconChecklist, IconFileText, IconMessageCircle, IconTrophy, IconUsersGroup } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n';
import { DateText } from '../../ui/money';
import { PageState } from '../../ui/problems';
import { agendaLink } from './agenda-links';

const ICONS: Record<string, ReactNode> = {
  plan: <IconFileText size={20} />,
  comment: <IconMessageCircle size={20} />,
  session: <IconUsersGroup size={20} />,
  action: <IconChecklist size={20} />,
  money: <IconCash size={20} />,
  competition: <IconTrophy size={20} />,
};

function iconOf(kind: string): ReactNode {
  if (kind.includes('comment')) return ICONS.comment;
  if (kind.startsWith('plan')) return ICONS.plan;
  if (kind.startsWith('session')) return ICONS.session;
  if (kind.startsWith('expense')) return ICONS.money;
  if (kind.startsWith('competition') || kind.startsWith('entries')) return ICONS.competition;
  return ICONS.action;
}

/** "What needs me now": each item links to the page where it is done. */
export function HomePage() {
  const { t } = useI18n();
  const { me } = useSession();
  const agenda = useQuery({ queryKey: ['agenda'], queryFn: () => unwrap(api.GET('/api/v1/agenda')) });
  const items = agenda.data?.items ?? [];

  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          {t('home.greeting', { name: me?.user.fullName ?? '' })}
        </Title>
        <Text c="dimmed">{me?.organization.name}</Text>
      </div>
      <section aria-labelledby="agenda-title">
        <Title order={2} size="h3" id="agenda-title" mb="sm">
          {t('home.agendaTitle')}
        </Title>
        {agenda.isPending ? (
          <PageState loading />
        ) : agenda.isError ? (
          <PageState error={agenda.error} />
        ) : items.length === 0 ? (
          <Card withBorder>
            <Text>{t('home.nothing')}</Text>
          </Card>
        ) : (
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {items.map((item, i) => (
              <li key={`${item.kind}-${item.id}-${i}`}>
                <Card withBorder component={Link} to={agendaLink(item)} padding="md" style={{ textDecoration: 'none' }}>
                  <Group wrap="nowrap" align="flex-start">
                    <ThemeIcon variant="light" color={item.overdue ? 'red' : 'teal'} size="lg" aria-hidden="true">
                      {item.overdue ? <IconAlertTriangle size={20} /> : iconOf(item.kind)}
                    </ThemeIcon>
                    <div style={{ flex: 1, minWidth: 0 }}>
                      <Text fw={600} c="dark">
                        {item.title}
                      </Text>
                      <Group gap="xs" mt={4}>
                        {item.overdue && (
                          <Badge color="red" variant="light">
                            {t('common.overdue')}
                          </Badge>
                        )}
                        {item.dueDate && (
                          <Text size="sm" c="dimmed">
                            {t('common.dueDate')}: <DateText value={item.dueDate} />
                          </Text>
                        )}
                      </Group>
                    </div>
                  </Group>
                </Card>
              </li>
            ))}
          </Stack>
        )}
      </section>
    </Stack>
  );
}
