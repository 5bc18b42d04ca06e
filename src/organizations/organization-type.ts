export { ORGANIZATION_TYPES, type OrganizationType } from '../common/auth/organization-type';

/** School levels of the Indonesian system (SD/MI elementary, SMP/MTs junior, SMA/MA/SMK senior, SLB special). */
export const SCHOOL_LEVELS = ['SD', 'MI', 'SMP', 'MTs', 'SMA', 'MA', 'SMK', 'SLB'] as const;
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];

/** An education office works for a province or for a regency/city. */
export const OFFICE_LEVELS = ['province', 'regency'] as const;
export type OfficeLevel = (typeof OFFICE_LEVELS)[number];

/** Region codes follow the national administrative codes: 2 digits a province, 2.2 a regency/city. */
export const REGION_CODE_PATTERN = /^\d{2}(\.\d{2})?$/;
/** A district (kecamatan) code such as 63.71.03. */
export const DISTRICT_CODE_PATTERN = /^\d{2}\.\d{2}\.\d{2}$/;
export const NPSN_PATTERN = /^\d{8}$/;

/** Public (negeri) or private (swasta) school. */
export const SCHOOL_OWNERSHIPS = ['public', 'private'] as const;
export type SchoolOwnership = (typeof SCHOOL_OWNERSHIPS)[number];
