import { invitationTemplate, InvitationParams } from './invitation.template';
import type { MailTemplate } from './layout';
import { mouExpiredTemplate, mouExpiringTemplate, MouExpiryParams } from './mou-expiry.templates';
import { passwordResetTemplate, PasswordResetParams } from './password-reset.template';

/**
 * Every kind of message and the values it is made of. A new kind is one template file and one
 * line here; whoever causes it calls MailService.enqueue with the kind and its values.
 */
export interface MailParams {
  invitation: InvitationParams;
  password_reset: PasswordResetParams;
  mou_expiring: MouExpiryParams;
  mou_expired: MouExpiryParams;
}

export type MailKind = keyof MailParams;

export const MAIL_TEMPLATES: { [K in MailKind]: MailTemplate<MailParams[K]> } = {
  invitation: invitationTemplate,
  password_reset: passwordResetTemplate,
  mou_expiring: mouExpiringTemplate,
  mou_expired: mouExpiredTemplate,
};

export const MAIL_KINDS = Object.keys(MAIL_TEMPLATES) as MailKind[];
