import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import type { AppRequest } from '../common/http/request-context';
import { pickLanguage } from '../common/errors/i18n';
import type { Lang } from '../common/errors/i18n';
import type { ProblemBody } from '../common/errors/problem';

const TITLE: Record<Lang, string> = { en: 'This request is still being processed', id: 'Permintaan ini masih diproses' };

const DETAIL: Record<Lang, (key: string) => string> = {
  en: (key) =>
    `Another request with Idempotency-Key "${key}" is still being processed. Wait a moment and retry with the same key and the same body: you will get its answer, and nothing is done twice.`,
  id: (key) =>
    `Permintaan lain dengan Idempotency-Key "${key}" masih diproses. Tunggu sebentar lalu ulangi dengan kunci dan isi yang sama: Anda akan menerima jawabannya, dan tidak ada yang dilakukan dua kali.`,
};

/**
 * A key whose first request has not finished (it holds the key until its transaction ends). The
 * error catalogue has no code for it, so IdempotencyKeyBusyFilter renders it in the same problem
 * shape: 409 with Retry-After.
 */
export class IdempotencyKeyBusyError extends Error {
  constructor(readonly key: string) {
    super('idempotency_key_in_progress');
  }
}

/** Writes an IdempotencyKeyBusyError as application/problem+json (409, Retry-After: 1). */
@Catch(IdempotencyKeyBusyError)
export class IdempotencyKeyBusyFilter implements ExceptionFilter {
  catch(error: IdempotencyKeyBusyError, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<AppRequest>();
    const res = ctx.getResponse<Response>();
    if (res.headersSent) return;
    const lang = pickLanguage(req.header('accept-language'));
    const body: ProblemBody = {
      type: 'urn:jalin:problem:idempotency_key_in_progress',
      title: TITLE[lang],
      status: 409,
      detail: DETAIL[lang](error.key),
      code: 'idempotency_key_in_progress',
      requestId: req.id,
      instance: req.originalUrl.split('?')[0],
    };
    res.setHeader('Retry-After', '1');
    res.status(409).type('application/problem+json').send(JSON.stringify(body));
  }
}
