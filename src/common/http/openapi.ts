import type { OpenAPIObject } from '@nestjs/swagger';

/** Every tag an operation uses, declared once with what it groups (the document fails lint otherwise). */
export const API_TAGS: ReadonlyArray<{ name: string; description: string }> = [
  { name: 'auth', description: 'Sign in, refresh and sign out; invitations; the signed-in user.' },
  { name: 'users', description: 'User accounts and invitations of an organisation.' },
  { name: 'organizations', description: 'Schools, companies and offices: profiles, contacts, imports.' },
  { name: 'regions', description: 'Indonesian provinces and regencies/cities.' },
  { name: 'partner-requests', description: "A school's request for an industry partner, and the answers to it." },
  { name: 'partnerships', description: 'Partnerships between a school and a company, with their timelines.' },
  { name: 'mous', description: 'Memoranda of understanding: drafts, signatures, documents, expiry.' },
  { name: 'programs', description: 'CSR programs and their program years.' },
  { name: 'plans', description: "A school's program plan for a year: drafting, review, versions, progress and exports." },
  { name: 'grants', description: 'Stimulus grants: tranches, disbursements, expense reports and receipts.' },
  { name: 'facilities', description: 'In-kind facilities support (sarana prasarana): items, handovers with the signed berita acara, condition checks.' },
  { name: 'mentoring', description: 'Mentoring sessions, their evidence and follow-up actions.' },
  { name: 'trainings', description: 'Trainings and their participants.' },
  { name: 'parent-engagement', description: "A school's work with parents: parenting classes, committee meetings, home visits, communication books and more." },
  { name: 'practices', description: 'The library of good practice across companies: search, writing, proposing and publishing practices, with evidence.' },
  { name: 'learning-events', description: 'Horizontal-learning events: sharing sessions hosted by one school for visiting schools and companies.' },
  { name: 'competitions', description: 'Competitions, their categories and published results.' },
  { name: 'competition entries', description: "Schools' entries to a competition, with evidence." },
  { name: 'competition judging', description: 'Judges, conflicts of interest and scores.' },
  { name: 'reports', description: 'Portfolio, health, region and partnership reports; charts; CSV, XLSX and PDF exports.' },
  { name: 'agenda', description: "What a signed-in user has to do next." },
  { name: 'notifications', description: "A user's notifications." },
  { name: 'audit', description: 'Who changed what, and when.' },
  { name: 'mail', description: 'Outgoing e-mail: the outbox of sent, waiting, kept and failed messages.' },
  { name: 'jobs', description: 'Scheduled jobs, run by hand by an administrator.' },
  { name: 'health', description: 'Liveness and readiness, for operators and load balancers.' },
];

/** Marks an operation that needs no sign-in; replaced by `security: []` in the finished document. */
export const PUBLIC_OPERATION = 'x-jalin-public';

/**
 * Public operations say `security: []` (no sign-in), where the generator would leave them without
 * any security and so under whatever a client assumes by default.
 */
export function markPublicOperations(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item) as Array<Record<string, unknown>>) {
      if (typeof operation !== 'object' || operation === null || !(PUBLIC_OPERATION in operation)) continue;
      delete operation[PUBLIC_OPERATION];
      operation.security = [];
    }
  }
  return document;
}
