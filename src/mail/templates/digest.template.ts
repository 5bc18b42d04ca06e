import { layout, MailTemplate, portalLink, readableDate } from './layout';

/** The values of a daily digest: the day, and the messages gathered since the last one (subject and link, already in the user's language). */
export interface DigestParams {
  day: string;
  items: Array<{ subject: string; url: string }>;
}

/** One e-mail a day listing the messages of the categories a user gathers in a digest. */
export const digestTemplate: MailTemplate<DigestParams> = {
  kind: 'daily_digest',
  category: 'digest',
  render(p, ctx) {
    const url = portalLink(ctx, '/notifications');
    const date = readableDate(p.day, ctx.lang);
    const links = p.items.map((i) => ({ label: i.subject, url: i.url }));
    if (ctx.lang === 'en') {
      return layout(
        {
          subject: `Jalin daily digest, ${date}: ${p.items.length} update${p.items.length === 1 ? '' : 's'}`,
          greeting: 'Hello,',
          paragraphs: [`What happened in Jalin since your last digest (${p.items.length}):`],
          links,
          action: { label: 'Open your notifications', url },
        },
        'en',
      );
    }
    return layout(
      {
        subject: `Ringkasan harian Jalin, ${date}: ${p.items.length} kabar`,
        greeting: 'Yth. Bapak/Ibu,',
        paragraphs: [`Yang terjadi di Jalin sejak ringkasan terakhir Anda (${p.items.length}):`],
        links,
        action: { label: 'Buka notifikasi Anda', url },
      },
      'id',
    );
  },
};
