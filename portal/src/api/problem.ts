/** A field the API named in a problem response. */
export interface FieldProblem {
  field: string;
  /** The field's name as a person reads it, in the request's language. */
  label?: string;
  code: string;
  message: string;
}

/** An application/problem+json answer from the API, as an Error the UI can show. */
export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly requestId?: string;
  readonly fields: FieldProblem[];
  /** Seconds to wait, from Retry-After (429). */
  readonly retryAfter?: number;

  constructor(body: Partial<{ status: number; code: string; title: string; detail: string; requestId: string; errors: FieldProblem[] }>, status: number, retryAfter?: number) {
    super(body.detail ?? body.title ?? `HTTP ${status}`);
    this.status = body.status ?? status;
    this.code = body.code ?? (status === 0 ? 'network_error' : `http_${status}`);
    this.title = body.title ?? '';
    this.detail = body.detail ?? '';
    this.requestId = body.requestId;
    this.fields = Array.isArray(body.errors) ? body.errors : [];
    this.retryAfter = retryAfter;
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
  get isConflict(): boolean {
    return this.status === 409;
  }
  get isNetwork(): boolean {
    return this.status === 0;
  }
}

/** Turns a thrown value into an ApiProblem (a failed fetch becomes a network problem). */
export function toProblem(err: unknown): ApiProblem {
  if (err instanceof ApiProblem) return err;
  return new ApiProblem({ code: 'network_error', detail: err instanceof Error ? err.message : String(err) }, 0);
}

/**
 * The API names fields by their JSON path (`content.programs[0].activities[1].name`);
 * a form names them the same with dots (`content.programs.0.activities.1.name`).
 */
export function fieldPathToFormName(path: string): string {
  return path.replace(/\[(\d+)\]/g, '.$1');
}
