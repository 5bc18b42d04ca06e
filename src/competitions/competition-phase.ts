/** draft → open (for entries) → judging → published (results) → closed; forward only. */
export const COMPETITION_PHASES = ['draft', 'open', 'judging', 'published', 'closed'] as const;
export type CompetitionPhase = (typeof COMPETITION_PHASES)[number];

/** A refused step, explained in both languages with what to do instead. */
export interface Refusal {
  en: string;
  id: string;
}

const NEXT: Record<CompetitionPhase, CompetitionPhase | null> = {
  draft: 'open',
  open: 'judging',
  judging: 'published',
  published: 'closed',
  closed: null,
};

const ORDER = 'draft → open → judging → published → closed';

/** The phase a competition moves to next, or null once it is closed. */
export function nextPhase(phase: CompetitionPhase): CompetitionPhase | null {
  return NEXT[phase];
}

/** Whether a competition may move from `from` to `to`: exactly one step forward. */
export function canMovePhase(from: CompetitionPhase, to: CompetitionPhase): boolean {
  return NEXT[from] === to;
}

/** Why a competition cannot move from `from` to `to` (naming the one step it can take), or null when it can. */
export function refusePhaseMove(from: CompetitionPhase, to: CompetitionPhase): Refusal | null {
  if (canMovePhase(from, to)) return null;
  const next = NEXT[from];
  if (next === null) {
    return {
      en: `the competition is closed, the last phase; it cannot move to ${to}`,
      id: `kompetisi sudah ditutup, fase terakhir; tidak dapat berpindah ke ${to}`,
    };
  }
  if (from === to) {
    return { en: `the competition is already in phase ${to}; the next phase is ${next}`, id: `kompetisi sudah berada di fase ${to}; fase berikutnya adalah ${next}` };
  }
  return {
    en: `a competition moves one phase forward at a time (${ORDER}): from ${from} the only next phase is ${next}, not ${to}`,
    id: `kompetisi maju satu fase setiap kali (${ORDER}): dari ${from} satu-satunya fase berikutnya adalah ${next}, bukan ${to}`,
  };
}

/** Title, level, dates, categories and rubric can change only while the competition is a draft. */
export function isEditable(phase: CompetitionPhase): boolean {
  return phase === 'draft';
}

/** The panel, assignments and declared conflicts can change until results are published. */
export function isPanelOpen(phase: CompetitionPhase): boolean {
  return phase === 'draft' || phase === 'open' || phase === 'judging';
}

/** Results are public (to those who may read them) from publication on. */
export function isPublished(phase: CompetitionPhase): boolean {
  return phase === 'published' || phase === 'closed';
}

/** {@link isPublished} as SQL over the competition alias `c`, for queries that read results. */
export function publishedSql(c: string): string {
  return `(${c}.phase IN ('published', 'closed'))`;
}

/** An instant as messages show it: ISO 8601 in UTC, to the second. */
export function formatInstant(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The entry window of a competition. */
export interface EntryWindow {
  phase: CompetitionPhase;
  entriesOpenAt: Date;
  entriesCloseAt: Date;
}

/**
 * Why a school cannot submit or change an entry at `now`, naming the deadline, or null when it can:
 * entries are taken only in phase open, from entries_open_at up to and including entries_close_at.
 */
export function refuseEntryChange(w: EntryWindow, now: Date): Refusal | null {
  const opens = formatInstant(w.entriesOpenAt);
  const closes = formatInstant(w.entriesCloseAt);
  if (w.phase === 'draft') {
    return {
      en: `the competition is not open for entries yet (phase draft); entries are planned from ${opens} to ${closes}, once the CSR officer opens it`,
      id: `kompetisi belum dibuka untuk pendaftaran karya (fase draft); pendaftaran direncanakan dari ${opens} sampai ${closes}, setelah petugas CSR membukanya`,
    };
  }
  if (w.phase === 'open' && now < w.entriesOpenAt) {
    return { en: `entries open at ${opens}; submit between ${opens} and the deadline ${closes}`, id: `pendaftaran karya dibuka pada ${opens}; kirim antara ${opens} dan batas waktu ${closes}` };
  }
  if (w.phase === 'open' && now <= w.entriesCloseAt) return null;
  const why = w.phase === 'open' ? '' : ` and the competition is now in phase ${w.phase}`;
  const mengapa = w.phase === 'open' ? '' : ` dan kompetisi kini berada di fase ${w.phase}`;
  return {
    en: `the entry deadline was ${closes}${why}: entries can no longer be submitted or changed`,
    id: `batas waktu pendaftaran karya adalah ${closes}${mengapa}: karya tidak dapat lagi dikirim atau diubah`,
  };
}

/** The scoring window of a competition. */
export interface ScoringWindow {
  phase: CompetitionPhase;
  judgingEndsAt: Date;
  publishedAt: Date | null;
}

/**
 * Why a judge cannot give or change scores at `now`, or null when they can: only in phase judging,
 * up to and including judging_ends_at. Publication freezes every score.
 */
export function refuseScoring(w: ScoringWindow, now: Date): Refusal | null {
  const ends = formatInstant(w.judgingEndsAt);
  if (w.phase === 'draft' || w.phase === 'open') {
    return {
      en: `judging has not started yet (phase ${w.phase}); scores can be given once the CSR officer moves the competition to judging, until ${ends}`,
      id: `penjurian belum dimulai (fase ${w.phase}); nilai dapat diberikan setelah petugas CSR memindahkan kompetisi ke fase judging, sampai ${ends}`,
    };
  }
  if (w.phase === 'published' || w.phase === 'closed') {
    const on = w.publishedAt ? ` on ${formatInstant(w.publishedAt)}` : '';
    const pada = w.publishedAt ? ` pada ${formatInstant(w.publishedAt)}` : '';
    return {
      en: `the results were published${on}, which froze every score: scores can no longer change`,
      id: `hasil sudah diumumkan${pada}, sehingga semua nilai dibekukan: nilai tidak dapat diubah lagi`,
    };
  }
  if (now > w.judgingEndsAt) {
    return { en: `judging ended at ${ends}: scores can no longer change`, id: `penjurian berakhir pada ${ends}: nilai tidak dapat diubah lagi` };
  }
  return null;
}
