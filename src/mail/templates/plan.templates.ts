import { layout, MailTemplate, portalLink } from './layout';

/** The values of a plan message: the plan, its school and program, and who acted. */
export interface PlanMailParams {
  planId: string;
  title: string;
  schoolName: string;
  programName: string;
  year: number;
  /** Who submitted, asked for changes or approved. */
  actorName: string;
  /** The general comment of a change request. */
  comment?: string;
}

/** A school submitted its plan: the reviewers (the company's CSR officers and the plan's facilitator) can review it. */
export const planSubmittedTemplate: MailTemplate<PlanMailParams> = {
  kind: 'plan_submitted',
  category: 'plans',
  render(p, ctx) {
    const url = portalLink(ctx, `/plans/${p.planId}`);
    if (ctx.lang === 'en') {
      return layout(
        {
          subject: `Plan submitted for review: ${p.schoolName}, ${p.year}`,
          greeting: 'Hello,',
          paragraphs: [`${p.actorName} submitted the plan "${p.title}" of ${p.schoolName} for ${p.programName} ${p.year}. Review it, then approve it or ask for changes.`],
          action: { label: 'Review the plan', url },
        },
        'en',
      );
    }
    return layout(
      {
        subject: `Rencana diajukan untuk ditelaah: ${p.schoolName}, ${p.year}`,
        greeting: 'Yth. Bapak/Ibu,',
        paragraphs: [`${p.actorName} mengajukan rencana "${p.title}" dari ${p.schoolName} untuk ${p.programName} ${p.year}. Telaah rencana tersebut, lalu setujui atau minta perubahan.`],
        action: { label: 'Telaah rencana', url },
      },
      'id',
    );
  },
};

/** A reviewer sent the plan back to the school with a comment: the principal revises and resubmits. */
export const planChangesRequestedTemplate: MailTemplate<PlanMailParams> = {
  kind: 'plan_changes_requested',
  category: 'plans',
  render(p, ctx) {
    const url = portalLink(ctx, `/plans/${p.planId}`);
    const comment = p.comment ?? '';
    if (ctx.lang === 'en') {
      return layout(
        {
          subject: `Changes requested to the plan "${p.title}"`,
          greeting: 'Hello,',
          paragraphs: [`${p.actorName} asked for changes to the plan "${p.title}" of ${p.schoolName} for ${p.programName} ${p.year}:`, comment, 'Change the plan and submit it again.'],
          action: { label: 'Open the plan', url },
        },
        'en',
      );
    }
    return layout(
      {
        subject: `Perubahan diminta pada rencana "${p.title}"`,
        greeting: 'Yth. Bapak/Ibu,',
        paragraphs: [`${p.actorName} meminta perubahan pada rencana "${p.title}" dari ${p.schoolName} untuk ${p.programName} ${p.year}:`, comment, 'Ubah rencana lalu ajukan kembali.'],
        action: { label: 'Buka rencana', url },
      },
      'id',
    );
  },
};

/** The company approved the plan: it is frozen and can be carried out. */
export const planApprovedTemplate: MailTemplate<PlanMailParams> = {
  kind: 'plan_approved',
  category: 'plans',
  render(p, ctx) {
    const url = portalLink(ctx, `/plans/${p.planId}`);
    if (ctx.lang === 'en') {
      return layout(
        {
          subject: `Plan approved: "${p.title}"`,
          greeting: 'Hello,',
          paragraphs: [`${p.actorName} approved the plan "${p.title}" of ${p.schoolName} for ${p.programName} ${p.year}. It can now be carried out.`],
          action: { label: 'Open the plan', url },
        },
        'en',
      );
    }
    return layout(
      {
        subject: `Rencana disetujui: "${p.title}"`,
        greeting: 'Yth. Bapak/Ibu,',
        paragraphs: [`${p.actorName} menyetujui rencana "${p.title}" dari ${p.schoolName} untuk ${p.programName} ${p.year}. Rencana ini sekarang dapat dilaksanakan.`],
        action: { label: 'Buka rencana', url },
      },
      'id',
    );
  },
};
