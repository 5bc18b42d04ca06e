import { layout, MailTemplate, portalLink, readableDate } from './layout';

/** The values of a session waiting for the principal's confirmation. */
export interface SessionToConfirmParams {
  sessionId: string;
  schoolName: string;
  facilitatorName: string;
  heldOn: string;
}

/** A facilitator logged a mentoring session at the school: the principal confirms it happened, or disputes it. */
export const sessionToConfirmTemplate: MailTemplate<SessionToConfirmParams> = {
  kind: 'session_to_confirm',
  category: 'mentoring',
  render(p, ctx) {
    const url = portalLink(ctx, `/mentoring/sessions/${p.sessionId}`);
    const date = readableDate(p.heldOn, ctx.lang);
    if (ctx.lang === 'en') {
      return layout(
        {
          subject: `Confirm the mentoring session of ${date}`,
          greeting: 'Hello,',
          paragraphs: [`${p.facilitatorName} logged a mentoring session at ${p.schoolName} on ${date}. Confirm that it took place, or dispute it with a reason.`],
          action: { label: 'Open the session', url },
        },
        'en',
      );
    }
    return layout(
      {
        subject: `Konfirmasi sesi pendampingan ${date}`,
        greeting: 'Yth. Bapak/Ibu,',
        paragraphs: [`${p.facilitatorName} mencatat sesi pendampingan di ${p.schoolName} pada ${date}. Konfirmasi bahwa sesi itu berlangsung, atau sanggah dengan alasan.`],
        action: { label: 'Buka sesi', url },
      },
      'id',
    );
  },
};

/** The values of an overdue follow-up (the same as the in-app notice's, with the session it came from). */
export interface FollowUpOverdueParams {
  sessionId: string;
  description: string;
  schoolName: string;
  facilitatorName: string;
  dueDate: string;
}

/** A follow-up of a mentoring session is past its due date and still open: to its owner. */
export const followUpOverdueTemplate: MailTemplate<FollowUpOverdueParams> = {
  kind: 'follow_up_overdue',
  category: 'mentoring',
  render(p, ctx) {
    const url = portalLink(ctx, `/mentoring/sessions/${p.sessionId}`);
    const date = readableDate(p.dueDate, ctx.lang);
    if (ctx.lang === 'en') {
      return layout(
        {
          subject: `Follow-up overdue since ${date}`,
          greeting: 'Hello,',
          paragraphs: [
            `The follow-up "${p.description}" from the mentoring at ${p.schoolName} (facilitator ${p.facilitatorName}) was due on ${date} and is still open.`,
            'Mark it done, or ask the facilitator to move its due date or drop it.',
          ],
          action: { label: 'Open the session', url },
        },
        'en',
      );
    }
    return layout(
      {
        subject: `Tindak lanjut lewat tenggat sejak ${date}`,
        greeting: 'Yth. Bapak/Ibu,',
        paragraphs: [
          `Tindak lanjut "${p.description}" dari pendampingan di ${p.schoolName} (fasilitator ${p.facilitatorName}) jatuh tempo pada ${date} dan masih terbuka.`,
          'Tandai selesai, atau minta fasilitator mengubah tenggat atau membatalkannya.',
        ],
        action: { label: 'Buka sesi', url },
      },
      'id',
    );
  },
};
