import { layout, MailTemplate, portalLink, readableDate } from './layout';

/** The values of a "your password was changed" notice. */
export interface PasswordChangedParams {
  fullName: string;
  /** When it was changed (ISO 8601). */
  changedAt: string;
  /** The administrator or manager who set it; null when the user chose it through a reset link. */
  changedBy: string | null;
}

/**
 * Tells a user their password was just changed, so a change they did not make does not go unseen:
 * who changed it and when, that every device was signed out, and the way back in if it was not them.
 */
export const passwordChangedTemplate: MailTemplate<PasswordChangedParams> = {
  kind: 'password_changed',
  category: 'security',
  render(p, ctx) {
    const resetUrl = portalLink(ctx, '/password-reset');
    const at = readableDate(p.changedAt, ctx.lang, true);
    if (ctx.lang === 'en') {
      return layout(
        {
          subject: 'Your Jalin password was changed',
          greeting: `Hello ${p.fullName},`,
          paragraphs: [
            p.changedBy ? `${p.changedBy} set a new password for your Jalin account on ${at}.` : `The password of your Jalin account was changed with a reset link on ${at}.`,
            'Every device that was signed in to your account has been signed out; sign in again with the new password.',
          ],
          action: { label: 'I did not do this: reset my password', url: resetUrl },
          after: ['If you did not change it or ask for it, reset your password with the link above at once and tell your administrator.'],
        },
        'en',
      );
    }
    return layout(
      {
        subject: 'Kata sandi Jalin Anda telah diubah',
        greeting: `Yth. ${p.fullName},`,
        paragraphs: [
          p.changedBy ? `${p.changedBy} menetapkan kata sandi baru untuk akun Jalin Anda pada ${at}.` : `Kata sandi akun Jalin Anda diubah melalui tautan atur ulang pada ${at}.`,
          'Semua perangkat yang sedang masuk ke akun Anda telah dikeluarkan; masuk lagi dengan kata sandi baru.',
        ],
        action: { label: 'Bukan saya: atur ulang kata sandi', url: resetUrl },
        after: ['Jika Anda tidak mengubah atau memintanya, segera atur ulang kata sandi melalui tautan di atas dan beri tahu administrator Anda.'],
      },
      'id',
    );
  },
};
