import { notifications } from '@mantine/notifications';
import { useCallback } from 'react';
import { useI18n } from '../i18n';

/** A short confirmation ("Tersimpan") at the top of the screen, with a named close button. */
export function useNotify(): (message: string, color?: string) => void {
  const { t } = useI18n();
  return useCallback((message: string, color = 'teal') => void notifications.show({ message, color, closeButtonProps: { 'aria-label': t('common.close') } }), [t]);
}
