/**
 * Full-text search of the practice library. PostgreSQL has no Indonesian stemmer, so the text is
 * indexed with the `simple` configuration (lower-cased words, no stemming, no stop words) and each
 * word of the query matches as a prefix ("sampah" finds "sampahnya", "baca" finds "bacaan"). Words
 * the full text cannot reach (inside a longer word: "baca" in "membaca") are found by a
 * case-insensitive substring match (ILIKE) on the same three fields. pg_trgm similarity is not used:
 * the embedded PGlite mode that `npm start` runs does not load it.
 */

/**
 * The searched document: title, summary and what was done, as ONE expression that the GIN index
 * `practices_search_idx` (migration 1796500100000) is built on; the query must repeat it exactly for
 * the index to be used.
 */
export const PRACTICE_DOCUMENT_SQL = (p: string) => `to_tsvector('simple'::regconfig, ${p}.title || ' ' || ${p}.summary || ' ' || ${p}.what_was_done)`;

/** The same text weighted for ranking: a word in the title counts more than one in the summary, which counts more than one in the body. */
export const PRACTICE_WEIGHTED_SQL = (p: string) =>
  `setweight(to_tsvector('simple'::regconfig, ${p}.title), 'A') || setweight(to_tsvector('simple'::regconfig, ${p}.summary), 'B') || setweight(to_tsvector('simple'::regconfig, ${p}.what_was_done), 'C')`;

/** Most words of a query that count; the rest are ignored. */
export const MAX_QUERY_WORDS = 8;

/** A parsed query: the tsquery text (every word as a prefix, all required) and the ILIKE pattern of the whole query. */
export interface PracticeQuery {
  tsquery: string;
  like: string;
}

/**
 * Splits a query into words of letters and digits (any script), lower-cased; null when none is left.
 * Only letters and digits reach to_tsquery, so no query can be malformed.
 */
export function parsePracticeQuery(q: string | undefined): PracticeQuery | null {
  if (q === undefined) return null;
  const words = (q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_QUERY_WORDS);
  if (words.length === 0) return null;
  const phrase = words.join(' ');
  return { tsquery: words.map((w) => `${w}:*`).join(' & '), like: `%${phrase.replace(/[\\%_]/g, (c) => `\\${c}`)}%` };
}
