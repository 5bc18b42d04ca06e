import { Anchor, Badge, Button, Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconChecks } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../../i18n';
import { LoadMore } from '../../ui/load-more';
import { formatDateTime } from '../../ui/format';
import { notify } from '../../ui/notify';
import { PageState, ProblemAlert } from '../../ui/problems';
import { noticeLink, useMarkAllRead, useMarkRead, useNotices, type Notice, type NoticeFilter } from './api';
import { wordNotice } from './wording';

/** /notifications: the user's own notices, newest first; unread ones first to act on. */
export function NotificationsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const filter: NoticeFilter = params.get('unread') === 'true' ? 'unread' : 'all';
  const list = useNotices(filter);
  const markAll = useMarkAllRead();
  const notices = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('notifications.title')}</Title>
        <Text c="gray.7">{t('notifications.intro')}</Text>
        <Anchor component={Link} to="/notifications/email" size="sm">
          {t('notifications.emailLink')}
        </Anchor>
      </div>
      <Group justify="space-between" wrap="wrap" gap="sm">
        <SegmentedControl
          aria-label={t('notifications.filter')}
          value={filter}
          onChange={(v) => setParams(v === 'unread' ? { unread: 'true' } : {}, { replace: true })}
          data={[
            { value: 'all', label: t('notifications.filters.all') },
            { value: 'unread', label: t('notifications.filters.unread') },
          ]}
        />
        <Button
          variant="light"
          leftSection={<IconChecks size={18} aria-hidden="true" />}
          loading={markAll.isPending}
          onClick={() =>
            markAll.mutate(undefined, {
              onSuccess: (r) => notify(r.marked === 0 ? t('notifications.noneToMark') : t('notifications.marked', { n: r.marked })),
            })
          }
        >
          {t('notifications.markAll')}
        </Button>
      </Group>
      {markAll.isError && <ProblemAlert error={markAll.error} />}
      {list.isPending || list.isError ? (
        <PageState loading={list.isPending} error={list.error} />
      ) : notices.length === 0 ? (
        <Text>{t(`notifications.empty.${filter}`)}</Text>
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {notices.map((n) => (
            <li key={n.id}>
              <NoticeCard notice={n} />
            </li>
          ))}
        </Stack>
      )}
      <LoadMore list={list} justify="center" />
    </Stack>
  );
}

function NoticeCard({ notice }: { notice: Notice }) {
  const { t, lang } = useI18n();
  const markRead = useMarkRead();
  const { title, body } = wordNotice(notice, t, lang);
  const link = noticeLink(notice);
  const headingId = `notice-${notice.id}`;
  return (
    <Card withBorder radius="md" padding="md" component="article" aria-labelledby={headingId} bg={notice.read ? undefined : 'teal.0'}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Title order={2} size="h4" id={headingId}>
          {title}
        </Title>
        {!notice.read && (
          <Badge color="teal.9" variant="filled" style={{ flexShrink: 0 }}>
            {t('notifications.new')}
          </Badge>
        )}
      </Group>
      <Text size="sm" c="gray.7" mt={4}>
        {formatDateTime(notice.createdAt, lang)}
      </Text>
      <Text mt="xs">{body}</Text>
      <Group gap="md" mt="sm">
        {link && (
          <Anchor component={Link} to={link} onClick={() => !notice.read && markRead.mutate(notice.id)}>
            {t(`notifications.open.${notice.entityType ?? 'record'}`)}
          </Anchor>
        )}
        {!notice.read && (
          <Button variant="subtle" size="compact-sm" loading={markRead.isPending} onClick={() => markRead.mutate(notice.id)} aria-describedby={headingId}>
            {t('notifications.markRead')}
          </Button>
        )}
      </Group>
      {markRead.isError && <ProblemAlert error={markRead.error} />}
    </Card>
  );
}
