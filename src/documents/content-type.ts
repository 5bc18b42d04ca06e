/** The only kinds of file Jalin stores (a CHECK constraint on documents.content_type says the same). */
export const DOCUMENT_CONTENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type DocumentContentType = (typeof DOCUMENT_CONTENT_TYPES)[number];

const PDF = Buffer.from('%PDF-', 'latin1');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);

/**
 * What a file is, from its first bytes (its "magic number"): a PDF starts with `%PDF-`, a PNG with
 * its 8-byte signature, a JPEG with FF D8 FF. Null for anything else. The file's name and the
 * Content-Type the client sent are never consulted: both are the client's say-so.
 */
export function sniffContentType(content: Buffer): DocumentContentType | null {
  const starts = (magic: Buffer) => content.length >= magic.length && content.subarray(0, magic.length).equals(magic);
  if (starts(PDF)) return 'application/pdf';
  if (starts(PNG)) return 'image/png';
  if (starts(JPEG)) return 'image/jpeg';
  return null;
}

const EXTENSIONS: Record<DocumentContentType, readonly string[]> = {
  'application/pdf': ['.pdf'],
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg'],
};

/** Longest filename kept (the column holds 255; room is left for an added extension). */
const MAX_NAME = 200;

/**
 * The client's filename made safe to keep and to send back: no folders, control characters or
 * characters that break headers and file systems, at most 200 characters, and ending in an
 * extension that fits the sniffed content type ("scan.exe" holding a PDF becomes "scan.exe.pdf").
 * It is only a label: the bytes are stored under a random key.
 */
export function safeFilename(original: string | undefined, contentType: DocumentContentType): string {
  const base = (original ?? '').split(/[\\/]/).pop() ?? '';
  let name = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}"*:;<>?|]/gu, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '');
  const extensions = EXTENSIONS[contentType];
  if (name === '') name = 'document';
  if (name.length > MAX_NAME) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name = name.slice(0, MAX_NAME - ext.length) + ext;
  }
  if (!extensions.some((ext) => name.toLowerCase().endsWith(ext))) name += extensions[0];
  return name;
}

/** RFC 5987 encoding: percent-encodes everything but attr-chars. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * A Content-Disposition header that makes browsers download the file under its stored name: an
 * ASCII fallback for old clients and the exact UTF-8 name in `filename*`.
 */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(filename)}`;
}
