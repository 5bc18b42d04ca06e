import { Button, List, PasswordInput, Stack, Text, ThemeIcon, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconCircleDashed, IconInfoCircle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import { COOKIE_SESSION, useSession } from '../../app/session';
import { useI18n } from '../../i18n';
import { applyProblemToForm } from '../../ui/field-problems';
import { ProblemAlert } from '../../ui/problems';
import { AuthFrame } from './AuthFrame';
import { PASSWORD_ADVICE, passwordRules } from './password-rules';

interface InvitationForm {
  password: string;
  confirm: string;
}

/** An invited user chooses a password (the rules shown as they type) and is signed in. */
export function AcceptInvitationPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { signedIn } = useSession();
  const form = useForm<InvitationForm>({ defaultValues: { password: '', confirm: '' } });
  const labels: Record<string, string> = { password: t('auth.newPassword'), confirm: t('auth.confirmPassword') };
  const password = form.watch('password');
  const rules = passwordRules(password);
  const accept = useMutation({
    mutationFn: (values: InvitationForm) => unwrap(api.POST('/api/v1/auth/accept-invitation', { body: { token, password: values.password }, headers: COOKIE_SESSION })),
    onSuccess: (tokens) => signedIn(tokens),
    onError: (err) => applyProblemToForm(form, err, { label: (name) => labels[name] }),
  });
  const { errors } = form.formState;

  if (!token) {
    return (
      <AuthFrame title={t('auth.invitation.title')}>
        <ProblemAlert error={new ApiProblem({ title: t('auth.invitation.noTokenTitle'), detail: t('auth.invitation.noTokenDetail') }, 422)} />
      </AuthFrame>
    );
  }

  return (
    <AuthFrame title={t('auth.invitation.title')}>
      <form onSubmit={form.handleSubmit((v) => accept.mutate(v))} noValidate>
        <Stack>
          <Text size="sm">{t('auth.invitation.intro')}</Text>
          <PasswordInput
            visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
            label={labels.password}
            autoComplete="new-password"
            required
            aria-describedby="password-rules"
            error={errors.password?.message}
            {...form.register('password', { validate: (v) => passwordRules(v).every((r) => r.ok) || t('auth.invitation.rulesNotMet') })}
          />
          <List id="password-rules" spacing={4} size="sm" center aria-label={t('auth.invitation.rulesTitle')}>
            {rules.map((r) => (
              <List.Item
                key={r.key}
                icon={
                  <ThemeIcon color={r.ok ? 'teal' : 'gray'} size={20} radius="xl" variant={r.ok ? 'filled' : 'light'}>
                    {r.ok ? <IconCheck size={14} aria-hidden="true" /> : <IconCircleDashed size={14} aria-hidden="true" />}
                  </ThemeIcon>
                }
              >
                {t(`auth.rules.${r.key}`, r.params)}
                <VisuallyHidden>{r.ok ? ` (${t('auth.rules.met')})` : ` (${t('auth.rules.notMet')})`}</VisuallyHidden>
              </List.Item>
            ))}
            {PASSWORD_ADVICE.map((a) => (
              <List.Item
                key={a.key}
                icon={
                  <ThemeIcon color="blue" size={20} radius="xl" variant="light">
                    <IconInfoCircle size={14} aria-hidden="true" />
                  </ThemeIcon>
                }
              >
                {t(`auth.rules.${a.key}`, a.params)}
              </List.Item>
            ))}
          </List>
          <PasswordInput
            visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
            label={labels.confirm}
            autoComplete="new-password"
            required
            error={errors.confirm?.message}
            {...form.register('confirm', { validate: (v) => v === form.getValues('password') || t('auth.invitation.mismatch') })}
          />
          {accept.isError && <ProblemAlert error={accept.error} />}
          <Button type="submit" loading={accept.isPending} fullWidth>
            {t('auth.invitation.submit')}
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
