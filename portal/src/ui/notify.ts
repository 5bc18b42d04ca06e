import { notifications } from '@mantine/notifications';

/**
 * A short message at the top of the screen ("Tersimpan"); green unless told otherwise. Its close button
 * is named in the reader's language by the theme (see `app/providers.tsx`).
 */
export function notify(message: string, options: { color?: string; title?: string } = {}): void {
  notifications.show({ message, color: options.color ?? 'teal', title: options.title });
}
