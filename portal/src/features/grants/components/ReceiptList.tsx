import { ActionIcon, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { IconCamera, IconDownload, IconFile, IconX } from '@tabler/icons-react';
import { useRef } from 'react';
import { download } from '../../../api/client';
import { useI18n } from '../../../i18n';
import type { Receipt } from '../api';

/** What a receipt upload takes: a photo from the phone's camera or gallery, or a PDF. */
export const RECEIPT_ACCEPT = 'image/*,application/pdf';

/** The receipts of a line: stored ones to download, chosen ones waiting to be uploaded. */
export function ReceiptList({
  receipts,
  pathOf,
  pending = [],
  onRemovePending,
}: {
  receipts: Receipt[];
  pathOf(receipt: Receipt): string;
  pending?: File[];
  onRemovePending?(file: File): void;
}) {
  const { t } = useI18n();
  if (receipts.length === 0 && pending.length === 0) return null;
  return (
    <Stack gap={4}>
      {receipts.map((r) => (
        <Group key={r.id} gap="xs" wrap="nowrap">
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconDownload size={16} aria-hidden="true" />}
            onClick={() => void download(pathOf(r), r.filename)}
            aria-label={t('grants.receipts.download', { name: r.filename })}
            styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
          >
            {r.filename}
          </Button>
        </Group>
      ))}
      {pending.map((f, i) => (
        <Group key={`${f.name}-${i}`} gap="xs" wrap="nowrap">
          <IconFile size={16} aria-hidden="true" />
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {f.name} <Text span size="xs" fw={600} c="gray.8">({t('grants.receipts.waiting')})</Text>
          </Text>
          {onRemovePending && (
            <ActionIcon variant="subtle" color="red" onClick={() => onRemovePending(f)} aria-label={t('grants.receipts.removePending', { name: f.name })}>
              <IconX size={16} />
            </ActionIcon>
          )}
        </Group>
      ))}
    </Stack>
  );
}

/** The button that opens the phone's camera or the file picker for receipts. */
export function AddReceiptButton({ label, onFiles, disabled }: { label: string; onFiles(files: File[]): void; disabled?: boolean }) {
  const reset = useRef<() => void>(null);
  return (
    <FileButton
      resetRef={reset}
      onChange={(files) => {
        if (files.length > 0) onFiles(files);
        // The same photo can be chosen again after it was removed.
        reset.current?.();
      }}
      accept={RECEIPT_ACCEPT}
      multiple
      disabled={disabled}
    >
      {(props) => (
        <Button {...props} variant="outline" leftSection={<IconCamera size={18} aria-hidden="true" />} disabled={disabled}>
          {label}
        </Button>
      )}
    </FileButton>
  );
}
