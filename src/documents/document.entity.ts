import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A stored file (a signed MoU, an annex, later receipts and evidence), attached to one record.
 * The bytes live in the document storage; this row keeps what is needed to trust them.
 */
@Entity('documents')
@Check('documents_size_check', `"size_bytes" > 0`)
@Check('documents_content_type_check', `"content_type" IN ('application/pdf', 'image/png', 'image/jpeg')`)
@Index('documents_owner_idx', ['ownerType', 'ownerId', 'createdAt'])
@Index('documents_storage_key', ['storageKey'], { unique: true })
export class Document {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** What the file belongs to, e.g. "mou". */
  @Column({ type: 'varchar', length: 40 })
  ownerType: string;

  @Column({ type: 'uuid' })
  ownerId: string;

  /** What the file is, e.g. "signed_mou", "annex". */
  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'varchar', length: 255 })
  filename: string;

  /** Sniffed from the content, never taken from the name or the client's header. */
  @Column({ type: 'varchar', length: 40 })
  contentType: string;

  @Column({ type: 'bigint' })
  sizeBytes: string;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'varchar', length: 200 })
  storageKey: string;

  @Column({ type: 'uuid' })
  uploadedByUserId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
