import { notifications } from '@mantine/notifications';
import { useCallback } from 'react';
import { useI18n } from '../../i18n';

/** A short message at the top of the page (its close button named for screen readers). */
export function useNotify() {
  const { t } = useI18n();
  return useCallback(
    (message: string, options: { color?: string; title?: string } = {}) =>
      notifications.show({ message, color: options.color ?? 'teal', title: options.title, closeButtonProps: { 'aria-label': t('common.close') } }),
    [t],
  );
}
