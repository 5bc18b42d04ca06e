import { layout, MailTemplate, portalLink, readableDate } from './layout';

/** Rupiah as a person reads it, e.g. "Rp 25.000.000" / "IDR 25,000,000". */
function rupiah(amount: string, lang: 'id' | 'en'): string {
  const digits = BigInt(amount).toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB');
  return lang === 'id' ? `Rp ${digits}` : `IDR ${digits}`;
}

/** The values of a tranche message. */
export interface TrancheRecordedParams {
  grantId: string;
  schoolName: string;
  companyName: string;
  programName: string;
  trancheNumber: number;
  /** Rupiah, a string of digits. */
  amount: string;
  disbursedOn: string;
  transferReference: string;
}

/** The company recorded a tranche paid to the school: check it arrived, then report the spending. */
export const trancheRecordedTemplate: MailTemplate<TrancheRecordedParams> = {
  kind: 'tranche_recorded',
  category: 'money',
  render(p, ctx) {
    const url = portalLink(ctx, `/grants/${p.grantId}`);
    const amount = rupiah(p.amount, ctx.lang);
    const date = readableDate(p.disbursedOn, ctx.lang);
    if (ctx.lang === 'en') {
      return layout(
        {
          subject: `Tranche ${p.trancheNumber} of ${amount} recorded`,
          greeting: 'Hello,',
          paragraphs: [
            `${p.companyName} recorded tranche ${p.trancheNumber} of the ${p.programName} grant to ${p.schoolName}: ${amount}, transferred on ${date} (reference ${p.transferReference}).`,
            'Check that it reached the school account, and report its spending with receipts.',
          ],
          action: { label: 'Open the grant', url },
        },
        'en',
      );
    }
    return layout(
      {
        subject: `Termin ${p.trancheNumber} sebesar ${amount} dicatat`,
        greeting: 'Yth. Bapak/Ibu,',
        paragraphs: [
          `${p.companyName} mencatat termin ${p.trancheNumber} hibah ${p.programName} untuk ${p.schoolName}: ${amount}, ditransfer pada ${date} (referensi ${p.transferReference}).`,
          'Periksa bahwa dana sudah masuk ke rekening sekolah, lalu laporkan penggunaannya beserta kuitansi.',
        ],
        action: { label: 'Buka hibah', url },
      },
      'id',
    );
  },
};

/** The values of a returned expense report. */
export interface ExpenseReportReturnedParams {
  grantId: string;
  reportId: string;
  title: string;
  schoolName: string;
  reviewerName: string;
  reason: string;
}

/** The company returned an expense report for correction, with its reason. */
export const expenseReportReturnedTemplate: MailTemplate<ExpenseReportReturnedParams> = {
  kind: 'expense_report_returned',
  category: 'money',
  render(p, ctx) {
    const url = portalLink(ctx, `/grants/${p.grantId}/reports/${p.reportId}`);
    if (ctx.lang === 'en') {
      return layout(
        {
          subject: `Expense report returned: "${p.title}"`,
          greeting: 'Hello,',
          paragraphs: [`${p.reviewerName} returned the expense report "${p.title}" of ${p.schoolName} for correction:`, p.reason, 'Correct it and submit it again.'],
          action: { label: 'Open the report', url },
        },
        'en',
      );
    }
    return layout(
      {
        subject: `Laporan pengeluaran dikembalikan: "${p.title}"`,
        greeting: 'Yth. Bapak/Ibu,',
        paragraphs: [`${p.reviewerName} mengembalikan laporan pengeluaran "${p.title}" dari ${p.schoolName} untuk diperbaiki:`, p.reason, 'Perbaiki lalu kirim kembali.'],
        action: { label: 'Buka laporan', url },
      },
      'id',
    );
  },
};
