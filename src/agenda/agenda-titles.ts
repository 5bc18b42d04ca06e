import type { Lang } from '../common/errors/i18n';
import type { Role } from '../users/role';
import type { AgendaRow } from './agenda.repository';

const MONTHS: Record<Lang, string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
};

/** A calendar date (YYYY-MM-DD) as people write it: "11 November 2026". */
export function formatDay(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[lang][m - 1]} ${y}`;
}

const MODES: Record<string, Record<Lang, string>> = {
  visit: { en: 'visit', id: 'kunjungan' },
  online: { en: 'online meeting', id: 'pertemuan daring' },
  workshop: { en: 'workshop', id: 'lokakarya' },
  training: { en: 'training', id: 'pelatihan' },
  evaluation: { en: 'evaluation', id: 'evaluasi' },
};

/** Long free text (a follow-up's description) cut to a title's length at a word boundary. */
function short(text: string | null, max = 100): string {
  const t = (text ?? '').replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

const day = (iso: string | null, lang: Lang) => (iso ? formatDay(iso, lang) : '');

/**
 * The line a person reads for an agenda item, in their language: what to do and about which record
 * (the reader's role decides whose follow-up it is). Every kind has a wording in Bahasa Indonesia
 * and English.
 */
export function agendaTitle(r: AgendaRow, lang: Lang, role: Role): string {
  const id = lang === 'id';
  const n = r.groupCount ?? 1;
  switch (r.kind) {
    case 'plan_to_write':
      return id ? `Susun rencana program ${r.year} untuk ${r.programName}` : `Write the ${r.year} program plan for ${r.programName}`;
    case 'plan_to_revise':
      if (r.detail === 'changes_requested') return id ? `Rencana program ${r.year} perlu direvisi` : `The ${r.year} program plan needs revising`;
      if (r.detail === 'unsubmitted') return id ? `Rencana program ${r.year} belum dikirim` : `The ${r.year} program plan is not submitted yet`;
      return id ? `Revisi rencana program ${r.year} belum dikirim` : `The revised ${r.year} program plan is not submitted yet`;
    case 'plan_comments_to_answer':
      return id
        ? `${n} komentar pada rencana program ${r.year} menunggu tanggapan`
        : `${n} comment ${n === 1 ? 'thread' : 'threads'} on the ${r.year} program plan ${n === 1 ? 'awaits' : 'await'} your answer`;
    case 'session_to_confirm': {
      const mode = MODES[r.detail ?? '']?.[lang] ?? r.detail;
      return id
        ? `Konfirmasi sesi pendampingan ${day(r.onDate, lang)} (${mode}) dengan ${r.otherName}`
        : `Confirm the mentoring session of ${day(r.onDate, lang)} (${mode}) with ${r.otherName}`;
    }
    case 'follow_up': {
      const what = short(r.label);
      // A facilitator reads the overdue follow-ups of their schools, theirs and the school's.
      if (role === 'facilitator') {
        return r.detail === 'facilitator'
          ? id ? `Tindak lanjut Anda untuk ${r.schoolName} terlambat: ${what}` : `Your follow-up for ${r.schoolName} is overdue: ${what}`
          : id ? `Tindak lanjut ${r.schoolName} terlambat: ${what}` : `${r.schoolName}'s follow-up is overdue: ${what}`;
      }
      if (r.overdue) return id ? `Tindak lanjut terlambat: ${what}` : `Overdue follow-up: ${what}`;
      return id ? `Tindak lanjut: ${what}` : `Follow-up: ${what}`;
    }
    case 'expense_report_to_write':
      return id
        ? `Buat laporan pengeluaran termin ${r.trancheNumber} hibah ${r.year}`
        : `Write the expense report for tranche ${r.trancheNumber} of the ${r.year} grant`;
    case 'expense_report_draft':
      return id ? `Laporan pengeluaran "${r.label}" masih draf: lengkapi dan kirim` : `The expense report "${r.label}" is still a draft: complete and submit it`;
    case 'expense_report_returned':
      return id ? `Laporan pengeluaran "${r.label}" dikembalikan: perbaiki dan kirim ulang` : `The expense report "${r.label}" was returned: correct it and submit it again`;
    case 'competition_open':
      if (r.detail === 'entered') {
        return id ? `Karya sekolah di ${r.label} masih dapat diubah sampai ${day(r.dueDate, lang)}` : `Your school's entry in ${r.label} can still be changed until ${day(r.dueDate, lang)}`;
      }
      return id ? `Kirim karya untuk ${r.label} paling lambat ${day(r.dueDate, lang)}` : `Submit an entry to ${r.label} by ${day(r.dueDate, lang)}`;
    case 'plan_to_review':
      return id ? `Tinjau rencana program ${r.year} ${r.schoolName}` : `Review the ${r.year} program plan of ${r.schoolName}`;
    case 'expense_report_to_review':
      return id ? `Tinjau laporan pengeluaran "${r.label}" dari ${r.schoolName}` : `Review the expense report "${r.label}" from ${r.schoolName}`;
    case 'mou_expiring':
      return id ? `MoU ${r.label} dengan ${r.schoolName} berakhir ${day(r.dueDate, lang)}` : `MoU ${r.label} with ${r.schoolName} expires on ${day(r.dueDate, lang)}`;
    case 'session_disputed':
      return id
        ? `Sesi ${day(r.onDate, lang)} di ${r.schoolName} disanggah: perbaiki catatannya`
        : `The session of ${day(r.onDate, lang)} at ${r.schoolName} was disputed: correct it`;
    case 'entries_to_score':
      return id ? `${n} karya di ${r.label} menunggu penilaian Anda` : `${n} ${n === 1 ? 'entry' : 'entries'} in ${r.label} ${n === 1 ? 'awaits' : 'await'} your scores`;
    case 'partner_request_to_answer':
      return id
        ? `${r.otherName} meminta rekomendasi ${r.detail} sekolah mitra di ${r.label}`
        : `${r.otherName} asks for ${r.detail} recommended partner ${r.detail === '1' ? 'school' : 'schools'} in ${r.label}`;
  }
}
