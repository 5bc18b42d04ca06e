import { Button, Card, Group, Text, Title } from '@mantine/core';
import { IconFriends } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n';

/** On the school profile: the way to the school's work with parents. */
export function SchoolParentsCard() {
  const { t } = useI18n();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="school-parents-title">
      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <div style={{ flex: '1 1 18rem' }}>
          <Title order={2} size="h3" id="school-parents-title">
            {t('parents.school.title')}
          </Title>
          <Text size="sm" c="gray.7">
            {t('parents.school.intro')}
          </Text>
        </div>
        <Button component={Link} to="/parents" variant="light" leftSection={<IconFriends size={18} aria-hidden="true" />}>
          {t('parents.school.open')}
        </Button>
      </Group>
    </Card>
  );
}
