import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, isAdmin } from '../common/auth/actor';
import { decodeCursor } from '../common/pagination/pagination';
import type { ListUsersQuery } from './dto/list-users.query';
import { User } from './user.entity';

/** Reads and writes users, always inside the caller's scope (admins: all; others: own organisation). */
@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A user the caller may see; null for missing and not-yours alike. */
  findVisible(actor: Actor, id: string, manager: EntityManager = this.dataSource.manager): Promise<User | null> {
    const qb = manager.getRepository(User).createQueryBuilder('u').where('u.id = :id', { id });
    if (!isAdmin(actor)) qb.andWhere('u.organization_id = :org', { org: actor.organizationId });
    return qb.getOne();
  }

  /** A user by sign-in email, with no scope: only for authentication. */
  findByEmail(email: string, manager: EntityManager = this.dataSource.manager): Promise<User | null> {
    return manager.findOne(User, { where: { email: email.trim().toLowerCase() } });
  }

  /** A page of the users the caller may see, sorted by email, in one query. */
  listPage(actor: Actor, query: ListUsersQuery, limit: number): Promise<User[]> {
    const after = decodeCursor(query.cursor, ['string', 'uuid']);
    const qb = this.dataSource.getRepository(User).createQueryBuilder('u');
    if (!isAdmin(actor)) qb.andWhere('u.organization_id = :org', { org: actor.organizationId });
    else if (query.organizationId) qb.andWhere('u.organization_id = :org', { org: query.organizationId });
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (after) qb.andWhere('(u.email, u.id) > (:afterEmail, :afterId)', { afterEmail: after[0], afterId: after[1] });
    return qb.orderBy('u.email', 'ASC').addOrderBy('u.id', 'ASC').limit(limit + 1).getMany();
  }
}
