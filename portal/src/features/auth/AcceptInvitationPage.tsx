import { Button, Stack, Text } from '@mantine/core';
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
import { NewPasswordFields, type NewPasswordValues } from './NewPasswordFields';

type InvitationForm = NewPasswordValues;

/** An invited user chooses a password (the rules shown as they type) and is signed in. */
export function AcceptInvitationPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { signedIn } = useSession();
  const form = useForm<InvitationForm>({ defaultValues: { password: '', confirm: '' } });
  const labels: Record<string, string> = { password: t('auth.newPassword'), confirm: t('auth.confirmPassword') };
  const accept = useMutation({
    mutationFn: (values: InvitationForm) => unwrap(api.POST('/api/v1/auth/accept-invitation', { body: { token, password: values.password }, headers: COOKIE_SESSION })),
    onSuccess: (tokens) => signedIn(tokens),
    onError: (err) => applyProblemToForm(form, err, { label: (name) => labels[name] }),
  });

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
          <NewPasswordFields form={form} labels={{ password: labels.password, confirm: labels.confirm }} />
          {accept.isError && <ProblemAlert error={accept.error} />}
          <Button type="submit" loading={accept.isPending} fullWidth>
            {t('auth.invitation.submit')}
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
