import { ApiProperty } from '@nestjs/swagger';
import { DOCUMENT_CONTENT_TYPES } from '../content-type';
import type { DocumentContentType } from '../content-type';
import type { DocumentRow } from '../documents.repository';

/** Who uploaded a document. */
export class DocumentUploaderResponse {
  @ApiProperty({ example: '3f2a6c1e-8d4b-4c5e-9a7b-1e2d3c4b5a69' })
  id: string;

  @ApiProperty({ nullable: true, type: String, example: 'Rina Marlina (CSR Officer, PT Trakindo Utama)' })
  fullName: string | null;
}

/** A stored file attached to a record: what is needed to trust it, never where it is kept. */
export class DocumentResponse {
  @ApiProperty({ example: '5c1f0a9e-2b7d-4e3a-8c6f-1d2e3f4a5b6c' })
  id: string;

  @ApiProperty({ example: 'signed_mou', description: 'What the file is for its record, e.g. signed_mou or annex for an MoU.' })
  kind: string;

  @ApiProperty({ example: 'MoU 2024-2027 signed.pdf', description: "The uploaded name, made safe (no folders or control characters; an extension that fits the content). Only a label: the bytes are stored under a random key." })
  filename: string;

  @ApiProperty({ enum: DOCUMENT_CONTENT_TYPES, example: 'application/pdf', description: "Sniffed from the file's first bytes, never taken from its name or the client's header." })
  contentType: DocumentContentType;

  @ApiProperty({ example: 482133 })
  sizeBytes: number;

  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', description: 'SHA-256 of the bytes, hex: compare it with a copy to prove it is the same file.' })
  sha256: string;

  @ApiProperty({ type: DocumentUploaderResponse })
  uploadedBy: DocumentUploaderResponse;

  @ApiProperty({ example: '2024-03-12T03:15:00.000Z' })
  createdAt: string;

  static from(this: void, d: DocumentRow): DocumentResponse {
    return {
      id: d.id,
      kind: d.kind,
      filename: d.filename,
      contentType: d.contentType as DocumentContentType,
      sizeBytes: Number(d.sizeBytes),
      sha256: d.sha256,
      uploadedBy: { id: d.uploadedByUserId, fullName: d.uploadedByName },
      createdAt: d.createdAt.toISOString(),
    };
  }
}
