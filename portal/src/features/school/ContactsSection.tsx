import { ActionIcon, Alert, Anchor, Badge, Button, Card, Checkbox, Group, Modal, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconMail, IconPencil, IconPhone, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { toProblem } from '../../api/problem';
import { useI18n } from '../../i18n';
import { applyProblemToForm } from '../../ui/field-problems';
import { notify } from '../../ui/notify';
import { PageState, ProblemAlert } from '../../ui/problems';
import { contactsKey, fetchContacts, useContacts, useRemoveContact, useSaveContact, type Contact, type ContactFields } from './api';

interface ContactValues {
  name: string;
  position: string;
  phone: string;
  email: string;
  isPrimary: boolean;
}

const toValues = (c: Contact | null): ContactValues => ({
  name: c?.name ?? '',
  position: c?.position ?? '',
  phone: c?.phone ?? '',
  email: c?.email ?? '',
  isPrimary: c?.isPrimary ?? false,
});

/** Empty optional fields are left out of a new contact; on a change, emptied ones are cleared. */
function toFields(v: ContactValues, existing: boolean): ContactFields {
  const optional = (s: string) => (s.trim() === '' ? (existing ? (null as unknown as string) : undefined) : s.trim());
  return { name: v.name.trim(), position: optional(v.position), phone: optional(v.phone), email: optional(v.email), isPrimary: v.isPrimary };
}

function ContactForm({ organizationId, contact, onDone }: { organizationId: string; contact: Contact | null; onDone(): void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const save = useSaveContact(organizationId);
  const [current, setCurrent] = useState(contact);
  const [problem, setProblem] = useState<{ error: unknown; rest: ReturnType<typeof applyProblemToForm> } | null>(null);
  const [conflict, setConflict] = useState(false);
  const form = useForm<ContactValues>({ defaultValues: toValues(contact) });
  const { errors, isSubmitting } = form.formState;
  const labels: Record<keyof ContactValues, string> = {
    name: t('school.contacts.name'),
    position: t('school.contacts.position'),
    phone: t('school.contacts.phone'),
    email: t('school.contacts.email'),
    isPrimary: t('school.contacts.isPrimary'),
  };

  const onSubmit = form.handleSubmit(async (values) => {
    setProblem(null);
    setConflict(false);
    try {
      await save.mutateAsync({ id: current?.id, version: current?.version, fields: toFields(values, current !== null) });
      notify(t('school.contacts.saved'));
      onDone();
    } catch (err) {
      if (toProblem(err).isConflict && current) {
        const page = await queryClient.fetchQuery({ queryKey: contactsKey(organizationId), queryFn: () => fetchContacts(organizationId), staleTime: 0 });
        const fresh = page.items.find((c) => c.id === current.id) ?? null;
        if (fresh) {
          setCurrent(fresh);
          form.reset(toValues(fresh));
          setConflict(true);
          return;
        }
      }
      setProblem({ error: err, rest: applyProblemToForm(form, err, { label: (name) => (name in labels ? labels[name as keyof ContactValues] : undefined) }) });
    }
  });

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <Stack gap="sm">
        {conflict && (
          <Alert role="alert" color="red" icon={<IconAlertTriangle size={18} />} title={t('common.problem.conflictTitle')}>
            {t('common.problem.conflictDetail')}
          </Alert>
        )}
        {problem && <ProblemAlert error={problem.error} extra={problem.rest} />}
        <TextInput label={labels.name} required data-autofocus {...form.register('name')} error={errors.name?.message} autoComplete="name" />
        <TextInput label={labels.position} {...form.register('position')} error={errors.position?.message} autoComplete="organization-title" />
        <TextInput label={labels.phone} type="tel" {...form.register('phone')} error={errors.phone?.message} autoComplete="tel" description={t('school.contacts.phoneHint')} />
        <TextInput label={labels.email} type="email" {...form.register('email')} error={errors.email?.message} autoComplete="email" />
        <Checkbox label={labels.isPrimary} description={t('school.contacts.isPrimaryHint')} {...form.register('isPrimary')} />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RemoveContact({ organizationId, contact, onDone }: { organizationId: string; contact: Contact; onDone(): void }) {
  const { t } = useI18n();
  const remove = useRemoveContact(organizationId);
  return (
    <Stack gap="sm">
      <Text>{t('school.contacts.removeQuestion', { name: contact.name })}</Text>
      {remove.error && <ProblemAlert error={remove.error} />}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button
          color="red"
          loading={remove.isPending}
          onClick={() =>
            remove.mutate(contact.id, {
              onSuccess: () => {
                notify(t('school.contacts.removed', { name: contact.name }));
                onDone();
              },
            })
          }
        >
          {t('common.remove')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The organisation's contact people: listed for everyone in it, kept by those who may. */
export function ContactsSection({ organizationId, canManage }: { organizationId: string; canManage: boolean }) {
  const { t } = useI18n();
  const contacts = useContacts(organizationId);
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const [removing, setRemoving] = useState<Contact | null>(null);
  // On a phone the form takes the whole screen: room for the keyboard, nothing half-hidden behind it.
  const phone = useMediaQuery('(max-width: 36em)');
  const items = contacts.data?.items ?? [];

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="contacts-title">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h3" id="contacts-title">
          {t('school.contacts.title')}
        </Title>
        {canManage && (
          <Button variant="light" leftSection={<IconPlus size={18} />} onClick={() => setEditing('new')}>
            {t('school.contacts.add')}
          </Button>
        )}
      </Group>
      {contacts.isPending ? (
        <PageState loading />
      ) : contacts.isError ? (
        <PageState error={contacts.error} />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('school.contacts.none')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((c) => (
            <Card key={c.id} withBorder padding="md" component="li" radius="md">
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                <div style={{ minWidth: 0 }}>
                  <Group gap="xs">
                    <Text fw={600}>{c.name}</Text>
                    {c.isPrimary && (
                      <Badge c="dark.8" size="sm" variant="light">
                        {t('school.contacts.primary')}
                      </Badge>
                    )}
                  </Group>
                  {c.position && (
                    <Text size="sm" c="dimmed">
                      {c.position}
                    </Text>
                  )}
                  {c.phone && (
                    <Group gap={6} mt={6} wrap="nowrap">
                      <IconPhone size={16} aria-hidden="true" />
                      <Anchor href={`tel:${c.phone.replace(/[^\d+]/g, '')}`} size="sm">
                        {c.phone}
                      </Anchor>
                    </Group>
                  )}
                  {c.email && (
                    <Group gap={6} mt={4} wrap="nowrap" style={{ minWidth: 0 }}>
                      <IconMail size={16} aria-hidden="true" />
                      <Anchor href={`mailto:${c.email}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {c.email}
                      </Anchor>
                    </Group>
                  )}
                </div>
                {canManage && (
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon variant="subtle" size="lg" aria-label={t('school.contacts.editNamed', { name: c.name })} onClick={() => setEditing(c)}>
                      <IconPencil size={18} />
                    </ActionIcon>
                    <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('school.contacts.removeNamed', { name: c.name })} onClick={() => setRemoving(c)}>
                      <IconTrash size={18} />
                    </ActionIcon>
                  </Group>
                )}
              </Group>
            </Card>
          ))}
        </SimpleGrid>
      )}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} fullScreen={phone} closeButtonProps={{ 'aria-label': t('common.close') }} title={editing === 'new' ? t('school.contacts.addTitle') : t('school.contacts.editTitle')}>
        {editing !== null && <ContactForm organizationId={organizationId} contact={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      </Modal>
      <Modal opened={removing !== null} onClose={() => setRemoving(null)} closeButtonProps={{ 'aria-label': t('common.close') }} title={t('school.contacts.removeTitle')}>
        {removing && <RemoveContact organizationId={organizationId} contact={removing} onDone={() => setRemoving(null)} />}
      </Modal>
    </Card>
  );
}
