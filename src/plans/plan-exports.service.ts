import { Injectable } from '@nestjs/common';
import type { Actor } from '../common/auth/actor';
import { pickLanguage } from '../common/errors/i18n';
import type { Lang } from '../common/errors/i18n';
import { attachmentDisposition } from '../documents/content-type';
import { budgetCsv, budgetXlsx, exportFilename, planPdf } from './export/plan-export';
import { PlanAccess } from './plan-access';
import { readStoredContent } from './plan-content';

/** A generated file, ready to send. */
export interface ExportFile {
  content: Buffer;
  contentType: string;
  disposition: string;
}

/**
 * The language of the RKAS export: Bahasa Indonesia, as ARKAS is, unless Accept-Language asks for
 * English (an "en" tag ranked above any "id" one).
 */
export function rkasLanguage(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage || !/(^|,)\s*en(-[a-z0-9]+)?\s*(;|,|$)/i.test(acceptLanguage)) return 'id';
  return pickLanguage(acceptLanguage);
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@Injectable()
export class PlanExportsService {
  constructor(private readonly access: PlanAccess) {}

  /** The plan as a printable A4 PDF, labelled in the caller's language. */
  async pdf(actor: Actor, id: string, lang: Lang): Promise<ExportFile> {
    const plan = await this.access.find(actor, id);
    const content = await planPdf(plan, readStoredContent(plan.content), lang);
    return { content, contentType: 'application/pdf', disposition: attachmentDisposition(exportFilename(plan, lang === 'id' ? 'rencana' : 'plan', 'pdf')) };
  }

  /** The budget in the RKAS layout as CSV (UTF-8 with BOM; comma, or semicolon for spreadsheets set to Indonesian). */
  async csv(actor: Actor, id: string, lang: Lang, delimiter: 'comma' | 'semicolon'): Promise<ExportFile> {
    const plan = await this.access.find(actor, id);
    const content = budgetCsv(readStoredContent(plan.content), lang, delimiter === 'semicolon' ? ';' : ',');
    return { content, contentType: 'text/csv; charset=utf-8', disposition: attachmentDisposition(exportFilename(plan, 'rkas', 'csv')) };
  }

  /** The budget in the RKAS layout as an XLSX workbook. */
  async xlsx(actor: Actor, id: string, lang: Lang): Promise<ExportFile> {
    const plan = await this.access.find(actor, id);
    const content = await budgetXlsx(readStoredContent(plan.content), lang, `RKAS ${plan.year}`);
    return { content, contentType: XLSX_CONTENT_TYPE, disposition: attachmentDisposition(exportFilename(plan, 'rkas', 'xlsx')) };
  }
}
