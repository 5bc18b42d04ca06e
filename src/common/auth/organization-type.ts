/**
 * The kinds of party Jalin knows. Kept on the ground floor because every signed-in caller carries
 * one (see Actor); the organisations module re-exports it with the rest of its vocabulary.
 */
export const ORGANIZATION_TYPES = ['company', 'school', 'education_office', 'facilitator', 'other'] as const;
export type OrganizationType = (typeof ORGANIZATION_TYPES)[number];
