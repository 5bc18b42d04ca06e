import type { Role } from '../../users/role';
import { roleName } from '../../common/errors/names';
import { layout, MailTemplate, portalLink, readableDate } from './layout';

/** The values of an invitation: who is invited where, by whom, and the one-time token. */
export interface InvitationParams {
  fullName: string;
  inviterName: string;
  organizationName: string;
  role: Role;
  token: string;
  expiresAt: string;
}

/** An invitation to join Jalin, with the link that accepts it (the portal's /invitation page). */
export const invitationTemplate: MailTemplate<InvitationParams> = {
  kind: 'invitation',
  category: 'security',
  render(p, ctx) {
    const url = portalLink(ctx, `/invitation?token=${encodeURIComponent(p.token)}`);
    const until = readableDate(p.expiresAt, ctx.lang, true);
    if (ctx.lang === 'en') {
      return layout(
        {
          subject: `You are invited to Jalin by ${p.organizationName}`,
          greeting: `Hello ${p.fullName},`,
          paragraphs: [`${p.inviterName} invited you to Jalin as ${roleName(p.role, 'en')} of ${p.organizationName}. Open the link to choose your password and sign in.`],
          action: { label: 'Accept the invitation', url },
          after: [`The link works once, until ${until}. If you did not expect this invitation, ignore this email.`],
        },
        'en',
      );
    }
    return layout(
      {
        subject: `Undangan bergabung di Jalin dari ${p.organizationName}`,
        greeting: `Yth. ${p.fullName},`,
        paragraphs: [`${p.inviterName} mengundang Anda ke Jalin sebagai ${roleName(p.role, 'id')} di ${p.organizationName}. Buka tautan berikut untuk memilih kata sandi dan masuk.`],
        action: { label: 'Terima undangan', url },
        after: [`Tautan ini hanya berlaku sekali, sampai ${until}. Jika Anda tidak merasa diundang, abaikan email ini.`],
      },
      'id',
    );
  },
};
