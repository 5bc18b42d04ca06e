import { Table, useMantineTheme, type MantineBreakpoint } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';

/**
 * Rows as a table on a wider screen and as one card per row on a phone, where a wide table would
 * make the reader scroll sideways. Only the one that fits is drawn, known from the first paint (no
 * table flashing on a phone); the table scrolls within its own box below `minWidth`.
 */
export function TableOrCards({ table, cards, minWidth, from = 'sm' }: { table: ReactNode; cards: ReactNode; minWidth: number; from?: MantineBreakpoint }) {
  const theme = useMantineTheme();
  const wide = useMediaQuery(`(min-width: ${theme.breakpoints[from]})`, undefined, { getInitialValueInEffect: false });
  return wide ? <Table.ScrollContainer minWidth={minWidth}>{table}</Table.ScrollContainer> : cards;
}
