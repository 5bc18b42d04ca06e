import { Inject, Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/auth/actor';
import { AppError } from '../common/errors/app-error';
import { AppLogger } from '../common/logging/logger';
import { attachmentDisposition, DOCUMENT_CONTENT_TYPES, safeFilename, sniffContentType } from './content-type';
import { DOCUMENT_STORAGE, DocumentNotStoredError, storageUnavailable } from './document-storage';
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
   * Records an uploaded file (present, and a PDF, PNG or JPEG by its content) with its SHA-256, size
   * and uploader and an audit line in one transaction. The streaming upload has already put the
   * bytes in the storage under a new random key, so a storage that refused them never gets here;
   * a refused content or a failed recording removes the bytes again, and a recorded file is marked
   * claimed so the upload keeps it.
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
    const contentType = sniffContentType(file.head);
    if (contentType === null) {
      await this.storage.delete(file.storageKey);
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
      sizeBytes: String(file.size),
      sha256: file.sha256,
      storageKey: file.storageKey,
      uploadedByUserId: actor.userId,
    };
    try {
      const recorded = await this.dataSource.transaction(async (manager) => {
        const id = await this.documents.insert(fields, manager);
        const { storageKey: _key, ...facts } = fields;
        await this.audit.record(manager, actor, { action: 'create', entityType: 'document', entityId: id, changes: facts });
        return DocumentResponse.from((await this.documents.findOwned(owner.type, owner.id, id, manager)) as DocumentRow);
      });
      file.claimed = true;
      return recorded;
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
   * cannot download it either way, and the operators are told by an error in the log. A storage
   * that does not answer is a 503 storage_unavailable.
   */
  async open(owner: DocumentOwner, documentId: string): Promise<DocumentDownload> {
    const row = await this.documents.findOwned(owner.type, owner.id, documentId);
    if (!row) throw AppError.notFound('document', documentId);
    let stream: Readable;
    try {
      stream = await this.storage.get(row.storageKey);
    } catch (err) {
      if (!(err instanceof DocumentNotStoredError)) {
        this.logger.error({ msg: 'the document storage did not answer a download', documentId, storageKey: row.storageKey, error: err instanceof Error ? err.message : String(err) });
        throw storageUnavailable();
      }
      this.logger.error({ msg: 'document bytes missing from the document storage', documentId, ownerType: owner.type, ownerId: owner.id, storageKey: row.storageKey });
      throw AppError.notFound('document', documentId);
    }
    return { document: DocumentResponse.from(row), disposition: attachmentDisposition(row.filename), stream };
  }
}
