import { Alert, Anchor, Button, Loader, Stack, Text, TextInput } from '@mantine/core';
import { IconCircleCheck, IconMailForward } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useI18n } from '../../i18n';
import { applyProblemToForm } from '../../ui/field-problems';
import { formatDateTime } from '../../ui/format';
import { ProblemAlert } from '../../ui/problems';
import { AuthFrame } from './AuthFrame';
import { NewPasswordFields, type NewPasswordValues } from './NewPasswordFields';

/**
 * /password-reset: a person who forgot the password asks for a link by email; /password-reset?token=…
 * (the link in that email) checks the link first, then lets them choose a new password.
 */
export function PasswordResetPage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  return token ? <ChooseNewPassword token={token} /> : <RequestLink />;
}

function BackToSignIn() {
  const { t } = useI18n();
  return (
    <Anchor component={Link} to="/login" size="sm">
      {t('auth.reset.backToLogin')}
    </Anchor>
  );
}

function RequestLink() {
  const { t } = useI18n();
  const form = useForm<{ email: string }>({ defaultValues: { email: '' } });
  const send = useMutation({
    mutationFn: (values: { email: string }) => unwrap(api.POST('/api/v1/auth/password-reset', { body: values })),
    onError: (err) => applyProblemToForm(form, err, { label: () => t('auth.email') }),
  });
  const { errors } = form.formState;

  if (send.isSuccess) {
    return (
      <AuthFrame title={t('auth.reset.requestTitle')}>
        <Stack>
          <Alert color="teal" icon={<IconMailForward size={20} aria-hidden="true" />} title={t('auth.reset.sentTitle')} role="status">
            {t('auth.reset.sentBody', { email: form.getValues('email').trim(), minutes: send.data.linkValidMinutes })}
          </Alert>
          <Text size="sm">{t('auth.reset.noMail')}</Text>
          <BackToSignIn />
        </Stack>
      </AuthFrame>
    );
  }

  return (
    <AuthFrame title={t('auth.reset.requestTitle')}>
      <form onSubmit={form.handleSubmit((v) => send.mutate(v))} noValidate>
        <Stack>
          <Text size="sm">{t('auth.reset.requestIntro')}</Text>
          <TextInput
            label={t('auth.email')}
            type="email"
            autoComplete="username"
            inputMode="email"
            required
            error={errors.email?.message}
            {...form.register('email', { required: t('auth.login.emailRequired') })}
          />
          {send.isError && !errors.email && <ProblemAlert error={send.error} />}
          <Button type="submit" loading={send.isPending} fullWidth>
            {t('auth.reset.requestSubmit')}
          </Button>
          <BackToSignIn />
        </Stack>
      </form>
    </AuthFrame>
  );
}

function ChooseNewPassword({ token }: { token: string }) {
  const { t, lang } = useI18n();
  const link = useQuery({
    queryKey: ['password-reset', token],
    queryFn: () => unwrap(api.GET('/api/v1/auth/password-reset/{token}', { params: { path: { token } } })),
    retry: false,
    staleTime: Infinity,
  });
  const form = useForm<NewPasswordValues>({ defaultValues: { password: '', confirm: '' } });
  const labels = { password: t('auth.newPassword'), confirm: t('auth.confirmPassword') };
  const confirm = useMutation({
    mutationFn: (values: NewPasswordValues) => unwrap(api.POST('/api/v1/auth/password-reset/confirm', { body: { token, password: values.password } })),
    onError: (err) => applyProblemToForm(form, err, { label: (name) => (name === 'password' ? labels.password : name) }),
  });
  const title = t('auth.reset.chooseTitle');

  if (link.isPending) {
    return (
      <AuthFrame title={title}>
        <Loader aria-label={t('common.loading')} />
      </AuthFrame>
    );
  }
  if (confirm.isSuccess) {
    return (
      <AuthFrame title={title}>
        <Stack>
          <Alert color="teal" icon={<IconCircleCheck size={20} aria-hidden="true" />} title={t('auth.reset.doneTitle')} role="status">
            {t('auth.reset.doneBody')}
          </Alert>
          <Button component={Link} to="/login" fullWidth>
            {t('auth.login.submit')}
          </Button>
        </Stack>
      </AuthFrame>
    );
  }
  // An unknown link (404), an expired or a used one: say so plainly and offer a new link.
  const state = link.data?.state;
  if (link.isError || state !== 'valid') {
    const reason = link.isError ? 'invalid' : state === 'expired' ? 'expired' : 'used';
    return (
      <AuthFrame title={title}>
        <Stack>
          <Alert color="red" title={t(`auth.reset.${reason}Title`)} role="alert">
            {t(`auth.reset.${reason}Body`, { at: link.data ? formatDateTime(link.data.expiresAt, lang) : '' })}
          </Alert>
          <Button component={Link} to="/password-reset" variant="light" fullWidth>
            {t('auth.reset.askAgain')}
          </Button>
          <BackToSignIn />
        </Stack>
      </AuthFrame>
    );
  }

  return (
    <AuthFrame title={title}>
      <form onSubmit={form.handleSubmit((v) => confirm.mutate(v))} noValidate>
        <Stack>
          <Text size="sm">{t('auth.reset.chooseIntro', { at: formatDateTime(link.data.expiresAt, lang) })}</Text>
          <NewPasswordFields form={form} labels={labels} />
          {confirm.isError && !form.formState.errors.password && <ProblemAlert error={confirm.error} />}
          <Button type="submit" loading={confirm.isPending} fullWidth>
            {t('auth.reset.chooseSubmit')}
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
