import { randomBytes } from 'node:crypto';
import type request from 'supertest';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../../src/auth/passwords';
import { Organization } from '../../src/organizations/organization.entity';
import type { OrganizationType } from '../../src/organizations/organization-type';
import type { Role } from '../../src/users/role';
import { User } from '../../src/users/user.entity';

export const PASSWORD = 'a long test passphrase';
let passwordHash: Promise<string> | null = null;

const unique = () => randomBytes(4).toString('hex');
let npsnCounter = Math.floor(Math.random() * 1_000_000);
/** A fresh 8-digit NPSN. */
export const nextNpsn = () => String(10_000_000 + (npsnCounter++ % 89_999_999)).padStart(8, '0');

/** Inserts an organisation of the given type with valid defaults. */
export async function createOrganization(ds: DataSource, type: OrganizationType = 'company', extra: Partial<Organization> = {}): Promise<Organization> {
  const base: Partial<Organization> = { type, name: `${type} ${unique()}` };
  if (type === 'school') Object.assign(base, { npsn: nextNpsn(), schoolLevel: 'SD', regionCode: '63.71' });
  if (type === 'education_office') Object.assign(base, { officeLevel: 'regency', regionCode: '63.71' });
  return ds.getRepository(Organization).save({ ...base, ...extra });
}

const ORG_FOR_ROLE: Record<Role, OrganizationType> = {
  admin: 'other',
  csr_officer: 'company',
  principal: 'school',
  education_officer: 'education_office',
  facilitator: 'facilitator',
  judge: 'other',
};

/** Inserts a user (and an organisation of the right type unless one is given); password is PASSWORD. */
export async function createUser(ds: DataSource, role: Role, extra: Partial<User> & { organization?: Organization } = {}): Promise<User> {
  const { organization, ...fields } = extra;
  const org = organization ?? (await createOrganization(ds, ORG_FOR_ROLE[role]));
  passwordHash ??= hashPassword(PASSWORD);
  return ds.getRepository(User).save({
    email: `${role}.${unique()}@jalin.test`,
    fullName: `Test ${role}`,
    role,
    organizationId: org.id,
    passwordHash: await passwordHash,
    ...fields,
  });
}

/** Signs in through the API and returns the token pair. */
export async function login(http: ReturnType<typeof request>, email: string, password = PASSWORD): Promise<{ accessToken: string; refreshToken: string }> {
  const res = await http.post('/api/v1/auth/login').send({ email, password });
  if (res.status !== 200) throw new Error(`login of ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { accessToken: string; refreshToken: string };
}

/** A user of the given role, signed in: the user and a bearer header value. */
export async function signedIn(ds: DataSource, http: ReturnType<typeof request>, role: Role, extra: Parameters<typeof createUser>[2] = {}) {
  const user = await createUser(ds, role, extra);
  const tokens = await login(http, user.email);
  return { user, ...tokens, auth: `Bearer ${tokens.accessToken}` };
}
