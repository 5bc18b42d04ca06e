import { Alert, Button, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useI18n } from '../i18n';

/** One of the person's values the server did not take, by its field's label. */
export interface UnsavedValue {
  label: string;
  value: string;
}

/**
 * "Someone changed this" (a 409): the newer values are already in the form; the person's own
 * unsaved values are listed, with one button to put them back on top of the newer version.
 */
export function ConflictAlert({ unsaved = [], onReapply }: { unsaved?: UnsavedValue[]; onReapply?: () => void }) {
  const { t } = useI18n();
  return (
    <Alert role="alert" color="red" icon={<IconAlertTriangle size={18} />} title={t('common.problem.conflictTitle')}>
      <Text size="sm">{t('common.problem.conflictDetail')}</Text>
      {unsaved.length > 0 && (
        <>
          <Text size="sm" fw={600} mt="xs">
            {t('common.problem.yourUnsaved')}
          </Text>
          <ul style={{ margin: '0.25rem 0 0', paddingLeft: '1.2rem' }}>
            {unsaved.map((c) => (
              <li key={c.label}>
                <Text size="sm">
                  {c.label}: {c.value}
                </Text>
              </li>
            ))}
          </ul>
        </>
      )}
      {onReapply && (
        <Button size="xs" variant="default" mt="xs" onClick={onReapply}>
          {t('common.problem.reapply')}
        </Button>
      )}
    </Alert>
  );
}
