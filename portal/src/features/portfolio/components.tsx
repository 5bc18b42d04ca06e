import { Box, Button, Card, Group, SegmentedControl, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n';
import { notify } from '../../ui/notify';
import { useProblemText } from '../../ui/problems';
import { StatusBadge } from '../../ui/status-badge';
import type { FileLang } from './api';

/**
 * One figure as a tile; with `to`, the whole tile links to the records behind it (its name reads
 * "value label", e.g. "3 Sekolah dalam kohort").
 */
export function FigureTile({ label, value, to, hint, tone }: { label: string; value: ReactNode; to?: string; hint?: string; tone?: 'warn' }) {
  const { t } = useI18n();
  const body = (
    <Stack gap={2}>
      <Text fw={700} size="xl" c={tone === 'warn' ? 'red.9' : undefined} style={{ fontVariantNumeric: 'tabular-nums', overflowWrap: 'anywhere' }}>
        {value}
      </Text>
      <Text size="sm" c="gray.7">
        {label}
      </Text>
      {hint && (
        <Text size="xs" c="gray.7">
          {hint}
        </Text>
      )}
    </Stack>
  );
  return (
    <Card withBorder padding="sm" radius="md" style={tone === 'warn' ? { borderColor: 'var(--mantine-color-red-4)' } : undefined}>
      {to ? (
        <UnstyledButton component={Link} to={to} className="figure-link" style={{ display: 'block', textDecoration: 'none' }}>
          {body}
          <Text size="xs" c="teal.9" td="underline" mt={4} aria-hidden="true">
            {t('portfolio.seeRecords')}
          </Text>
        </UnstyledButton>
      ) : (
        body
      )}
    </Card>
  );
}

/** The language of a downloaded file (the page's language to begin with). */
export function useFileLang(): [FileLang, (l: FileLang) => void] {
  const { lang } = useI18n();
  const [chosen, setChosen] = useState<FileLang | null>(null);
  return [chosen ?? lang, setChosen];
}

export function FileLangSwitch({ value, onChange }: { value: FileLang; onChange: (l: FileLang) => void }) {
  const { t } = useI18n();
  return (
    <div>
      <Text size="sm" fw={500} id="file-lang-label" mb={4}>
        {t('portfolio.download.language')}
      </Text>
      <SegmentedControl
        aria-labelledby="file-lang-label"
        value={value}
        onChange={(v) => onChange(v as FileLang)}
        data={[
          { value: 'id', label: t('portfolio.download.langId') },
          { value: 'en', label: t('portfolio.download.langEn') },
        ]}
      />
    </div>
  );
}

/** A button that downloads a file, shows it is busy, and tells the API's refusal. */
export function DownloadButton({ label, run, disabled, variant = 'default', ariaLabel, size }: { label: string; run: () => Promise<void>; disabled?: boolean; variant?: string; ariaLabel?: string; size?: string }) {
  const [busy, setBusy] = useState(false);
  const text = useProblemText();
  const { t } = useI18n();
  return (
    <Button
      variant={variant}
      aria-label={ariaLabel}
      size={size}
      leftSection={<IconDownload size={16} aria-hidden="true" />}
      loading={busy}
      disabled={disabled}
      onClick={() => {
        setBusy(true);
        run()
          .catch((err: unknown) => {
            const p = text(err);
            notify(p.detail, { color: 'red', title: t('portfolio.download.failed') });
          })
          .finally(() => setBusy(false));
      }}
    >
      {label}
    </Button>
  );
}

const BAND_COLORS: Record<string, string> = { healthy: 'teal', watch: 'yellow', at_risk: 'red' };

export function BandBadge({ band }: { band: string }) {
  const { t } = useI18n();
  return <StatusBadge color={BAND_COLORS[band] ?? 'gray'}>{t(`portfolio.band.${band}`)}</StatusBadge>;
}

/**
 * A wide table that scrolls sideways inside its own box on a narrow screen; the box takes the
 * keyboard focus (named after its content) so it can be scrolled without a mouse.
 */
export function ScrollBox({ label, minWidth, children }: { label: string; minWidth: number; children: ReactNode }) {
  return (
    <Box tabIndex={0} role="region" aria-label={label} style={{ overflowX: 'auto', maxWidth: '100%' }}>
      <Box miw={minWidth}>{children}</Box>
    </Box>
  );
}

/** A section of a report page: a heading (h2) and its content. */
export function Section({ title, id, children, actions }: { title: string; id: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Group justify="space-between" align="flex-end" mb="xs" gap="xs">
        <Text component="h2" id={id} fw={700} size="lg" m={0}>
          {title}
        </Text>
        {actions}
      </Group>
      {children}
    </section>
  );
}
