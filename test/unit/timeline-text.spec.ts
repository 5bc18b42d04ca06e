import { describeResultEvent } from '../../src/competitions/competition-results.source';
import type { ResultEventRow } from '../../src/competitions/competition-results.source';
import { statusChangeTitle } from '../../src/partnerships/timeline/partnership-status.source';
import { dayText, decimalText } from '../../src/partnerships/timeline/timeline-text';
import { sessionTitle } from '../../src/reports/timeline-sources/mentoring.source';
import { planEventTitle } from '../../src/reports/timeline-sources/plans.source';

describe('timeline texts', () => {
  it('writes dates inside Indonesian texts as schools do, and keeps ISO dates in English', () => {
    expect(dayText('2026-12-05', 'id')).toBe('5 Desember 2026');
    expect(dayText('2012-03-10', 'id')).toBe('10 Maret 2012');
    expect(dayText('2026-12-05', 'en')).toBe('2026-12-05');
    expect(decimalText(85.5, 'id')).toBe('85,5');
    expect(decimalText(-0.707, 'id')).toBe('-0,707');
    expect(decimalText(85.5, 'en')).toBe('85.5');
  });

  it('names every status change in both languages, a return from a pause as a resumption', () => {
    expect(statusChangeTitle(null, 'prospective', 'id')).toBe('Kemitraan mulai dirintis');
    expect(statusChangeTitle('prospective', 'active', 'id')).toBe('Kemitraan dimulai');
    expect(statusChangeTitle('paused', 'active', 'id')).toBe('Kemitraan dilanjutkan kembali');
    expect(statusChangeTitle('paused', 'active', 'en')).toBe('Partnership resumed');
    expect(statusChangeTitle('active', 'ended', 'en')).toBe('Partnership ended');
  });

  it('tells a result without an award by its rank, in both languages', () => {
    const row: ResultEventRow = {
      refId: 'r',
      date: '2025-12-10',
      at: '2025-12-10T02:00:00.000Z',
      publishedOn: '2025-12-10',
      competitionTitle: 'Lomba Inovasi 2025',
      level: 'regional',
      categoryName: 'Sekolah ramah anak',
      categorySize: 7,
      rank: 5,
      award: null,
      entryTitle: 'Kantin sehat',
      meanScore: '71.254',
      normalizedScore: '-0.41234',
      judgeCount: 1,
    };
    expect(describeResultEvent(row, 'id')).toEqual({
      title: 'Lomba Inovasi 2025: peringkat 5 dari 7 di kategori Sekolah ramah anak',
      detail: 'Karya "Kantin sehat" (tingkat regional); nilai rata-rata 71,25, skor ternormalisasi -0,412, 1 juri; hasil diumumkan 10 Desember 2025',
    });
    expect(describeResultEvent(row, 'en')).toEqual({
      title: 'Lomba Inovasi 2025: rank 5 of 7 in Sekolah ramah anak',
      detail: 'Entry "Kantin sehat" (regional); mean score 71.25, normalised score -0.412, 1 judge; results published 2025-12-10',
    });
  });

  it('tells each submission of a plan apart: the first, a resubmission after changes were requested, and a revision round', () => {
    const step = (kind: 'plan_submitted' | 'plan_approved' | 'plan_completed', fields: { revision?: number; resubmission?: boolean; late?: boolean } = {}) => ({
      kind,
      year: 2026,
      revision: fields.revision ?? 0,
      resubmission: fields.resubmission ?? false,
      late: fields.late ?? false,
    });
    const told = (lang: 'id' | 'en') =>
      [
        step('plan_submitted', { late: true }),
        step('plan_submitted', { resubmission: true, late: true }),
        step('plan_approved'),
        step('plan_submitted', { revision: 1 }),
        step('plan_submitted', { revision: 1, resubmission: true }),
        step('plan_approved', { revision: 1 }),
        step('plan_completed', { revision: 1 }),
      ].map((r) => planEventTitle(r, lang));
    expect(told('id')).toEqual([
      'Rencana program 2026 dikirim setelah batas waktu',
      'Rencana program 2026 dikirim ulang setelah batas waktu',
      'Rencana program 2026 disetujui',
      'Rencana program 2026 dikirim (revisi 1)',
      'Rencana program 2026 dikirim ulang (revisi 1)',
      'Rencana program 2026 disetujui (revisi 1)',
      'Rencana program 2026 selesai',
    ]);
    expect(told('en')).toEqual([
      'Plan 2026 submitted after the deadline',
      'Plan 2026 resubmitted after the deadline',
      'Plan 2026 approved',
      'Plan 2026 submitted (revision 1)',
      'Plan 2026 resubmitted (revision 1)',
      'Plan 2026 approved (revision 1)',
      'Plan 2026 completed',
    ]);
  });

  it('names the session mode and topic in Indonesian', () => {
    expect(sessionTitle({ mode: 'online', topic: 'school_health_unit', minutes: 45 }, 'id')).toBe('Pendampingan daring tentang UKS (45 menit)');
    expect(sessionTitle({ mode: 'online', topic: 'school_health_unit', minutes: 45 }, 'en')).toBe('Online mentoring on school health unit (45 min)');
  });
});
