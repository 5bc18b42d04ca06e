import { Injectable } from '@nestjs/common';
import type { Actor } from '../common/auth/actor';
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

  /** The budget as CSV (UTF-8 with BOM; comma, or semicolon for spreadsheets set to Indonesian). */
  async csv(actor: Actor, id: string, lang: Lang, delimiter: 'comma' | 'semicolon'): Promise<ExportFile> {
    const plan = await this.access.find(actor, id);
    const content = budgetCsv(readStoredContent(plan.content), lang, delimiter === 'semicolon' ? ';' : ',');
    return { content, contentType: 'text/csv; charset=utf-8', disposition: attachmentDisposition(exportFilename(plan, lang === 'id' ? 'anggaran' : 'budget', 'csv')) };
  }

  /** The budget as an XLSX workbook. */
  async xlsx(actor: Actor, id: string, lang: Lang): Promise<ExportFile> {
    const plan = await this.access.find(actor, id);
    const content = await budgetXlsx(readStoredContent(plan.content), lang, `${lang === 'id' ? 'Anggaran' : 'Budget'} ${plan.year}`);
    return { content, contentType: XLSX_CONTENT_TYPE, disposition: attachmentDisposition(exportFilename(plan, lang === 'id' ? 'anggaran' : 'budget', 'xlsx')) };
  }
}
