import { Stack, Text, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useI18n } from '../../i18n';
import { BackLink } from '../../ui/back-link';
import { notify } from '../../ui/notify';
import { useRecordActivity } from './api';
import { ActivityForm } from './ActivityForm';

/** /parents/new: the principal records a parent-engagement activity of the school. */
export function NewActivityPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const record = useRecordActivity();
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <BackLink to="/parents">{t('parents.form.back')}</BackLink>
        <Title order={1}>{t('parents.form.newTitle')}</Title>
        <Text c="gray.7">{t('parents.form.newIntro')}</Text>
      </Stack>
      <ActivityForm
        submitLabel={t('parents.form.save')}
        onSave={async (body) => {
          const saved = await record.mutateAsync(body);
          notify(t('parents.form.saved'));
          void navigate(`/parents/${saved.id}`);
          return saved;
        }}
      />
    </Stack>
  );
}
