import type { Lang } from '../../common/errors/i18n';

/** One message as it is sent: the subject, the plain text and the simple HTML alternative. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  /** The link to the record the message is about (what a digest lists beside the subject). */
  url: string;
}

/** What every template may use besides its own values. */
export interface MailContext {
  lang: Lang;
  /** The portal's address without a trailing slash. */
  portalBaseUrl: string;
}

/**
 * What a user chooses about, per category: `security` messages (invitations, password resets) are
 * always sent at once; every other category can be sent at once, gathered in a daily digest, or off.
 */
export const MAIL_CATEGORIES = ['security', 'plans', 'money', 'mentoring', 'mous', 'competitions'] as const;
export type MailCategory = (typeof MAIL_CATEGORIES)[number];

/** The categories a user may change (all but `security`). */
export const CHOOSABLE_MAIL_CATEGORIES = MAIL_CATEGORIES.filter((c) => c !== 'security') as Array<Exclude<MailCategory, 'security'>>;
export type ChoosableMailCategory = Exclude<MailCategory, 'security'>;

/** What each category (and the daily digest) is called in a sentence, in both languages. */
export const CATEGORY_NAMES: Record<MailCategory | 'digest', Record<Lang, string>> = {
  security: { id: 'keamanan akun', en: 'account security' },
  plans: { id: 'rencana sekolah', en: 'school plan' },
  money: { id: 'hibah dan laporan pengeluaran', en: 'grant and expense report' },
  mentoring: { id: 'pendampingan', en: 'mentoring' },
  mous: { id: 'MoU', en: 'MoU' },
  competitions: { id: 'kompetisi', en: 'competition' },
  digest: { id: 'ringkasan harian', en: 'daily digest' },
};

/** One kind of message: its category (what a user chooses about; `digest` for the digest itself) and how it is worded. */
export interface MailTemplate<P> {
  kind: string;
  category: MailCategory | 'digest';
  render(params: P, ctx: MailContext): RenderedMail;
}

/** The words of a message in one language; the layout turns them into text and HTML. */
export interface MailContent {
  subject: string;
  greeting: string;
  paragraphs: string[];
  action: { label: string; url: string };
  /** A list of links before the action (a digest's messages). */
  links?: Array<{ label: string; url: string }>;
  /** Said after the link, e.g. how long it works or what to do if the mail was not expected. */
  after?: string[];
}

const SIGNATURE: Record<Lang, string> = {
  id: 'Salam,\nJalin — portal kemitraan CSR sekolah dan industri',
  en: 'Regards,\nJalin — the school–industry CSR partnership portal',
};

const AUTOMATIC: Record<Lang, string> = {
  id: 'Email ini dikirim otomatis oleh Jalin; balasan ke alamat ini tidak dibaca.',
  en: 'This email was sent automatically by Jalin; replies to this address are not read.',
};

const LINK_FALLBACK: Record<Lang, string> = {
  id: 'Jika tombol tidak berfungsi, salin tautan ini ke peramban Anda:',
  en: 'If the button does not work, copy this link into your browser:',
};

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A link into the portal: the base URL and a path that starts with `/`. */
export function portalLink(ctx: MailContext, path: string): string {
  return `${ctx.portalBaseUrl}${path}`;
}

/** A calendar date (YYYY-MM-DD) or an instant as a person reads it, e.g. "28 Februari 2027" / "28 February 2027". */
export function readableDate(value: string | Date, lang: Lang, withTime = false): string {
  const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
  const options: Intl.DateTimeFormatOptions = withTime
    ? { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Jakarta' }
    : { dateStyle: 'long', timeZone: 'UTC' };
  const text = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', options).format(date);
  return withTime ? `${text} WIB` : text;
}

/** Lays one message out as plain text and as simple, inline-styled HTML with the same words. */
export function layout(content: MailContent, lang: Lang): RenderedMail {
  const after = content.after ?? [];
  const text = [
    content.greeting,
    '',
    ...content.paragraphs.flatMap((p) => [p, '']),
    ...(content.links ?? []).flatMap((l) => [`- ${l.label}`, `  ${l.url}`, '']),
    `${content.action.label}:`,
    content.action.url,
    '',
    ...after.flatMap((p) => [p, '']),
    SIGNATURE[lang],
    '',
    '--',
    AUTOMATIC[lang],
    '',
  ].join('\n');
  const para = (p: string) => `<p style="margin:0 0 16px">${escapeHtml(p)}</p>`;
  const url = escapeHtml(content.action.url);
  const html = `<!DOCTYPE html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(content.subject)}</title></head>
<body style="margin:0;padding:24px;background:#f4f6f8;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1f2933">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px">
${para(content.greeting)}
${content.paragraphs.map(para).join('\n')}
${links(content.links ?? [])}
<p style="margin:24px 0"><a href="${url}" style="display:inline-block;background:#0b5cad;color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:6px;font-weight:bold">${escapeHtml(content.action.label)}</a></p>
<p style="margin:0 0 16px;font-size:14px;color:#52606d">${escapeHtml(LINK_FALLBACK[lang])}<br><a href="${url}" style="color:#0b5cad;word-break:break-all">${url}</a></p>
${after.map(para).join('\n')}
<p style="margin:0 0 16px">${SIGNATURE[lang].split('\n').map(escapeHtml).join('<br>')}</p>
<p style="margin:24px 0 0;font-size:12px;color:#52606d">${escapeHtml(AUTOMATIC[lang])}</p>
</div>
</body>
</html>
`;
  return { subject: content.subject, text, html, url: content.action.url };
}

function links(items: ReadonlyArray<{ label: string; url: string }>): string {
  if (items.length === 0) return '';
  const li = items.map((l) => `<li style="margin:0 0 8px"><a href="${escapeHtml(l.url)}" style="color:#0b5cad">${escapeHtml(l.label)}</a></li>`);
  return `<ul style="margin:0 0 16px;padding-left:20px">\n${li.join('\n')}\n</ul>`;
}

const UNSUBSCRIBE: Record<Lang, (what: string) => string> = {
  id: (what) => `Tidak ingin menerima email ${what} lagi? Berhenti berlangganan:`,
  en: (what) => `Don't want ${what} emails any more? Unsubscribe:`,
};

/**
 * Adds the unsubscribe line to a rendered message: after the text, and inside the HTML's card.
 * `what` names the category in the message's language (e.g. "rencana" / "plan").
 */
export function withUnsubscribe(mail: RenderedMail, url: string, what: string, lang: Lang): RenderedMail {
  const line = UNSUBSCRIBE[lang](what);
  const html = mail.html.replace(
    /\n<\/div>\n<\/body>/,
    `\n<p style="margin:8px 0 0;font-size:12px;color:#52606d">${escapeHtml(line)} <a href="${escapeHtml(url)}" style="color:#52606d">${escapeHtml(url)}</a></p>\n</div>\n</body>`,
  );
  return { ...mail, text: `${mail.text}${line}\n${url}\n`, html };
}
