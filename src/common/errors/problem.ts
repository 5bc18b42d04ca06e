import type { Request, Response } from 'express';
import { AppError, FieldError } from './app-error';
import { describeError } from './error-catalog';
import { fieldLabel, labelled } from './field-labels';
import { pickLanguage } from './i18n';

/** The body of every error response (RFC 9457 problem details). */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  requestId: string;
  instance: string;
  errors?: FieldError[];
}

/** Builds the problem body of an AppError in the language the request asks for. */
export function problemOf(error: AppError, req: Request, requestId: string): ProblemBody {
  const lang = pickLanguage(req.header('accept-language'));
  const { status, title, detail } = describeError(error.code, { ...error.params, requestId }, lang);
  const body: ProblemBody = {
    type: `urn:jalin:problem:${error.code}`,
    title,
    status,
    detail,
    code: error.code,
    requestId,
    instance: req.originalUrl.split('?')[0],
  };
  if (error.fieldErrors.length > 0) {
    body.errors = error.fieldErrors.map((f) => {
      const label = f.code === 'unknown_field' ? undefined : (f.label ?? fieldLabel(f.field));
      if (!label) return { field: f.field, code: f.code, message: f.message[lang] };
      return { field: f.field, label: label[lang], code: f.code, message: labelled(f.message[lang], f.field, label[lang]) };
    });
  }
  return body;
}

/** Writes an AppError as application/problem+json with its headers. */
export function sendProblem(error: AppError, req: Request, res: Response, requestId: string): void {
  const body = problemOf(error, req, requestId);
  for (const [k, v] of Object.entries(error.headers)) res.setHeader(k, v);
  res.status(body.status).type('application/problem+json').send(JSON.stringify(body));
}
