import { Anchor, Button, Card, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconMailForward, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { toProblem } from '../../api/problem';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n';
import { ConflictAlert } from '../../ui/conflict-alert';
import { BackLink } from '../../ui/back-link';
import { applyProblemToForm } from '../../ui/field-problems';
import { formatDateTime } from '../../ui/format';
import { notify } from '../../ui/notify';
import { PageState, ProblemAlert } from '../../ui/problems';
import { adminKeys, fetchUser, ROLES, useUpdateUser, useUser, type Role, type User } from './api';
import { RequirePermission } from './components/guard';
import { OrganizationName } from './components/organization-picker';
import { UserStatusBadge } from './components/user-status';

interface UserValues {
  fullName: string;
  role: string;
}

/** /admin/users/:id: a user's details; change name and role, disable or enable. */
export function UserPage() {
  const { id = '' } = useParams();
  return (
    <RequirePermission permission="users:invite">
      <UserDetail id={id} />
    </RequirePermission>
  );
}

function UserDetail({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const { hasPermission } = useSession();
  const user = useUser(id);
  if (user.isPending || user.isError) return <PageState loading={user.isPending} error={user.error} />;
  const u = user.data;
  const facts: Array<[string, ReactNode]> = [
    [t('admin.users.email'), u.email],
    [t('admin.users.organization'), hasPermission('organizations:manage') ? <Anchor component={Link} to={`/admin/organizations/${u.organizationId}`}><OrganizationName id={u.organizationId} /></Anchor> : <OrganizationName id={u.organizationId} />],
    [t('admin.users.lastLogin'), u.lastLoginAt ? formatDateTime(u.lastLoginAt, lang) : t('admin.users.never')],
    [t('admin.users.createdAt'), formatDateTime(u.createdAt, lang)],
  ];
  return (
    <Stack gap="lg">
      <BackLink to="/admin/users">{t('admin.users.backToList')}</BackLink>
      <div>
        <Group gap="sm" wrap="wrap">
          <Title order={1}>{u.fullName}</Title>
          <UserStatusBadge status={u.status} />
        </Group>
        <Text c="gray.7">{t(`admin.role.${u.role}`)}</Text>
      </div>
      <Card withBorder padding="lg" component="section" aria-labelledby="user-facts-title">
        <Title order={2} size="h3" id="user-facts-title" mb="sm">
          {t('admin.users.detailsTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {facts.map(([label, value]) => (
            <div key={label}>
              <Text size="xs" c="gray.7">
                {label}
              </Text>
              <Text style={{ wordBreak: 'break-word' }}>{value}</Text>
            </div>
          ))}
        </SimpleGrid>
        {u.status === 'invited' && (
          <Text size="sm" c="gray.7" mt="sm">
            {t('admin.users.invitedHint')}
          </Text>
        )}
        {hasPermission('audit:read') && (
          <Group gap="md" mt="sm">
            <Anchor component={Link} to={`/admin/audit?actorUserId=${u.id}`} size="sm">
              {t('admin.users.auditByLink')}
            </Anchor>
            <Anchor component={Link} to={`/admin/audit?entityType=user&entityId=${u.id}`} size="sm">
              {t('admin.users.auditOfLink')}
            </Anchor>
          </Group>
        )}
      </Card>
      <UserForm key={u.id} user={u} />
      {u.status === 'active' && <PasswordResetCard user={u} />}
      <EnableCard user={u} />
    </Stack>
  );
}

function UserForm({ user }: { user: User }) {
  const { t } = useI18n();
  const { hasPermission } = useSession();
  const queryClient = useQueryClient();
  const update = useUpdateUser(user.id);
  const initial: UserValues = { fullName: user.fullName, role: user.role };
  const [basis, setBasis] = useState({ version: user.version, values: initial });
  const [problem, setProblem] = useState<{ error: unknown; rest: ReturnType<typeof applyProblemToForm> } | null>(null);
  const [conflict, setConflict] = useState<{ shown: Array<{ label: string; value: string }>; mine: Partial<UserValues> } | null>(null);
  const form = useForm<UserValues>({ defaultValues: initial });
  const { errors, isSubmitting } = form.formState;
  const labels: Record<keyof UserValues, string> = { fullName: t('admin.users.name'), role: t('admin.users.role') };
  const labelOf = (name: string) => (name in labels ? labels[name as keyof UserValues] : undefined);
  const roles = ROLES.filter((r) => hasPermission('users:manage') || r !== 'admin' || user.role === 'admin');
  // A newer version saved elsewhere on this page (enabled, disabled): take it while nothing is being typed.
  useEffect(() => {
    if (user.version > basis.version && !form.formState.isDirty && !conflict) {
      setBasis({ version: user.version, values: { fullName: user.fullName, role: user.role } });
      form.reset({ fullName: user.fullName, role: user.role });
    }
  }, [user, basis.version, form, conflict]);

  const onSubmit = form.handleSubmit(async (values) => {
    setProblem(null);
    setConflict(null);
    const changed = (Object.keys(labels) as Array<keyof UserValues>).filter((f) => values[f] !== basis.values[f]);
    if (changed.length === 0) {
      notify(t('admin.nothingChanged'), { color: 'gray' });
      return;
    }
    try {
      const body = { version: basis.version, ...(changed.includes('fullName') ? { fullName: values.fullName.trim() } : {}), ...(changed.includes('role') ? { role: values.role as Role } : {}) };
      const saved = await update.mutateAsync(body);
      setBasis({ version: saved.version, values: { fullName: saved.fullName, role: saved.role } });
      form.reset({ fullName: saved.fullName, role: saved.role });
      notify(t('admin.users.saved'));
    } catch (err) {
      const p = toProblem(err);
      if (p.isConflict && p.code === 'stale_version') {
        const fresh = await queryClient.fetchQuery({ queryKey: adminKeys.user(user.id), queryFn: () => fetchUser(user.id), staleTime: 0 });
        setConflict({
          shown: changed.map((f) => ({ label: labels[f], value: f === 'role' ? t(`admin.role.${values.role}`) : values[f] })),
          mine: Object.fromEntries(changed.map((f) => [f, values[f]])),
        });
        setBasis({ version: fresh.version, values: { fullName: fresh.fullName, role: fresh.role } });
        form.reset({ fullName: fresh.fullName, role: fresh.role });
        return;
      }
      setProblem({ error: err, rest: applyProblemToForm(form, err, { label: labelOf }) });
    }
  });

  const reapply = () => {
    if (!conflict) return;
    for (const [field, value] of Object.entries(conflict.mine)) form.setValue(field as keyof UserValues, value, { shouldDirty: true });
    setConflict(null);
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="user-form-title">
      <Title order={2} size="h3" id="user-form-title" mb="md">
        {t('admin.users.editTitle')}
      </Title>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack gap="md">
          {conflict && <ConflictAlert unsaved={conflict.shown} onReapply={reapply} />}
          {problem && <ProblemAlert error={problem.error} extra={problem.rest} labelOf={(f) => labelOf(f) ?? f} />}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={labels.fullName} required {...form.register('fullName')} error={errors.fullName?.message} />
            <NativeSelect
              label={labels.role}
              description={t('admin.invite.roleHint')}
              {...form.register('role')}
              error={errors.role?.message}
              data={roles.map((r) => ({ value: r, label: t(`admin.role.${r}`) }))}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={isSubmitting}>
              {t('admin.users.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function EnableCard({ user }: { user: User }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const update = useUpdateUser(user.id);
  const [error, setError] = useState<unknown>(null);
  const toggle = async () => {
    setError(null);
    try {
      await update.mutateAsync({ version: user.version, disabled: !user.disabled });
      notify(user.disabled ? t('admin.users.enabledDone') : t('admin.users.disabledDone'));
    } catch (err) {
      setError(err);
      if (toProblem(err).isConflict) void queryClient.invalidateQueries({ queryKey: adminKeys.user(user.id) });
    }
  };
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="user-enable-title">
      <Title order={2} size="h3" id="user-enable-title" mb="xs">
        {user.disabled ? t('admin.users.enableTitle') : t('admin.users.disableTitle')}
      </Title>
      <Text size="sm" c="gray.7" mb="md">
        {user.disabled ? t('admin.users.enableHint') : t('admin.users.disableHint')}
      </Text>
      {error !== null && <ProblemAlert error={error} />}
      <Button
        mt={error ? 'sm' : 0}
        variant={user.disabled ? 'filled' : 'outline'}
        color={user.disabled ? 'teal' : 'red'}
        leftSection={user.disabled ? <IconUserCheck size={16} aria-hidden="true" /> : <IconUserOff size={16} aria-hidden="true" />}
        loading={update.isPending}
        onClick={() => void toggle()}
      >
        {user.disabled ? t('admin.users.enable') : t('admin.users.disable')}
      </Button>
    </Card>
  );
}

/** Sends the user a link to choose a new password (one hour, once); the current password stays until it is used. */
function PasswordResetCard({ user }: { user: User }) {
  const { t, lang } = useI18n();
  const send = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/users/{id}/password-reset', { params: { path: { id: user.id } } })),
    onSuccess: (sent) => notify(t('admin.users.resetSent', { email: sent.email, at: formatDateTime(sent.expiresAt, lang) })),
  });
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="user-reset-title">
      <Title order={2} size="h3" id="user-reset-title" mb="xs">
        {t('admin.users.resetTitle')}
      </Title>
      <Text size="sm" c="gray.7" mb="md">
        {t('admin.users.resetHint')}
      </Text>
      {send.isError && <ProblemAlert error={send.error} />}
      <Button mt={send.isError ? 'sm' : 0} variant="default" leftSection={<IconMailForward size={16} aria-hidden="true" />} loading={send.isPending} onClick={() => send.mutate()}>
        {t('admin.users.resetSend')}
      </Button>
    </Card>
  );
}
