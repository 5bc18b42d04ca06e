import { describe, expect, it } from 'vitest';
import { diffValueText } from './plan-diff';
import {
  anchorOf,
  decimalInput,
  emptyActivity,
  emptyProgram,
  fieldLabel,
  formAnchors,
  isListAnchor,
  lineTotalPreview,
  newItemIds,
  stepOf,
  toContentInput,
  toFormValues,
  totalsPreview,
  type PlanContent,
} from './plan-form';

// A tiny translator: the key itself with its parameters, enough to check what is put together.
const t = (key: string, params?: Record<string, string | number | null | undefined>) => (params ? `${key}${JSON.stringify(params)}` : key);

const content: PlanContent = {
  workshop: {
    date: '2026-01-22',
    facilitatorName: 'Dewi Lestari (Edukasi 101)',
    participants: { principal: 1, teachers: 21, educationStaff: null, supervisors: 1, parents: 5 },
    reflectionNotes: null,
    needs: ['Rujukan ke psikolog', 'Kegiatan kelas yang menenangkan'],
    opportunities: [],
  },
  programs: [
    {
      id: 'p1',
      topic: 'student_mental_health',
      name: 'Sehat Jiwa di Sekolah',
      goal: 'Siswa yang membutuhkan bantuan dikenali sejak dini.',
      background: null,
      targetGroup: null,
      activities: [
        { id: 'a1', name: 'Pelatihan guru', startMonth: 3, endMonth: 3, personResponsible: 'Kepala sekolah', expectedOutput: null },
        { id: 'a2', name: 'Skrining kesejahteraan siswa', startMonth: 4, endMonth: 5, personResponsible: null, expectedOutput: 'Data skrining' },
      ],
      budgetLines: [{ id: 'b1', item: 'Honor psikolog', unit: 'kunjungan', quantity: 6, unitCost: '1000000', total: '6000000', fundingSource: 'stimulus_grant', standard: null, accountCode: null, spendingMonth: null }],
      indicators: [{ id: 'i1', name: 'Siswa yang mengikuti skrining', baseline: '0', target: '60', unit: '%' }],
      risks: [{ id: 'r1', risk: 'Stigma', mitigation: null }],
    },
  ],
  planningDocuments: { rktReference: 'RKT 2026', rkasReference: null, lines: [{ id: 'd1', document: 'RKAS', reference: '3.4.5', description: null }] },
};

describe('form ↔ API', () => {
  it('shows the template as strings and sends it back with the same ids, blanks as null and no line totals', () => {
    const values = toFormValues('Rencana 2026', content);
    expect(values.title).toBe('Rencana 2026');
    expect(values.content.workshop.participants).toEqual({ principal: '1', teachers: '21', educationStaff: '', supervisors: '1', parents: '5' });
    expect(values.content.workshop.needs).toBe('Rujukan ke psikolog\nKegiatan kelas yang menenangkan');
    expect(values.content.programs[0].activities[1]).toEqual({ id: 'a2', name: 'Skrining kesejahteraan siswa', startMonth: '4', endMonth: '5', personResponsible: '', expectedOutput: 'Data skrining' });

    const back = toContentInput(values.content) as unknown as PlanContent;
    expect(back.workshop.participants).toEqual(content.workshop.participants);
    expect(back.workshop.needs).toEqual(content.workshop.needs);
    expect(back.programs[0].activities).toEqual(content.programs[0].activities);
    expect(back.programs[0].indicators).toEqual(content.programs[0].indicators);
    expect(back.programs[0].risks).toEqual(content.programs[0].risks);
    expect(back.programs[0].budgetLines[0]).toEqual({ id: 'b1', item: 'Honor psikolog', unit: 'kunjungan', quantity: 6, unitCost: '1000000', fundingSource: 'stimulus_grant', standard: null, accountCode: null, spendingMonth: null });
    expect(back.planningDocuments).toEqual(content.planningDocuments);
  });

  it('sends new items without an id, needs one per line, and what is not a number as typed (so the API names the field)', () => {
    const values = toFormValues('x', content);
    values.content.workshop.needs = '  Satu \n\n Dua  \n';
    values.content.programs[0].activities.push({ ...emptyActivity(), name: 'Pertemuan orang tua', startMonth: '6' });
    values.content.programs[0].budgetLines[0].quantity = 'enam';
    values.content.programs[0].indicators[0].target = '72,5';
    const input = toContentInput(values.content) as unknown as PlanContent;
    expect(input.workshop.needs).toEqual(['Satu', 'Dua']);
    expect(input.programs[0].activities[2]).toEqual({ name: 'Pertemuan orang tua', startMonth: 6, endMonth: null, personResponsible: null, expectedOutput: null });
    expect(input.programs[0].budgetLines[0].quantity).toBe('enam');
    expect(values.content.programs[0].budgetLines[0]).toMatchObject({ standard: '', accountCode: '', spendingMonth: '' });
    expect(input.programs[0].indicators[0].target).toBe('72.5');
  });

  it('carries a budget line\'s RKAS fields both ways: standard, account code and spending month', () => {
    const answered = structuredClone(content);
    Object.assign(answered.programs[0].budgetLines[0], { standard: 'pendidik_tenaga_kependidikan', accountCode: '5.1.02.02.01.0003', spendingMonth: 3 });
    const values = toFormValues('x', answered);
    expect(values.content.programs[0].budgetLines[0]).toMatchObject({ standard: 'pendidik_tenaga_kependidikan', accountCode: '5.1.02.02.01.0003', spendingMonth: '3' });
    const input = toContentInput(values.content) as unknown as PlanContent;
    expect(input.programs[0].budgetLines[0]).toMatchObject({ standard: 'pendidik_tenaga_kependidikan', accountCode: '5.1.02.02.01.0003', spendingMonth: 3 });
    values.content.programs[0].budgetLines[0].standard = '';
    values.content.programs[0].budgetLines[0].spendingMonth = '';
    expect((toContentInput(values.content) as unknown as PlanContent).programs[0].budgetLines[0]).toMatchObject({ standard: null, spendingMonth: null });
  });

  it('reads decimals typed either way', () => {
    expect(decimalInput('78,5')).toBe('78.5');
    expect(decimalInput(' 80 ')).toBe('80');
    expect(decimalInput('1.5')).toBe('1.5');
    expect(decimalInput('')).toBeNull();
  });

  it('names the ids the API gave to new items, by position', () => {
    const values = toFormValues('x', content);
    values.content.programs[0].activities.push(emptyActivity());
    values.content.programs.push(emptyProgram());
    values.content.planningDocuments.lines.push({ document: 'RKT', reference: '', description: '' });
    const saved = structuredClone(content);
    saved.programs[0].activities.push({ id: 'a3', name: '', startMonth: null, endMonth: null, personResponsible: null, expectedOutput: null });
    saved.programs.push({ ...structuredClone(content.programs[0]), id: 'p2', activities: [], budgetLines: [], indicators: [], risks: [] });
    saved.planningDocuments.lines.push({ id: 'd2', document: 'RKT', reference: null, description: null });
    expect(newItemIds(values.content, saved)).toEqual([
      ['content.programs.0.activities.2.id', 'a3'],
      ['content.programs.1.id', 'p2'],
      ['content.planningDocuments.lines.1.id', 'd2'],
    ]);
  });
});

describe('totals preview', () => {
  it('multiplies and adds exactly, by funding source and per program, beyond what a float holds', () => {
    const programs = [
      {
        budgetLines: [
          { item: 'a', unit: '', quantity: '3', unitCost: '3002399751580331', fundingSource: 'stimulus_grant' as const },
          { item: 'b', unit: '', quantity: '12', unitCost: '150000', fundingSource: 'school_budget_bos' as const },
        ],
      },
      {
        budgetLines: [
          { item: 'c', unit: '', quantity: '1', unitCost: '1', fundingSource: 'stimulus_grant' as const },
          { item: 'd', unit: '', quantity: '', unitCost: '5000', fundingSource: 'other' as const },
        ],
      },
    ];
    const totals = totalsPreview(programs);
    expect(totals.programs[0].byFundingSource).toEqual({ stimulus_grant: '9007199254740993', school_budget_bos: '1800000', other: '0' });
    expect(totals.programs[0].total).toBe('9007199256540993');
    expect(totals.programs[1]).toEqual({ total: '1', byFundingSource: { stimulus_grant: '1', school_budget_bos: '0', other: '0' } });
    expect(totals.byFundingSource).toEqual({ stimulus_grant: '9007199254740994', school_budget_bos: '1800000', other: '0' });
    expect(totals.total).toBe('9007199256540994');
    expect(totals.incompleteLines).toBe(1);
  });

  it('leaves a line out until its quantity and unit cost are whole numbers', () => {
    expect(lineTotalPreview({ quantity: '2', unitCost: '45000' })).toBe('90000');
    expect(lineTotalPreview({ quantity: '2,5', unitCost: '45000' })).toBeNull();
    expect(lineTotalPreview({ quantity: '2', unitCost: '' })).toBeNull();
  });
});

describe('where a field is', () => {
  const anchors = formAnchors(content);

  it('puts the API’s field paths at the form’s fields', () => {
    expect(anchorOf('content.programs[0].activities[1].name', anchors)).toBe('content.programs.0.activities.1.name');
    expect(anchorOf('content.programs[0].budgetLines[0].total', anchors)).toBe('content.programs.0.budgetLines.0.unitCost');
    expect(anchorOf('content.programs[0].indicators[0]', anchors)).toBe('content.programs.0.indicators.0.name');
    expect(anchorOf('content.programs[0].activities[1].id', anchors)).toBe('content.programs.0.activities.1.name');
    expect(anchorOf('content.programs[0]', anchors)).toBe('content.programs.0.topic');
    expect(anchorOf('content.programs[0].activities', anchors)).toBe('content.programs.0.activities');
    expect(anchorOf('content.workshop.needs[3]', anchors)).toBe('content.workshop.needs');
    expect(anchorOf('content.programs[4].goal', anchors)).toBe('content.programs');
    expect(anchorOf('title', anchors)).toBe('title');
    expect(anchorOf('facilitatorUserId', anchors)).toBeNull();
  });

  it('tells lists from fields', () => {
    expect(isListAnchor('content.programs')).toBe(true);
    expect(isListAnchor('content.programs.0.indicators')).toBe(true);
    expect(isListAnchor('content.planningDocuments.lines')).toBe(true);
    expect(isListAnchor('content.programs.0.indicators.0.name')).toBe(false);
  });

  it('opens the step that holds a field', () => {
    expect(stepOf('title')).toBe(0);
    expect(stepOf('content.workshop.participants.teachers')).toBe(0);
    expect(stepOf('content.programs')).toBe(1);
    expect(stepOf('content.programs.0.goal')).toBe(1);
    expect(stepOf('content.programs.0.activities.1.personResponsible')).toBe(2);
    expect(stepOf('content.programs.0.risks.0.risk')).toBe(3);
    expect(stepOf('content.programs.0.indicators')).toBe(3);
    expect(stepOf('content.programs.0.budgetLines.0.unitCost')).toBe(4);
    expect(stepOf('content.planningDocuments.lines.0.reference')).toBe(5);
  });

  it('names a field by its place in the plan, with the names of its program and item', () => {
    expect(fieldLabel('content.programs[0].activities[1].personResponsible', content, t)).toBe(
      'plans.item.program{"n":1} (Sehat Jiwa di Sekolah) › plans.item.activity{"n":2} (Skrining kesejahteraan siswa) › plans.field.activity.personResponsible',
    );
    expect(fieldLabel('content.programs.0.budgetLines.0.total', content, t)).toBe('plans.item.program{"n":1} (Sehat Jiwa di Sekolah) › plans.item.budgetLine{"n":1} (Honor psikolog) › plans.field.budgetLine.total');
    expect(fieldLabel('content.programs.0.indicators', content, t)).toBe('plans.item.program{"n":1} (Sehat Jiwa di Sekolah) › plans.list.indicators');
    expect(fieldLabel('content.workshop.participants.teachers', content, t)).toBe('plans.section.workshop › plans.field.participants › plans.participant.teachers');
    expect(fieldLabel('content.planningDocuments.lines[0].reference', null, t)).toBe('plans.section.documents › plans.item.documentLine{"n":1} › plans.field.documentLine.reference');
    const long = structuredClone(content);
    long.programs[0].name = 'Program kesehatan mental siswa kelas tiga sampai enam';
    expect(fieldLabel('content.programs[0].goal', long, t)).toBe('plans.item.program{"n":1} (Program kesehatan mental siswa kelas ti…) › plans.field.program.goal');
  });
});

describe('the diff as text', () => {
  it('writes amounts, months and codes as a person reads them', () => {
    expect(diffValueText('content.programs[0].budgetLines[0].unitCost', '1250000', t, 'id')).toBe('Rp 1.250.000');
    expect(diffValueText('content.programs[0].activities[0].startMonth', 3, t, 'id')).toBe('Maret');
    expect(diffValueText('content.programs[0].budgetLines[0].fundingSource', 'stimulus_grant', t, 'id')).toBe('plans.source.stimulus_grant');
    expect(diffValueText('content.workshop.needs', ['Satu', 'Dua'], t, 'id')).toBe('• Satu\n• Dua');
    expect(diffValueText('content.programs[0].indicators[0].target', null, t, 'id')).toBe('');
  });

  it('writes out an added item field by field', () => {
    expect(diffValueText('content.programs[0].indicators[2]', { id: 'x', name: 'Orang tua yang hadir', baseline: null, target: '70', unit: '%' }, t, 'id')).toBe(
      'plans.field.indicator.name: Orang tua yang hadir\nplans.field.indicator.target: 70\nplans.field.indicator.unit: %',
    );
  });
});
