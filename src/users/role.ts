/** The roles a user can hold; each belongs to one kind of organisation (admin to any). */
export const ROLES = ['admin', 'csr_officer', 'principal', 'education_officer', 'facilitator', 'judge'] as const;
export type Role = (typeof ROLES)[number];
