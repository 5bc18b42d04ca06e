import { layout, MailTemplate, portalLink, readableDate } from './layout';

/** The values of an MoU expiry message (the same as the in-app notice's). */
export interface MouExpiryParams {
  mouId: string;
  number: string;
  title: string;
  schoolName: string;
  expiryDate: string;
  daysLeft?: number;
}

/** An MoU expires in 90, 30 or 7 days (or today): prepare its renewal. */
export const mouExpiringTemplate: MailTemplate<MouExpiryParams> = {
  kind: 'mou_expiring',
  category: 'mous',
  render(p, ctx) {
    const url = portalLink(ctx, `/mous/${p.mouId}`);
    const left = p.daysLeft ?? 0;
    const date = readableDate(p.expiryDate, ctx.lang);
    if (ctx.lang === 'en') {
      const when = left === 0 ? 'today' : left === 1 ? 'tomorrow' : `in ${left} days`;
      return layout(
        {
          subject: `MoU ${p.number} expires ${when}`,
          greeting: 'Hello,',
          paragraphs: [`MoU ${p.number} "${p.title}" with ${p.schoolName} is in force until ${date}. Prepare its renewal in time if the cooperation goes on.`],
          action: { label: 'Open the MoU', url },
        },
        'en',
      );
    }
    const when = left === 0 ? 'hari ini' : left === 1 ? 'besok' : `dalam ${left} hari`;
    return layout(
      {
        subject: `MoU ${p.number} berakhir ${when}`,
        greeting: 'Yth. Bapak/Ibu,',
        paragraphs: [`MoU ${p.number} "${p.title}" dengan ${p.schoolName} berlaku sampai ${date}. Siapkan perpanjangannya tepat waktu jika kerja sama berlanjut.`],
        action: { label: 'Buka MoU', url },
      },
      'id',
    );
  },
};

/** An MoU has expired and is no longer in force. */
export const mouExpiredTemplate: MailTemplate<MouExpiryParams> = {
  kind: 'mou_expired',
  category: 'mous',
  render(p, ctx) {
    const url = portalLink(ctx, `/mous/${p.mouId}`);
    const date = readableDate(p.expiryDate, ctx.lang);
    if (ctx.lang === 'en') {
      return layout(
        {
          subject: `MoU ${p.number} has expired`,
          greeting: 'Hello,',
          paragraphs: [`MoU ${p.number} "${p.title}" with ${p.schoolName} ended on ${date} and is no longer in force. Renew it if the cooperation goes on.`],
          action: { label: 'Open the MoU', url },
        },
        'en',
      );
    }
    return layout(
      {
        subject: `MoU ${p.number} telah berakhir`,
        greeting: 'Yth. Bapak/Ibu,',
        paragraphs: [`MoU ${p.number} "${p.title}" dengan ${p.schoolName} berakhir pada ${date} dan tidak berlaku lagi. Perpanjang jika kerja sama berlanjut.`],
        action: { label: 'Buka MoU', url },
      },
      'id',
    );
  },
};
