import { layout, MailTemplate, portalLink } from './layout';

/** The values of published competition results. */
export interface CompetitionResultsParams {
  competitionId: string;
  title: string;
  companyName: string;
  year: number;
}

/** A competition's results are published: to the principals of the schools with entries. */
export const competitionResultsPublishedTemplate: MailTemplate<CompetitionResultsParams> = {
  kind: 'competition_results_published',
  category: 'competitions',
  render(p, ctx) {
    const url = portalLink(ctx, `/competitions/${p.competitionId}`);
    if (ctx.lang === 'en') {
      return layout(
        {
          subject: `Results published: ${p.title}`,
          greeting: 'Hello,',
          paragraphs: [`${p.companyName} published the results of the competition "${p.title}" (${p.year}), in which your school has entries. See the ranking and your entries' scores.`],
          action: { label: 'See the results', url },
        },
        'en',
      );
    }
    return layout(
      {
        subject: `Hasil diumumkan: ${p.title}`,
        greeting: 'Yth. Bapak/Ibu,',
        paragraphs: [`${p.companyName} mengumumkan hasil kompetisi "${p.title}" (${p.year}) yang diikuti sekolah Anda. Lihat peringkat dan nilai karya sekolah Anda.`],
        action: { label: 'Lihat hasil', url },
      },
      'id',
    );
  },
};
