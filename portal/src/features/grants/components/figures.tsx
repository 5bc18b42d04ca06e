import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Money } from '../../../ui/money';

/** One amount with its label, as a small card. */
export function Figure({ label, value, hint, strong }: { label: string; value: string; hint?: ReactNode; strong?: boolean }) {
  return (
    <Paper withBorder p="sm" radius="md" bg={strong ? 'teal.0' : undefined}>
      <Text size="sm" c="gray.7">
        {label}
      </Text>
      <Text fw={700} size={strong ? 'xl' : 'lg'}>
        <Money value={value} />
      </Text>
      {hint && (
        <Text size="xs" c="gray.7">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

/** Amounts side by side on a wide screen, two by two on a phone. */
export function Figures({ children }: { children: ReactNode }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
      {children}
    </SimpleGrid>
  );
}
