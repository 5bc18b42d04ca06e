import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';

/** Node's parser codes for a request whose headers (the URL among them) are too large. */
const TOO_LARGE = new Set(['HPE_HEADER_OVERFLOW']);

/** A problem+json answer written straight to the socket (the request never reached Express). */
function rawProblem(status: 400 | 431, code: string, detail: string): string {
  const title = status === 431 ? 'Request Header Fields Too Large' : 'Bad Request';
  const body = JSON.stringify({ type: `urn:jalin:problem:${code}`, title, status, detail, code });
  return [
    `HTTP/1.1 ${status} ${title}`,
    'Content-Type: application/problem+json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/**
 * Requests Node's HTTP parser refuses before any handler runs (a URL or headers over the size limit,
 * a malformed request line) get a problem response like every other refusal, instead of an empty
 * body. The request's language is not known yet, so the detail says it in both.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable || (err.code === 'ECONNRESET' && !socket.readable)) return void socket.destroy();
    const tooLarge = TOO_LARGE.has(err.code ?? '');
    socket.end(
      tooLarge
        ? rawProblem(431, 'request_too_large', 'The address or headers of the request are too long: shorten the query (fewer or shorter filters) and send again. — Alamat atau header permintaan terlalu panjang: persingkat kueri (lebih sedikit atau lebih pendek filternya) lalu kirim ulang.')
        : rawProblem(400, 'malformed_request', 'The request could not be read as HTTP: send it again as a well-formed request. — Permintaan tidak dapat dibaca sebagai HTTP: kirim ulang dengan format yang benar.'),
    );
  });
}
