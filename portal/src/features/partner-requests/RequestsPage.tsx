import { Anchor, Button, Card, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../../i18n';
import { LoadMore } from '../../ui/load-more';
import { useSetUrlParams } from '../../ui/url-filters';
import { DateText } from '../../ui/money';
import { PageState } from '../../ui/problems';
import { REQUEST_STATUSES, useRequestList, type PartnerRequest, type RequestStatus } from './api';
import { RequestStatusBadge, useLevelsText, useViewer } from './parts';

/** The status filter, read from the URL with the API's own parameter name (?status=answered). */
function statusOf(params: URLSearchParams): RequestStatus | null {
  const s = params.get('status');
  return s && (REQUEST_STATUSES as string[]).includes(s) ? (s as RequestStatus) : null;
}

/** /partner-requests: the company's requests, or those addressed to the office, newest first. */
export function RequestsPage() {
  const { t } = useI18n();
  const viewer = useViewer();
  const [params] = useSearchParams();
  const status = statusOf(params);
  const list = useRequestList(status);
  const requests = list.data?.pages.flatMap((p) => p.items) ?? [];

  const setUrl = useSetUrlParams();
  const setStatus = (value: string) => setUrl({ status: value });

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <div style={{ flex: '1 1 20rem' }}>
          <Title order={1}>{t('requests.list.title')}</Title>
          <Text c="gray.7">{t(`requests.list.intro.${viewer}`)}</Text>
        </div>
        {viewer === 'company' && (
          <Button component={Link} to="/partner-requests/new" leftSection={<IconPlus size={18} aria-hidden="true" />}>
            {t('requests.list.new')}
          </Button>
        )}
      </Group>
      <NativeSelect
        label={t('requests.list.filter')}
        maw={320}
        value={status ?? ''}
        onChange={(e) => setStatus(e.currentTarget.value)}
        data={[{ value: '', label: t('requests.list.allStatuses') }, ...REQUEST_STATUSES.map((s) => ({ value: s, label: t(`requests.status.${s}`) }))]}
      />
      {list.isPending || list.isError ? (
        <PageState loading={list.isPending} error={list.error} />
      ) : requests.length === 0 ? (
        <Card withBorder>
          <Text>{status ? t('requests.list.emptyFiltered') : t(`requests.list.empty.${viewer}`)}</Text>
        </Card>
      ) : (
        <Stack component="ul" gap="sm" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {requests.map((r) => (
            <li key={r.id}>
              <RequestCard request={r} viewer={viewer} />
            </li>
          ))}
        </Stack>
      )}
      <LoadMore list={list} />
    </Stack>
  );
}

function RequestCard({ request: r, viewer }: { request: PartnerRequest; viewer: ReturnType<typeof useViewer> }) {
  const { t } = useI18n();
  const levels = useLevelsText();
  const title = viewer === 'office' ? t('requests.list.from', { company: r.company.name }) : viewer === 'company' ? t('requests.list.to', { office: r.educationOffice.name }) : `${r.company.name} → ${r.educationOffice.name}`;
  return (
    <Card withBorder padding="md">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 16rem' }}>
          <Title order={2} size="h4">
            <Anchor component={Link} to={`/partner-requests/${r.id}`}>
              {title}
            </Anchor>
          </Title>
          <Text size="sm">
            {t('requests.list.summary', { count: r.schoolsWanted, levels: levels(r), region: r.regionName })}
          </Text>
          <Text size="sm" c="gray.7">
            {t('requests.field.dueDate')}: <DateText value={r.dueDate} /> · {t('requests.list.asked')}: <DateText value={r.createdAt} />
          </Text>
        </Stack>
        <RequestStatusBadge status={r.status} />
      </Group>
    </Card>
  );
}
