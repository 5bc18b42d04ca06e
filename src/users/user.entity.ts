import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Lang } from '../common/errors/i18n';
import { Organization } from '../organizations/organization.entity';
import type { Role } from './role';

@Entity('users')
@Check('users_role_check', `"role" IN ('admin', 'csr_officer', 'principal', 'education_officer', 'facilitator', 'judge')`)
@Check('users_email_lower_check', `"email" = lower("email")`)
@Index('users_email_key', ['email'], { unique: true })
@Index('users_organization_idx', ['organizationId', 'email', 'id'])
@Index('users_invitation_key', ['invitationTokenHash'], { unique: true, where: '"invitation_token_hash" IS NOT NULL' })
@Check('users_locale_check', `"locale" IN ('id', 'en')`)
@Check('users_password_or_invitation_check', `"password_hash" IS NOT NULL OR "invitation_token_hash" IS NOT NULL OR "disabled_at" IS NOT NULL`)
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 200 })
  fullName: string;

  @Column({ type: 'varchar', length: 20 })
  role: Role;

  /** Null until an invited user accepts the invitation and chooses a password. */
  @Column({ type: 'text', nullable: true })
  passwordHash: string | null;

  /** SHA-256 of the one-time invitation token; cleared once accepted. */
  @Column({ type: 'char', length: 64, nullable: true })
  invitationTokenHash: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  invitationExpiresAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  invitedByUserId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  /** The language the user reads the portal in, remembered across devices. */
  @Column({ type: 'varchar', length: 2, default: 'id' })
  locale: Lang;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
