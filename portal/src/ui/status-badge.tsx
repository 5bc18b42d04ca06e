import { Badge } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A status as a badge with a coloured dot and dark text (the library's light badges put a mid shade
 * on a pale background, below the contrast minimum; the words carry the meaning, the colour helps).
 */
export function StatusBadge({ color, children }: { color: string; children: ReactNode }) {
  return (
    <Badge color={color} variant="dot" size="lg" tt="none" fw={600} style={{ flexShrink: 0 }}>
      {children}
    </Badge>
  );
}
