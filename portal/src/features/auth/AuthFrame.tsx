import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '../../app/layout';
import { useI18n } from '../../i18n';

/** The frame of the pages before sign-in: the name, the language switch and one card. */
export function AuthFrame({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Box mih="100vh" bg="gray.0" py="xl" px="md">
      <Center>
        <Stack w="100%" maw={420} gap="lg">
          <Group justify="space-between">
            <Group gap={8}>
              <img src="/favicon.svg" alt="" width={36} height={36} />
              <div>
                <Text fw={700} size="xl" c="teal.9" lh={1.1}>
                  {t('common.appName')}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('common.tagline')}
                </Text>
              </div>
            </Group>
            <LanguageSwitch />
          </Group>
          <Paper withBorder shadow="sm" p="lg" radius="md" component="main">
            <Title order={1} size="h2" mb="md">
              {title}
            </Title>
            {children}
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}
