import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Organization } from '../organizations/organization.entity';
import { Program } from './program.entity';

/** A facilitator organisation that works in a program (Edukasi 101 in Generasi Trakindo). */
@Entity('program_facilitators')
@Index('program_facilitators_facilitator_idx', ['facilitatorId'])
export class ProgramFacilitator {
  @PrimaryColumn({ type: 'uuid' })
  programId: string;

  @PrimaryColumn({ type: 'uuid' })
  facilitatorId: string;

  @ManyToOne(() => Program, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: Program;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'facilitator_id' })
  facilitator?: Organization;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
