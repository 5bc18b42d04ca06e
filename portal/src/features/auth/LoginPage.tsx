import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { COOKIE_SESSION, useSession } from '../../app/session';
import { useI18n } from '../../i18n';
import { applyProblemToForm } from '../../ui/field-problems';
import { ProblemAlert } from '../../ui/problems';
import { AuthFrame } from './AuthFrame';

interface LoginForm {
  email: string;
  password: string;
}

export function LoginPage() {
  const { t } = useI18n();
  const { signedIn } = useSession();
  const form = useForm<LoginForm>({ defaultValues: { email: '', password: '' } });
  const labels: Record<string, string> = { email: t('auth.email'), password: t('auth.password') };
  const login = useMutation({
    mutationFn: (values: LoginForm) => unwrap(api.POST('/api/v1/auth/login', { body: values, headers: COOKIE_SESSION })),
    // Signed in, the sign-in route itself moves on to the page first asked for.
    onSuccess: (tokens) => signedIn(tokens),
    onError: (err) => applyProblemToForm(form, err, { label: (name) => labels[name] }),
  });
  const { errors } = form.formState;

  return (
    <AuthFrame title={t('auth.login.title')}>
      <form onSubmit={form.handleSubmit((v) => login.mutate(v))} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('auth.login.intro')}
          </Text>
          <TextInput
            label={labels.email}
            type="email"
            autoComplete="username"
            inputMode="email"
            required
            error={errors.email?.message}
            {...form.register('email', { required: t('auth.login.emailRequired') })}
          />
          <PasswordInput
            visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
            label={labels.password}
            autoComplete="current-password"
            required
            error={errors.password?.message}
            {...form.register('password', { required: t('auth.login.passwordRequired') })}
          />
          {login.isError && !form.formState.errors.email && <ProblemAlert error={login.error} />}
          <Button type="submit" loading={login.isPending} fullWidth>
            {t('auth.login.submit')}
          </Button>
          <Anchor component={Link} to="/password-reset" size="sm">
            {t('auth.login.forgot')}
          </Anchor>
        </Stack>
      </form>
    </AuthFrame>
  );
}
