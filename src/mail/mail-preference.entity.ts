import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { User } from '../users/user.entity';

/** How a user wants the messages of one category: sent at once, gathered in a daily digest, or not at all. */
export const MAIL_DELIVERIES = ['immediately', 'digest', 'off'] as const;
export type MailDelivery = (typeof MAIL_DELIVERIES)[number];

/**
 * A user's choice for one category of e-mail. No row means `immediately`; security messages
 * (invitations, password resets) have no category a user can choose about.
 */
@Entity('mail_preferences')
@Check('mail_preferences_category_check', `"category" IN ('plans', 'money', 'mentoring', 'mous', 'competitions')`)
@Check('mail_preferences_delivery_check', `"delivery" IN ('immediately', 'digest', 'off')`)
export class MailPreference {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @PrimaryColumn({ type: 'varchar', length: 20 })
  category: string;

  @Column({ type: 'varchar', length: 12 })
  delivery: MailDelivery;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
