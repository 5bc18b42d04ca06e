import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/auth/actor';
import { AppError } from '../common/errors/app-error';
import { AppLogger } from '../common/logging/logger';
import { attachmentDisposition, DOCUMENT_CONTENT_TYPES, safeFilename, sniffContentType } from './content-type';
import { DOCUMENT_STORAGE, DocumentNotStoredError } from './document-storage';
import type { DocumentStorage } from './document-storage';
import { DOCUMENT_FILE_FIELD } from './document-upload.interceptor';
import type { UploadedDocument } from './document-upload.interceptor';
import { DocumentRow, DocumentsRepository } from './documents.repository';
import { DocumentResponse } from './dto/document.response';

/** The record a document belongs to, e.g. `{ type: 'mou', id }`. */
export interface DocumentOwner {
  type: string;
  id: string;
}

/** A document ready to be sent: its description, headers and a stream of its bytes. */
export interface DocumentDownload {
  document: DocumentResponse;
  disposition: string;
  stream: Readable;
}

const ACCEPTED = DOCUMENT_CONTENT_TYPES.join(', ');

/**
 * Stores uploaded files for any record (MoUs now; plan evidence and expense receipts later) and
 * streams them back. The owning module decides who may attach to or read its record; this service
 * checks the file itself, keeps its bytes in the DocumentStorage and its facts in `documents`.
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly documents: DocumentsRepository,
    private readonly audit: AuditService,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
    private readonly logger: AppLogger,
  ) {}

  /**
   * Checks an uploaded file (present, and a PDF, PNG or JPEG by its content), stores its bytes under
   * a new random key, then records it (SHA-256, size, uploader) with an audit line in one
   * transaction. The bytes are written first, so a storage that refuses them leaves no row; if
   * recording fails the bytes are removed again.
   */
  async store(actor: Actor, owner: DocumentOwner, kind: string, file: UploadedDocument | undefined): Promise<DocumentResponse> {
    if (!file) {
      throw AppError.field(
        DOCUMENT_FILE_FIELD,
        'required',
        `file is required: send it as multipart/form-data in the form field "${DOCUMENT_FILE_FIELD}"`,
        `file wajib diisi: kirim sebagai multipart/form-data di isian formulir "${DOCUMENT_FILE_FIELD}"`,
      );
    }
    const contentType = sniffContentType(file.buffer);
    if (contentType === null) {
      throw AppError.refused(
        DOCUMENT_FILE_FIELD,
        'unsupported_content_type',
        `file must be a PDF, PNG or JPEG (${ACCEPTED}); the content of this file is none of these, whatever its name or declared type says. Scan or export it as PDF and upload again`,
        `file harus berupa PDF, PNG, atau JPEG (${ACCEPTED}); isi berkas ini bukan salah satunya, apa pun nama atau jenis yang dinyatakan. Pindai atau ekspor sebagai PDF lalu unggah lagi`,
      );
    }
    const fields = {
      ownerType: owner.type,
      ownerId: owner.id,
      kind,
      filename: safeFilename(file.originalname, contentType),
      contentType,
      sizeBytes: String(file.buffer.length),
      sha256: createHash('sha256').update(file.buffer).digest('hex'),
      storageKey: randomUUID(),
      uploadedByUserId: actor.userId,
    };
    await this.storage.put(fields.storageKey, file.buffer);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const id = await this.documents.insert(fields, manager);
        const { storageKey: _key, ...facts } = fields;
        await this.audit.record(manager, actor, { action: 'create', entityType: 'document', entityId: id, changes: facts });
        return DocumentResponse.from((await this.documents.findOwned(owner.type, owner.id, id, manager)) as DocumentRow);
      });
    } catch (err) {
      await this.storage.delete(fields.storageKey);
      throw err;
    }
  }

  /** Every document of a record, oldest first; the caller has already checked the record is visible. */
  async listFor(owner: DocumentOwner, manager?: EntityManager): Promise<DocumentResponse[]> {
    return (await this.documents.listOwned(owner.type, owner.id, manager)).map(DocumentResponse.from);
  }

  /**
   * One document of a record with a stream of its bytes; another record's document is a 404. So is
   * a document whose bytes are gone from the storage (lost or deleted outside Jalin): the caller
   * cannot download it either way, and the operators are told by an error in the log.
   */
  async open(owner: DocumentOwner, documentId: string): Promise<DocumentDownload> {
    const row = await this.documents.findOwned(owner.type, owner.id, documentId);
    if (!row) throw AppError.notFound('document', documentId);
    let stream: Readable;
    try {
      stream = await this.storage.get(row.storageKey);
    } catch (err) {
      if (!(err instanceof DocumentNotStoredError)) throw err;
      this.logger.error({ msg: 'document bytes missing from the document storage', documentId, ownerType: owner.type, ownerId: owner.id, storageKey: row.storageKey });
      throw AppError.notFound('document', documentId);
    }
    return { document: DocumentResponse.from(row), disposition: attachmentDisposition(row.filename), stream };
  }
}
