import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { User } from '../users/user.entity';
import { Document } from './document.entity';

/** A document with the name of its uploader. */
export type DocumentRow = Document & { uploadedByName: string | null };

/**
 * Reads and writes document rows. Documents carry no scope of their own: the owning module checks
 * that the caller may see the owner record first, and then asks only for that owner's documents.
 */
@Injectable()
export class DocumentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private rows(manager: EntityManager): SelectQueryBuilder<Document> {
    return manager.getRepository(Document).createQueryBuilder('d').leftJoin(User, 'u', 'u.id = d.uploaded_by_user_id').addSelect('u.full_name', 'uploaded_by_name');
  }

  private static merge(raw: Array<Record<string, unknown>>, entities: Document[]): DocumentRow[] {
    return entities.map((e, i) => Object.assign(e, { uploadedByName: (raw[i].uploaded_by_name as string | null) ?? null }));
  }

  /** Inserts one document row and returns its id. */
  async insert(fields: QueryDeepPartialEntity<Document>, manager: EntityManager): Promise<string> {
    const result = await manager.insert(Document, fields);
    return (result.identifiers[0] as { id: string }).id;
  }

  /** One document of an owner record; null when it is missing or belongs to another record. */
  async findOwned(ownerType: string, ownerId: string, id: string, manager: EntityManager = this.dataSource.manager): Promise<DocumentRow | null> {
    const { raw, entities } = await this.rows(manager)
      .where('d.id = :id AND d.owner_type = :ownerType AND d.owner_id = :ownerId', { id, ownerType, ownerId })
      .getRawAndEntities();
    return DocumentsRepository.merge(raw, entities)[0] ?? null;
  }

  /** Every document of an owner record, oldest first. */
  async listOwned(ownerType: string, ownerId: string, manager: EntityManager = this.dataSource.manager): Promise<DocumentRow[]> {
    const { raw, entities } = await this.rows(manager)
      .where('d.owner_type = :ownerType AND d.owner_id = :ownerId', { ownerType, ownerId })
      .orderBy('d.created_at', 'ASC')
      .addOrderBy('d.id', 'ASC')
      .getRawAndEntities();
    return DocumentsRepository.merge(raw, entities);
  }
}
