import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconCloudUpload, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiProblem } from '../../../api/problem';
import { useSession } from '../../../app/session';
import { useI18n } from '../../../i18n';
import { formatNumber } from '../../../ui/format';
import { notify } from '../../../ui/notify';
import { ProblemAlert } from '../../../ui/problems';
import { StatusBadge } from '../../../ui/status-badge';
import { flushOutbox, removeOutbox, type OutboxItem } from '../offline/outbox';
import { useOutbox } from '../offline/use-outbox';
import { useHours, useSessionName } from './labels';

/** Sessions logged on this device that the server does not have yet ("menunggu dikirim"). */
export function OutboxList({ assignmentId }: { assignmentId?: string }) {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const outbox = useOutbox();
  const [sending, setSending] = useState(false);
  const items = (outbox.data ?? []).filter((i) => !assignmentId || i.session.assignmentId === assignmentId);
  if (items.length === 0) return null;
  const send = async () => {
    if (!me) return;
    setSending(true);
    try {
      const sent = await flushOutbox(me.user.id);
      if (sent === 0) notify(t('mentoring.outbox.stillWaiting'), { color: 'yellow' });
    } finally {
      setSending(false);
    }
  };
  return (
    <section aria-labelledby="outbox-title">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h3" id="outbox-title">
            {t('mentoring.outbox.title', { n: formatNumber(items.length, lang) })}
          </Title>
          {items.some((i) => i.state === 'waiting') && (
            <Button variant="default" leftSection={<IconCloudUpload size={18} aria-hidden="true" />} onClick={() => void send()} loading={sending}>
              {t('mentoring.outbox.sendNow')}
            </Button>
          )}
        </Group>
        <Text size="sm" c="gray.7">
          {t('mentoring.outbox.intro')}
        </Text>
        {items.map((i) => (
          <OutboxCard key={i.key} item={i} />
        ))}
      </Stack>
    </section>
  );
}

function OutboxCard({ item }: { item: OutboxItem }) {
  const { t } = useI18n();
  const name = useSessionName();
  const hours = useHours();
  const [confirming, setConfirming] = useState(false);
  const title = `${name(item.session)} · ${item.schoolName}`;
  return (
    <Card withBorder radius="md" padding="md" component="article" aria-label={title}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {title}
          </Text>
          <StatusBadge color={item.state === 'waiting' ? 'yellow' : 'red'}>{t(`mentoring.outbox.state.${item.state}`)}</StatusBadge>
        </Group>
        <Text size="sm" c="gray.7">
          {t(`common.topic.${item.session.topic}`)} · {hours(Math.round((item.session.durationMinutes / 60) * 100) / 100)}
          {item.photo && ` · ${t('mentoring.outbox.withPhoto')}`}
          {item.actions.length > 0 && ` · ${t('mentoring.outbox.withActions', { n: item.actions.length })}`}
        </Text>
        {item.session.notes && (
          <Text size="sm" lineClamp={2}>
            {item.session.notes}
          </Text>
        )}
        {item.state === 'refused' && item.problem && (
          <ProblemAlert error={new ApiProblem({ title: item.problem.title, detail: item.problem.detail }, item.problem.status)} />
        )}
        {item.sessionId && (
          <Text size="sm">
            <Anchor component={Link} to={`/mentoring/sessions/${item.sessionId}`}>
              {t('mentoring.outbox.openSent')}
            </Anchor>
          </Text>
        )}
        {item.state === 'refused' &&
          (confirming ? (
            <Alert color="red" title={t('mentoring.outbox.discardTitle')}>
              <Stack gap="xs">
                <Text size="sm">{t('mentoring.outbox.discardText')}</Text>
                <Group gap="xs">
                  <Button color="red" onClick={() => void removeOutbox(item.key)}>
                    {t('mentoring.outbox.discardConfirm')}
                  </Button>
                  <Button variant="default" onClick={() => setConfirming(false)}>
                    {t('common.cancel')}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          ) : (
            <Group>
              <Button variant="outline" color="red" leftSection={<IconTrash size={18} aria-hidden="true" />} onClick={() => setConfirming(true)}>
                {t('mentoring.outbox.discard')}
              </Button>
            </Group>
          ))}
      </Stack>
    </Card>
  );
}
