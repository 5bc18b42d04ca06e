import createClient from 'openapi-fetch';
import type { paths } from './schema';
import { ApiProblem } from './problem';

/** What the client needs from the signed-in session: the access token in memory and a way to renew it. */
export interface SessionHooks {
  accessToken(): string | null;
  /** Renews the access token from the refresh cookie; false when the session is over. */
  renew(): Promise<boolean>;
  onSignedOut(): void;
  language(): string;
}

let hooks: SessionHooks = {
  accessToken: () => null,
  renew: async () => false,
  onSignedOut: () => undefined,
  language: () => 'id',
};

/** Connects the client to the session (done once by the session provider). */
export function connectSession(next: SessionHooks): void {
  hooks = next;
}

const NO_RENEW = ['/api/v1/auth/login', '/api/v1/auth/refresh', '/api/v1/auth/accept-invitation'];

/** fetch with the bearer token and language; one silent renewal and retry when the token expired. */
async function sessionFetch(input: Request): Promise<Response> {
  const retry = input.clone();
  const send = (req: Request) => {
    const token = hooks.accessToken();
    if (token) req.headers.set('Authorization', `Bearer ${token}`);
    req.headers.set('Accept-Language', hooks.language());
    return fetch(req, { credentials: 'same-origin' });
  };
  const res = await send(input);
  const path = new URL(input.url).pathname;
  if (res.status !== 401 || NO_RENEW.includes(path) || !hooks.accessToken()) return res;
  if (await hooks.renew()) return send(retry);
  hooks.onSignedOut();
  return res;
}

/** The one typed client of the Jalin API (types generated from its OpenAPI document). */
export const api = createClient<paths>({ baseUrl: typeof window === 'undefined' ? 'http://localhost' : window.location.origin, fetch: sessionFetch });

/** Plain fetch through the same session, for `download()` and `upload()`. */
async function sessionRequest(path: string, init: RequestInit = {}): Promise<Response> {
  const req = new Request(new URL(path, window.location.origin), init);
  let res: Response;
  try {
    res = await sessionFetch(req);
  } catch (err) {
    throw new ApiProblem({ detail: err instanceof Error ? err.message : String(err) }, 0);
  }
  if (!res.ok) throw await problemFromResponse(res);
  return res;
}

/** Reads a problem body from a failed answer. */
export async function problemFromResponse(res: Response): Promise<ApiProblem> {
  let body: Record<string, unknown> = {};
  try {
    body = (await res.json()) as Record<string, unknown>;
  } catch {
    // not JSON: keep the status alone
  }
  const retry = Number(res.headers.get('Retry-After'));
  return new ApiProblem(body, res.status, Number.isFinite(retry) && retry > 0 ? retry : undefined);
}

type Result<T> = { data?: T; error?: unknown; response: Response };

/** The data of a successful call, or throws the API's problem. */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await call;
  } catch (err) {
    throw new ApiProblem({ detail: err instanceof Error ? err.message : String(err) }, 0);
  }
  if (result.response.ok) return result.data as T;
  const retry = Number(result.response.headers.get('Retry-After'));
  throw new ApiProblem((result.error ?? {}) as Record<string, unknown>, result.response.status, Number.isFinite(retry) && retry > 0 ? retry : undefined);
}

/** Downloads a file answer (PDF, CSV, XLSX) and hands it to the browser. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const res = await sessionRequest(path);
  const blob = await res.blob();
  const disposition = res.headers.get('Content-Disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Sends one file as multipart form data to an API path (as `file`, after the other `fields`): POST by
 * default, PUT where the API replaces a record with the upload.
 */
export async function upload<T>(path: string, file: File, options: { fields?: Record<string, string>; method?: 'POST' | 'PUT' } = {}): Promise<T> {
  const form = new FormData();
  for (const [k, v] of Object.entries(options.fields ?? {})) form.append(k, v);
  form.append('file', file);
  const res = await sessionRequest(path, { method: options.method ?? 'POST', body: form });
  return (await res.json()) as T;
}
