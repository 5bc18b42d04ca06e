import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, diffFields } from '../audit/audit.service';
import { Actor, isAdmin } from '../common/auth/actor';
import { updateIfVersion } from '../common/database/optimistic';
import { AppError } from '../common/errors/app-error';
import { DEFAULT_PAGE_SIZE, decodeCursor, Page, PageQueryDto, toPage } from '../common/pagination/pagination';
import { Contact } from './contact.entity';
import { ContactResponse, CreateContactDto, UpdateContactDto } from './dto/contact.dto';
import { Organization } from './organization.entity';

/** Contact people are private to their organisation: everyone else (but admins) gets a 404. */
@Injectable()
export class ContactsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  private async assertOrganizationInScope(actor: Actor, organizationId: string, manager: EntityManager): Promise<void> {
    const visible = isAdmin(actor) ? await manager.exists(Organization, { where: { id: organizationId } }) : organizationId === actor.organizationId;
    if (!visible) throw AppError.notFound('organization', organizationId);
  }

  private async findInScope(actor: Actor, organizationId: string, id: string, manager: EntityManager): Promise<Contact> {
    await this.assertOrganizationInScope(actor, organizationId, manager);
    const contact = await manager.findOne(Contact, { where: { id, organizationId } });
    if (!contact) throw AppError.notFound('contact', id);
    return contact;
  }

  private async unsetOtherPrimary(manager: EntityManager, organizationId: string, keepId: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(Contact)
      .set({ isPrimary: false, version: () => 'version + 1' })
      .where('organization_id = :organizationId AND is_primary AND id <> :keepId', { organizationId, keepId })
      .execute();
  }

  /** The contact people of an organisation, by name. */
  async list(actor: Actor, organizationId: string, query: PageQueryDto): Promise<Page<ContactResponse>> {
    await this.assertOrganizationInScope(actor, organizationId, this.dataSource.manager);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor, ['string', 'uuid']);
    const qb = this.dataSource.getRepository(Contact).createQueryBuilder('c').where('c.organization_id = :organizationId', { organizationId });
    if (after) qb.andWhere('(c.name, c.id) > (:afterName, :afterId)', { afterName: after[0], afterId: after[1] });
    const rows = await qb.orderBy('c.name', 'ASC').addOrderBy('c.id', 'ASC').limit(limit + 1).getMany();
    return toPage(rows, limit, (c) => [c.name, c.id], ContactResponse.from);
  }

  /** Adds a contact person to the caller's organisation (admins: any). */
  async create(actor: Actor, organizationId: string, dto: CreateContactDto): Promise<ContactResponse> {
    return this.dataSource.transaction(async (manager) => {
      await this.assertOrganizationInScope(actor, organizationId, manager);
      const contact = await manager.save(
        manager.create(Contact, {
          organizationId,
          name: dto.name.trim(),
          position: dto.position?.trim() || null,
          phone: dto.phone?.trim() || null,
          email: dto.email || null,
          isPrimary: dto.isPrimary ?? false,
        }),
      );
      if (contact.isPrimary) await this.unsetOtherPrimary(manager, organizationId, contact.id);
      await this.audit.record(manager, actor, { action: 'create', entityType: 'contact', entityId: contact.id, changes: { ...dto, organizationId } });
      return ContactResponse.from(contact);
    });
  }

  /** Changes a contact person, refusing a stale version. */
  async update(actor: Actor, organizationId: string, id: string, dto: UpdateContactDto): Promise<ContactResponse> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.findInScope(actor, organizationId, id, manager);
      const { version, ...fields } = dto;
      const changes: Partial<Contact> = { ...fields };
      if (fields.name) changes.name = fields.name.trim();
      const diff = diffFields(current, changes);
      if (!(await updateIfVersion(manager, Contact, id, version, changes))) {
        throw new AppError('stale_version', { sent: version, current: current.version });
      }
      if (fields.isPrimary) await this.unsetOtherPrimary(manager, organizationId, id);
      await this.audit.record(manager, actor, { action: 'update', entityType: 'contact', entityId: id, changes: diff });
      return ContactResponse.from(await manager.findOneOrFail(Contact, { where: { id } }));
    });
  }

  /** Removes a contact person (nothing else points to contacts). */
  async remove(actor: Actor, organizationId: string, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.findInScope(actor, organizationId, id, manager);
      await manager.delete(Contact, { id });
      await this.audit.record(manager, actor, { action: 'delete', entityType: 'contact', entityId: id, changes: { name: current.name, email: current.email } });
    });
  }
}
