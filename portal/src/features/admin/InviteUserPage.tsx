import { Alert, Button, Card, CopyButton, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCheck, IconCopy, IconMailForward } from '@tabler/icons-react';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n';
import { BackLink } from '../../ui/back-link';
import { applyProblemToForm } from '../../ui/field-problems';
import { formatDateTime } from '../../ui/format';
import { ProblemAlert } from '../../ui/problems';
import { invitationLink, ROLES, useInviteUser, type CreatedUser, type CreateUserBody, type Role } from './api';
import { RequirePermission } from './components/guard';
import { OrganizationName, OrganizationPicker } from './components/organization-picker';

interface InviteValues {
  organizationId: string;
  email: string;
  fullName: string;
  role: string;
}

/** /admin/users/new: invites a person; the answer's one-time link is shown to copy (there is no e-mail yet). */
export function InviteUserPage() {
  return (
    <RequirePermission permission="users:invite">
      <InviteUser />
    </RequirePermission>
  );
}

function InviteUser() {
  const { t } = useI18n();
  const { me, hasPermission } = useSession();
  const isAdmin = hasPermission('users:manage');
  const [params] = useSearchParams();
  const invite = useInviteUser();
  const [created, setCreated] = useState<CreatedUser | null>(null);
  const [problem, setProblem] = useState<{ error: unknown; rest: ReturnType<typeof applyProblemToForm> } | null>(null);
  const defaults: InviteValues = { organizationId: isAdmin ? (params.get('organizationId') ?? '') : (me?.organization.id ?? ''), email: '', fullName: '', role: '' };
  const form = useForm<InviteValues>({ defaultValues: defaults });
  const { errors, isSubmitting } = form.formState;
  const labels: Record<keyof InviteValues, string> = {
    organizationId: t('admin.users.organization'),
    email: t('admin.users.email'),
    fullName: t('admin.users.name'),
    role: t('admin.users.role'),
  };
  const labelOf = (name: string) => (name in labels ? labels[name as keyof InviteValues] : undefined);
  const roles = ROLES.filter((r) => isAdmin || r !== 'admin');

  const onSubmit = form.handleSubmit(async (values) => {
    setProblem(null);
    try {
      const body: CreateUserBody = { organizationId: values.organizationId, email: values.email.trim(), fullName: values.fullName.trim(), role: values.role as Role };
      setCreated(await invite.mutateAsync(body));
    } catch (err) {
      setProblem({ error: err, rest: applyProblemToForm(form, err, { label: labelOf }) });
    }
  });

  return (
    <Stack gap="lg">
      <BackLink to="/admin/users">{t('admin.users.backToList')}</BackLink>
      <div>
        <Title order={1}>{t('admin.invite.title')}</Title>
        <Text c="gray.7">{t('admin.invite.intro')}</Text>
      </div>
      {created ? (
        <Invitation user={created} onAnother={() => (setCreated(null), form.reset(defaults))} />
      ) : (
        <Card withBorder padding="lg" component="section" aria-labelledby="invite-form-title">
          <Title order={2} size="h3" id="invite-form-title" mb="md">
            {t('admin.invite.formTitle')}
          </Title>
          <form onSubmit={(e) => void onSubmit(e)} noValidate>
            <Stack gap="md">
              {problem && <ProblemAlert error={problem.error} extra={problem.rest} labelOf={(f) => labelOf(f) ?? f} />}
              {isAdmin ? (
                <Controller
                  control={form.control}
                  name="organizationId"
                  rules={{ required: t('admin.invite.pickOrganization') }}
                  render={({ field }) => <OrganizationPicker label={labels.organizationId} required value={field.value} onChange={field.onChange} error={errors.organizationId?.message} />}
                />
              ) : (
                <Text size="sm">
                  {labels.organizationId}: <strong>{me?.organization.name}</strong>
                </Text>
              )}
              <TextInput label={labels.fullName} required {...form.register('fullName')} error={errors.fullName?.message} />
              <TextInput label={labels.email} type="email" required {...form.register('email')} error={errors.email?.message} />
              <NativeSelect
                label={labels.role}
                required
                description={t('admin.invite.roleHint')}
                {...form.register('role', { required: t('admin.invite.pickRole') })}
                error={errors.role?.message}
                data={[{ value: '', label: t('admin.invite.chooseRole') }, ...roles.map((r) => ({ value: r, label: t(`admin.role.${r}`) }))]}
              />
              <Group justify="flex-end">
                <Button type="submit" loading={isSubmitting} leftSection={<IconMailForward size={16} aria-hidden="true" />}>
                  {t('admin.invite.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
      )}
    </Stack>
  );
}

function Invitation({ user, onAnother }: { user: CreatedUser; onAnother(): void }) {
  const { t, lang } = useI18n();
  const link = user.invitation ? invitationLink(user.invitation.token) : null;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="invitation-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="invitation-title">
          {t('admin.invite.doneTitle')}
        </Title>
        <Alert color="teal" icon={<IconCheck size={18} />} title={t('admin.invite.done', { name: user.fullName })}>
          <Text size="sm">
            {user.email} · {t(`admin.role.${user.role}`)} · <OrganizationName id={user.organizationId} />
          </Text>
        </Alert>
        {link && user.invitation && (
          <>
            <Text size="sm">{t('admin.invite.copyHint')}</Text>
            <Group align="flex-end" wrap="nowrap" gap="xs">
              <TextInput style={{ flex: 1 }} label={t('admin.invite.link')} value={link} readOnly onFocus={(e) => e.currentTarget.select()} />
              <CopyButton value={link}>
                {({ copied, copy }) => (
                  <Button variant={copied ? 'filled' : 'default'} color={copied ? 'teal' : undefined} onClick={copy} leftSection={copied ? <IconCheck size={16} aria-hidden="true" /> : <IconCopy size={16} aria-hidden="true" />}>
                    {copied ? t('admin.invite.copied') : t('admin.invite.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Text size="sm" c="gray.7">
              {t('admin.invite.expires', { date: formatDateTime(user.invitation.expiresAt, lang) })}
            </Text>
          </>
        )}
        <Group>
          <Button component={Link} to={`/admin/users/${user.id}`} variant="default">
            {t('admin.invite.openUser')}
          </Button>
          <Button variant="subtle" onClick={onAnother}>
            {t('admin.invite.another')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
