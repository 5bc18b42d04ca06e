import { Button, Card, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { useI18n } from '../../i18n';
import { BackLink } from '../../ui/back-link';
import { notify } from '../../ui/notify';
import { PageState, ProblemAlert } from '../../ui/problems';

type Preferences = components['schemas']['MailPreferencesResponse'];
type Choice = Preferences['plans'];
const CATEGORIES = ['plans', 'money', 'mentoring', 'mous', 'competitions'] as const;
type Category = (typeof CATEGORIES)[number];
const CHOICES: Choice[] = ['immediately', 'digest', 'off'];
const KEY = ['mail-preferences'] as const;

/** /notifications/email: per kind of news, an e-mail at once, one daily digest, or none; security e-mails always come. */
export function EmailPreferencesPage() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const current = useQuery({ queryKey: KEY, queryFn: () => unwrap(api.GET('/api/v1/auth/me/mail-preferences')) });
  const [values, setValues] = useState<Record<Category, Choice> | null>(null);
  useEffect(() => {
    if (current.data && values === null) setValues(Object.fromEntries(CATEGORIES.map((c) => [c, current.data[c]])) as Record<Category, Choice>);
  }, [current.data, values]);
  const save = useMutation({
    mutationFn: (body: Record<Category, Choice>) => unwrap(api.PUT('/api/v1/auth/me/mail-preferences', { body })),
    onSuccess: (saved) => {
      queryClient.setQueryData(KEY, saved);
      notify(t('notifications.email.saved'));
    },
  });
  if (current.isPending || current.isError || values === null) return <PageState loading={current.isPending || values === null} error={current.error} />;
  return (
    <Stack gap="lg">
      <BackLink to="/notifications">{t('notifications.email.back')}</BackLink>
      <div>
        <Title order={1}>{t('notifications.email.title')}</Title>
        <Text c="gray.7">{t('notifications.email.intro')}</Text>
      </div>
      <Card withBorder padding="lg" component="form" onSubmit={(e) => (e.preventDefault(), save.mutate(values))} aria-labelledby="email-prefs-title">
        <Title order={2} size="h3" id="email-prefs-title" mb="sm">
          {t('notifications.email.formTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {CATEGORIES.map((c) => (
            <NativeSelect
              key={c}
              label={t(`notifications.email.category.${c}`)}
              description={t(`notifications.email.categoryHint.${c}`)}
              value={values[c]}
              onChange={(e) => setValues({ ...values, [c]: e.currentTarget.value as Choice })}
              data={CHOICES.map((v) => ({ value: v, label: t(`notifications.email.choice.${v}`) }))}
            />
          ))}
        </SimpleGrid>
        <Text size="sm" c="gray.7" mt="md">
          {t('notifications.email.security')}
        </Text>
        {save.isError && <ProblemAlert error={save.error} />}
        <Button type="submit" mt="md" loading={save.isPending}>
          {t('notifications.email.save')}
        </Button>
      </Card>
    </Stack>
  );
}
