import { Alert, Anchor, Button, Loader, Stack, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useI18n } from '../../i18n';
import { ProblemAlert } from '../../ui/problems';
import { AuthFrame } from './AuthFrame';

/**
 * /unsubscribe?token=…: the link at the end of an e-mail. Says what it will turn off, and does it on a
 * click (a mail scanner opening the link changes nothing); no sign-in needed.
 */
export function UnsubscribePage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const link = useQuery({
    queryKey: ['unsubscribe', token],
    enabled: token !== '',
    retry: false,
    staleTime: Infinity,
    queryFn: () => unwrap(api.GET('/api/v1/mail/unsubscribe', { params: { query: { token } } })),
  });
  const stop = useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/mail/unsubscribe', { body: { token } })) });
  const title = t('auth.unsubscribe.title');
  const names = (categories: string[]) => categories.map((c) => t(`auth.unsubscribe.category.${c}`)).join(', ');

  if (token === '') {
    return (
      <AuthFrame title={title}>
        <Alert color="red" role="alert" title={t('auth.unsubscribe.noTokenTitle')}>
          {t('auth.unsubscribe.noTokenBody')}
        </Alert>
      </AuthFrame>
    );
  }
  if (link.isPending) {
    return (
      <AuthFrame title={title}>
        <Loader aria-label={t('common.loading')} />
      </AuthFrame>
    );
  }
  if (link.isError) {
    return (
      <AuthFrame title={title}>
        <ProblemAlert error={link.error} />
      </AuthFrame>
    );
  }
  const settings = (
    <Anchor component={Link} to="/notifications/email" size="sm">
      {t('auth.unsubscribe.settings')}
    </Anchor>
  );
  if (stop.isSuccess) {
    return (
      <AuthFrame title={title}>
        <Stack>
          <Alert color="teal" role="status" icon={<IconCircleCheck size={20} aria-hidden="true" />} title={t('auth.unsubscribe.doneTitle')}>
            {t('auth.unsubscribe.doneBody', { categories: names(stop.data.categories), email: stop.data.email })}
          </Alert>
          {settings}
        </Stack>
      </AuthFrame>
    );
  }
  return (
    <AuthFrame title={title}>
      <Stack>
        <Text>{t('auth.unsubscribe.ask', { categories: names(link.data.categories), email: link.data.email })}</Text>
        <Text size="sm" c="gray.7">
          {t('auth.unsubscribe.stillInApp')}
        </Text>
        {stop.isError && <ProblemAlert error={stop.error} />}
        <Button onClick={() => stop.mutate()} loading={stop.isPending} fullWidth>
          {t('auth.unsubscribe.confirm')}
        </Button>
        {settings}
      </Stack>
    </AuthFrame>
  );
}
