import { expect, type Page } from '@playwright/test';
import axe from 'axe-core';

export { expect, test } from '@playwright/test';

/** A short unique suffix, so each test's records are its own. */
export const uniqueTag = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

/** Every demo user's password (README). */
export const DEMO_PASSWORD = 'Jalin-Demo-2026';

export const DEMO = {
  admin: 'admin@jalin.example',
  csr: 'csr@trakindo.example',
  principal: 'principal@sdnpelambuan4.example',
  officer: 'officer@disdik-banjarmasin.example',
  facilitator: 'facilitator@edukasi101.example',
  judge: 'judge@ulm.example',
} as const;

/** The phone most principals use: every journey must work at this size. */
export const PHONE = { width: 390, height: 844 };

export function baseURL(): string {
  return `http://127.0.0.1:${process.env.JALIN_PORTAL_PORT}`;
}

/** Signs in through the sign-in page as a person would, and waits for the home page. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
  await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page).not.toHaveURL(/\/login/);
}

/** A signed-in API caller for setting up or checking data in a test (JSON flow, not the browser's session). */
export interface ApiCaller {
  token: string;
  get<T = any>(path: string): Promise<T>;
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>): Promise<T>;
  patch<T = any>(path: string, body?: unknown): Promise<T>;
  put<T = any>(path: string, body?: unknown): Promise<T>;
  del(path: string): Promise<void>;
  /** Any call, answering the raw Response (for checking refusals). */
  raw(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
}

export async function apiAs(email: string, password = DEMO_PASSWORD): Promise<ApiCaller> {
  const base = `${baseURL()}/api/v1`;
  const login = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (!login.ok) throw new Error(`sign-in of ${email} failed: ${login.status} ${await login.text()}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const raw = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, {
      method,
      headers: { Authorization: `Bearer ${accessToken}`, 'Accept-Language': 'en', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const call = async (method: string, path: string, body?: unknown, headers?: Record<string, string>) => {
    const res = await raw(method, path, body, headers);
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} as ${email}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  return {
    token: accessToken,
    get: (p) => call('GET', p),
    post: (p, b, h) => call('POST', p, b ?? {}, h),
    patch: (p, b) => call('PATCH', p, b),
    put: (p, b) => call('PUT', p, b),
    del: async (p) => void (await call('DELETE', p)),
    raw,
  };
}

/** Runs axe-core on the page as it is now: no serious or critical violation may remain. */
export async function expectAccessible(page: Page, context?: string): Promise<void> {
  // Judge the page at rest, not a control the pointer happens to hover, nor a dialog half-way through
  // fading in (its colours are faded with it): let started transitions finish first.
  await page.mouse.move(0, 0);
  await page.evaluate(async () => {
    for (let i = 0; i < 3; i++) await new Promise((done) => requestAnimationFrame(() => done(undefined)));
    const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity);
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
  });
  await page.evaluate(axe.source);
  const result = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[]; html: string; failureSummary?: string }> }> }> } };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.join(' '), html: n.html.slice(0, 160), why: n.failureSummary?.slice(0, 240) })) }));
  });
  const serious = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious, `accessibility violations${context ? ` on ${context}` : ''}: ${JSON.stringify(serious, null, 2)}`).toEqual([]);
}

/** A tiny valid PNG (1×1), for upload tests. */
export const PNG_1x1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAMAASsJTYQAAAAASUVORK5CYII=', 'base64');

/** A minimal one-page PDF, for upload tests. */
export const PDF_MINIMAL = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
