import { layout, MailTemplate, portalLink, readableDate } from './layout';

/** The values of a password reset message. */
export interface PasswordResetParams {
  fullName: string;
  token: string;
  expiresAt: string;
  /** The name of the administrator or manager who sent the reset; null when the user asked for it. */
  sentBy: string | null;
}

/** A link to choose a new password (the portal's /password-reset page); works once, for an hour. */
export const passwordResetTemplate: MailTemplate<PasswordResetParams> = {
  kind: 'password_reset',
  category: 'security',
  render(p, ctx) {
    const url = portalLink(ctx, `/password-reset?token=${encodeURIComponent(p.token)}`);
    const until = readableDate(p.expiresAt, ctx.lang, true);
    if (ctx.lang === 'en') {
      return layout(
        {
          subject: 'Reset your Jalin password',
          greeting: `Hello ${p.fullName},`,
          paragraphs: [
            p.sentBy ? `${p.sentBy} sent you a link to choose a new password for Jalin.` : 'Someone, probably you, asked to reset the password of your Jalin account.',
            'Open the link to choose a new password. Every device signed in to your account will be signed out.',
          ],
          action: { label: 'Choose a new password', url },
          after: [`The link works once, until ${until}. If you did not ask for this, ignore this email: your password stays as it is.`],
        },
        'en',
      );
    }
    return layout(
      {
        subject: 'Atur ulang kata sandi Jalin Anda',
        greeting: `Yth. ${p.fullName},`,
        paragraphs: [
          p.sentBy ? `${p.sentBy} mengirimkan tautan untuk memilih kata sandi baru akun Jalin Anda.` : 'Seseorang, kemungkinan Anda sendiri, meminta pengaturan ulang kata sandi akun Jalin Anda.',
          'Buka tautan berikut untuk memilih kata sandi baru. Semua perangkat yang sedang masuk ke akun Anda akan dikeluarkan.',
        ],
        action: { label: 'Pilih kata sandi baru', url },
        after: [`Tautan ini hanya berlaku sekali, sampai ${until}. Jika Anda tidak memintanya, abaikan email ini: kata sandi Anda tidak berubah.`],
      },
      'id',
    );
  },
};
