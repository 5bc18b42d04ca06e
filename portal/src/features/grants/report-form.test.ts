import { describe, expect, it } from 'vitest';
import type { ReportDetail } from './api';
import { changesToSave, createBody, formNameOf, hasChanges, previewTotal, todayIso, toFormValues, type LineValues, type ReportValues } from './report-form';

const BUDGET_A = '00000000-0000-4000-8000-0000a1250005';
const BUDGET_B = '00000000-0000-4000-8000-0000a1250006';

function line(id: string, amount: string, extra: Partial<ReportDetail['lines'][number]> = {}): ReportDetail['lines'][number] {
  return { id, position: 1, spentOn: '2026-11-02', description: `Belanja ${id}`, budgetLineId: BUDGET_A, budgetLineItem: 'Honor', amount, receipts: [], review: 'pending', reviewNote: null, ...extra };
}

function report(lines: ReportDetail['lines'], extra: Partial<ReportDetail> = {}): ReportDetail {
  return {
    id: 'r1',
    grantId: 'g1',
    trancheNumber: 1,
    title: 'Laporan termin 1',
    status: 'draft',
    totalAmount: '0',
    acceptedAmount: '0',
    lineCount: lines.length,
    submittedAt: null,
    reviewedBy: null,
    reviewedAt: null,
    returnReason: null,
    createdBy: { id: 'u1', fullName: 'Kepala Sekolah' },
    version: 3,
    createdAt: '2026-11-02T00:00:00.000Z',
    updatedAt: '2026-11-02T00:00:00.000Z',
    lines,
    ...extra,
  };
}

const fresh = (over: Partial<LineValues> = {}): LineValues => ({ key: 'k-new', lineId: null, budgetLineId: BUDGET_B, description: 'Cetak banner', spentOn: '2026-11-03', amount: '350000', ...over });

describe('the live total', () => {
  it('adds whole rupiah exactly, past what a float can hold', () => {
    expect(previewTotal({ lines: [fresh({ amount: '9007199254740993' }), fresh({ amount: '7' })] })).toBe('9007199254741000');
  });

  it('counts an empty or half-typed amount as nothing', () => {
    expect(previewTotal({ lines: [fresh({ amount: '' }), fresh({ amount: '1250000' }), fresh({ amount: '12a' })] })).toBe('1250000');
  });
});

describe('starting a report', () => {
  it('sends the title trimmed, the tranche as a number and every line as typed', () => {
    const values: ReportValues = { title: '  Laporan Juli  ', tranche: '2', lines: [fresh({ description: ' Cetak banner ' })] };
    expect(createBody(values)).toEqual({
      title: 'Laporan Juli',
      trancheNumber: 2,
      lines: [{ spentOn: '2026-11-03', description: 'Cetak banner', budgetLineId: BUDGET_B, amount: '350000' }],
    });
  });

  it('leaves the tranche out when the report is not tied to one', () => {
    expect(createBody({ title: 'Laporan', tranche: '', lines: [] })).toEqual({ title: 'Laporan', lines: [] });
  });
});

describe('saving an existing report', () => {
  const server = report([line('l1', '200000'), line('l2', '450000', { budgetLineId: BUDGET_B })]);

  it('has nothing to send when the form equals the server', () => {
    expect(hasChanges(changesToSave(server, toFormValues(server)))).toBe(false);
  });

  it('sends only what changed: the title, one field of a line, a removed line and a new line with its key', () => {
    const values = toFormValues(server);
    values.title = 'Laporan termin 1 (diperbaiki)';
    values.lines = [{ ...values.lines[1], amount: '425000' }, fresh({ key: 'k-3' })];
    expect(changesToSave(server, values)).toEqual({
      report: { title: 'Laporan termin 1 (diperbaiki)' },
      deletes: ['l1'],
      patches: [{ index: 0, lineId: 'l2', changes: { amount: '425000' } }],
      posts: [{ index: 1, key: 'k-3', body: { spentOn: '2026-11-03', description: 'Cetak banner', budgetLineId: BUDGET_B, amount: '350000' } }],
    });
  });

  it('unties the report from its tranche with null', () => {
    const values = { ...toFormValues(server), tranche: '' };
    expect(changesToSave(server, values).report).toEqual({ trancheNumber: null });
  });

  it('sends a line again as new when the server no longer has it', () => {
    const values = toFormValues(report([line('l1', '200000')]));
    const changes = changesToSave(report([]), values);
    expect(changes.posts).toHaveLength(1);
    expect(changes.posts[0].key).toBe('l1');
  });
});

describe("where the API's field problems go in the form", () => {
  it('maps paths of a whole report and of one line', () => {
    expect(formNameOf('lines[1].amount')).toBe('lines.1.amount');
    expect(formNameOf('title')).toBe('title');
    expect(formNameOf('trancheNumber')).toBe('tranche');
    expect(formNameOf('amount', 2)).toBe('lines.2.amount');
    expect(formNameOf('spentOn', 0)).toBe('lines.0.spentOn');
  });

  it("puts a line's missing receipt at its receipts", () => {
    expect(formNameOf('lines[0]')).toBe('lines.0.receipts');
  });

  it('keeps fields the form does not have for the alert', () => {
    expect(formNameOf('Idempotency-Key')).toBeNull();
    expect(formNameOf('lines[0].lineId')).toBeNull();
    expect(formNameOf('amount')).toBeNull();
  });
});

describe('today', () => {
  it("is the device's calendar day", () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
