import { emptyContent, fieldExists, missingForSubmission, normalizeContent, planTotals, readStoredContent } from '../../src/plans/plan-content';
import type { PlanContentInput } from '../../src/plans/plan-content';
import { canonicalDecimal, readAmount, readDecimal, sumLines } from '../../src/plans/plan-money';
import { ACCOUNT_CODE_LIST, ACCOUNT_CODES, SNP_STANDARD_NAMES, SNP_STANDARDS } from '../../src/plans/rkas-catalog';

const ids = () => {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
};

const program = (extra: Record<string, unknown> = {}) => ({
  topic: 'literacy' as const,
  goal: 'Read',
  activities: [{ name: 'Reading', startMonth: 2, endMonth: 5, personResponsible: 'Ibu Noor' }],
  indicators: [{ name: 'Fluent readers', target: '75', unit: '%' }],
  budgetLines: [] as Array<Record<string, unknown>>,
  ...extra,
});

describe('plan content', () => {
  it('assigns ids to new items and keeps the ids a client sends back', () => {
    const kept = '6d1f3c2a-9b8e-4f7a-8c6d-5e4f3a2b1c0d';
    const { content, errors } = normalizeContent(
      { programs: [program({ activities: [{ id: kept.toUpperCase(), name: 'Kept' }, { name: 'New' }] })] } as PlanContentInput,
      'content',
      ids(),
    );
    expect(errors).toEqual([]);
    expect(content.programs[0].id).toBe('00000000-0000-4000-8000-000000000001');
    expect(content.programs[0].activities.map((a) => a.id)).toEqual([kept, '00000000-0000-4000-8000-000000000002']);
    expect(content.programs[0].indicators[0].id).toBe('00000000-0000-4000-8000-000000000003');
  });

  it('refuses an id used twice, naming both places', () => {
    const id = '6d1f3c2a-9b8e-4f7a-8c6d-5e4f3a2b1c0d';
    const { errors } = normalizeContent({ programs: [program({ id, activities: [{ id, name: 'Clash' }] })] } as PlanContentInput);
    expect(errors).toEqual([expect.objectContaining({ field: 'content.programs[0].activities[0].id', code: 'duplicate_id' })]);
    expect(errors[0].message.en).toContain('is already the id of content.programs[0]');
  });

  it('trims texts, turns blanks into null and fills every key', () => {
    const { content } = normalizeContent({ workshop: { facilitatorName: '   ', needs: [' books ', '  '] }, programs: [{ topic: 'literacy', goal: '  Read  ' }] } as PlanContentInput);
    expect(content.workshop).toEqual({
      date: null,
      facilitatorName: null,
      participants: { principal: null, teachers: null, educationStaff: null, supervisors: null, parents: null },
      reflectionNotes: null,
      needs: ['books'],
      opportunities: [],
    });
    expect(content.programs[0]).toMatchObject({ goal: 'Read', name: null, activities: [], budgetLines: [], indicators: [], risks: [] });
    expect(emptyContent()).toEqual({ workshop: { ...content.workshop, needs: [] }, programs: [], planningDocuments: { rktReference: null, rkasReference: null, lines: [] } });
  });

  it('refuses an activity that ends before it starts', () => {
    const { errors } = normalizeContent({ programs: [program({ activities: [{ name: 'Backwards', startMonth: 9, endMonth: 3 }] })] } as PlanContentInput);
    expect(errors).toEqual([expect.objectContaining({ field: 'content.programs[0].activities[0].endMonth', code: 'end_before_start' })]);
    expect(errors[0].message.id).toContain('bulan selesai 9 atau sesudahnya');
  });

  it('computes line totals with BigInt and refuses a sent total that disagrees, naming the line', () => {
    const { content, errors } = normalizeContent({
      programs: [
        program({
          budgetLines: [
            { item: 'Books', quantity: 3, unitCost: 60000, fundingSource: 'stimulus_grant' },
            { item: 'Shelves', quantity: 2, unitCost: '4000000000000000', total: '8000000000000000', fundingSource: 'other' },
            { item: 'Snacks', quantity: 3, unitCost: '60000', total: 150000, fundingSource: 'school_budget_bos' },
          ],
        }),
      ],
    } as PlanContentInput);
    expect(content.programs[0].budgetLines.map((b) => b.total)).toEqual(['180000', '8000000000000000', '180000']);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ field: 'content.programs[0].budgetLines[2].total', code: 'budget_line_does_not_add_up' });
    expect(errors[0].message.en).toBe(
      'budget lines must add up: content.programs[0].budgetLines[2] ("Snacks") has total 150000 but quantity 3 × unitCost 60000 = 180000; send 180000 or leave total out (the API computes it)',
    );
  });

  it('refuses amounts that are not whole rupiah, and lines above the limit', () => {
    const { errors } = normalizeContent({
      programs: [
        program({
          budgetLines: [
            { item: 'A', quantity: 1, unitCost: 1500.5, fundingSource: 'other' },
            { item: 'B', quantity: 1, unitCost: 'Rp 1.500', fundingSource: 'other' },
            { item: 'C', quantity: 1, unitCost: '9000000000000001', fundingSource: 'other' },
            { item: 'D', quantity: 3, unitCost: '4000000000000000', fundingSource: 'other' },
            { item: 'E', quantity: 1, unitCost: -5, fundingSource: 'other' },
          ],
        }),
      ],
    } as PlanContentInput);
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['content.programs[0].budgetLines[0].unitCost', 'not_whole_rupiah'],
      ['content.programs[0].budgetLines[1].unitCost', 'not_whole_rupiah'],
      ['content.programs[0].budgetLines[2].unitCost', 'amount_too_large'],
      ['content.programs[0].budgetLines[3].total', 'amount_too_large'],
      ['content.programs[0].budgetLines[4].unitCost', 'negative_amount'],
    ]);
  });

  it('keeps a budget line\'s standard, account code and spending month, and leaves them empty when left out', () => {
    const { content, errors } = normalizeContent({
      programs: [
        program({
          budgetLines: [
            { item: 'Books', quantity: 3, unitCost: 60000, fundingSource: 'stimulus_grant', standard: ' sarana_prasarana ', accountCode: '5.2.05.01.01.0001', spendingMonth: 3 },
            { item: 'Snacks', quantity: 3, unitCost: 20000, fundingSource: 'school_budget_bos', standard: '', accountCode: null },
          ],
        }),
      ],
    } as PlanContentInput);
    expect(errors).toEqual([]);
    expect(content.programs[0].budgetLines.map((b) => [b.standard, b.accountCode, b.spendingMonth])).toEqual([
      ['sarana_prasarana', '5.2.05.01.01.0001', 3],
      [null, null, null],
    ]);
  });

  it('refuses a standard or account code outside the documented lists, naming the line and the fix in both languages', () => {
    const { content, errors } = normalizeContent({
      programs: [
        program({
          budgetLines: [
            { item: 'Books', quantity: 1, unitCost: 1, fundingSource: 'other', standard: 'isi' },
            { item: 'Chairs', quantity: 1, unitCost: 1, fundingSource: 'other', standard: 'furniture', accountCode: '5.1.02.99.99.9999' },
          ],
        }),
      ],
    } as PlanContentInput);
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['content.programs[0].budgetLines[1].standard', 'unknown_standard'],
      ['content.programs[0].budgetLines[1].accountCode', 'unknown_account_code'],
    ]);
    expect(errors[0].message.en).toBe(
      'content.programs[0].budgetLines[1].standard "furniture" is not a national education standard (SNP); use one of kompetensi_lulusan, isi, proses, penilaian, pendidik_tenaga_kependidikan, sarana_prasarana, pengelolaan, pembiayaan, or leave it out',
    );
    expect(errors[0].message.id).toContain('bukan Standar Nasional Pendidikan (SNP); pakai salah satu dari kompetensi_lulusan, isi,');
    expect(errors[1].message.en).toContain('is not in the list of ARKAS expenditure accounts (5.1.02.01.01.0024, ');
    expect(errors[1].message.id).toContain('tidak ada dalam daftar kode rekening belanja ARKAS (5.1.02.01.01.0024, ');
    expect(content.programs[0].budgetLines[1]).toMatchObject({ standard: null, accountCode: null });
  });

  it('keeps the documented lists honest: eight standards with both names, account codes in the ARKAS form with a name', () => {
    expect(SNP_STANDARDS).toHaveLength(8);
    for (const s of SNP_STANDARDS) {
      expect(SNP_STANDARD_NAMES[s].id).toMatch(/^Standar /);
      expect(SNP_STANDARD_NAMES[s].en).toMatch(/standard$/);
    }
    expect(ACCOUNT_CODE_LIST.length).toBeGreaterThan(0);
    expect([...ACCOUNT_CODE_LIST].sort()).toEqual(ACCOUNT_CODE_LIST);
    for (const code of ACCOUNT_CODE_LIST) {
      expect(code).toMatch(/^5\.[12]\.\d{2}\.\d{2}\.\d{2}\.\d{4}$/);
      expect(ACCOUNT_CODES[code]).toMatch(/^(Belanja|Honorarium) /);
    }
  });

  it('reads a budget line stored before the RKAS fields existed as having none of them', () => {
    const stored = { programs: [{ id: 'p', topic: 'literacy', budgetLines: [{ id: 'b', item: 'Books', unit: null, quantity: 2, unitCost: '10', total: '20', fundingSource: 'other' }] }] };
    expect(readStoredContent(stored).programs[0].budgetLines[0]).toEqual({
      id: 'b',
      item: 'Books',
      unit: null,
      quantity: 2,
      unitCost: '10',
      total: '20',
      fundingSource: 'other',
      standard: null,
      accountCode: null,
      spendingMonth: null,
    });
  });

  it('reads indicator values as decimals with at most two places', () => {
    const { content, errors } = normalizeContent({
      programs: [program({ indicators: [{ name: 'A', baseline: 40, target: '75.50', unit: '%' }, { name: 'B', baseline: '1,5', target: 0.1 + 0.2 }] })],
    } as PlanContentInput);
    expect(content.programs[0].indicators[0]).toMatchObject({ baseline: '40', target: '75.5' });
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['content.programs[0].indicators[1].baseline', 'not_a_decimal'],
      ['content.programs[0].indicators[1].target', 'not_a_decimal'],
    ]);
    expect(readDecimal('999999999999.99', 'x')).toEqual({ value: '999999999999.99' });
    expect('error' in readDecimal('1000000000000', 'x')).toBe(true);
    expect('error' in readDecimal(-1, 'x')).toBe(true);
    expect(canonicalDecimal('085.50')).toBe('85.5');
    expect(canonicalDecimal('12.00')).toBe('12');
    expect(canonicalDecimal('0.00')).toBe('0');
  });

  it('reads amounts as BigInt, up to 9e15', () => {
    expect(readAmount('9000000000000000', 'x')).toEqual({ amount: 9_000_000_000_000_000n });
    expect(readAmount(250000, 'x')).toEqual({ amount: 250_000n });
    expect(readAmount('9000000000000001', 'x')).toMatchObject({ error: { code: 'amount_too_large' } });
  });

  it('totals per program, per funding source and for the plan, exactly', () => {
    const { content } = normalizeContent({
      programs: [
        program({
          budgetLines: [
            { item: 'A', quantity: 2, unitCost: '4000000000000000', fundingSource: 'stimulus_grant' },
            { item: 'B', quantity: 3, unitCost: 1, fundingSource: 'stimulus_grant' },
            { item: 'C', quantity: 1, unitCost: 500, fundingSource: 'school_budget_bos' },
          ],
        }),
        program({ budgetLines: [{ item: 'D', quantity: 1, unitCost: '4000000000000000', fundingSource: 'other' }] }),
      ],
    } as PlanContentInput);
    const totals = planTotals(content);
    expect(totals).toEqual({
      total: '12000000000000503',
      byFundingSource: { stimulus_grant: '8000000000000003', school_budget_bos: '500', other: '4000000000000000' },
      programs: [
        { programId: content.programs[0].id, total: '8000000000000503', byFundingSource: { stimulus_grant: '8000000000000003', school_budget_bos: '500', other: '0' } },
        { programId: content.programs[1].id, total: '4000000000000000', byFundingSource: { stimulus_grant: '0', school_budget_bos: '0', other: '4000000000000000' } },
      ],
    });
    expect(sumLines([])).toEqual({ total: '0', byFundingSource: { stimulus_grant: '0', school_budget_bos: '0', other: '0' } });
  });

  describe('completeness for submission', () => {
    it('wants at least one program', () => {
      expect(missingForSubmission(emptyContent()).map((e) => [e.field, e.code])).toEqual([['content.programs', 'no_programs']]);
    });

    it('names every missing goal, activity, indicator and detail by path', () => {
      const { content } = normalizeContent({
        programs: [
          { topic: 'parenting', name: 'Kelas Orang Tua' },
          program({ activities: [{ name: 'Vague' }], indicators: [{ name: 'Unmeasured' }] }),
        ],
      } as PlanContentInput);
      expect(missingForSubmission(content).map((e) => [e.field, e.code])).toEqual([
        ['content.programs[0].goal', 'goal_missing'],
        ['content.programs[0].activities', 'no_activities'],
        ['content.programs[0].indicators', 'no_indicators'],
        ['content.programs[1].activities[0].startMonth', 'start_month_missing'],
        ['content.programs[1].activities[0].endMonth', 'end_month_missing'],
        ['content.programs[1].activities[0].personResponsible', 'person_responsible_missing'],
        ['content.programs[1].indicators[0].target', 'target_missing'],
        ['content.programs[1].indicators[0].unit', 'unit_missing'],
      ]);
      expect(missingForSubmission(content)[0].message).toEqual({
        en: 'programs[0] ("Kelas Orang Tua", parenting) has no goal: say what the program should achieve',
        id: 'programs[0] ("Kelas Orang Tua", parenting) belum memiliki tujuan: tuliskan apa yang ingin dicapai program ini',
      });
    });

    it('re-checks that stored budget lines add up', () => {
      const { content } = normalizeContent({ programs: [program({ budgetLines: [{ item: 'A', quantity: 2, unitCost: 10, fundingSource: 'other' }] })] } as PlanContentInput);
      expect(missingForSubmission(content)).toEqual([]);
      content.programs[0].budgetLines[0].total = '25';
      expect(missingForSubmission(content).map((e) => e.field)).toEqual(['content.programs[0].budgetLines[0].total']);
    });
  });

  it('knows which field paths exist in a plan', () => {
    const { content } = normalizeContent({ programs: [program()] } as PlanContentInput);
    const plan = { title: 'T', content };
    expect(fieldExists(plan, 'title')).toBe(true);
    expect(fieldExists(plan, 'content.programs[0].goal')).toBe(true);
    expect(fieldExists(plan, 'content.programs[0].activities[0].startMonth')).toBe(true);
    expect(fieldExists(plan, 'content.workshop.date')).toBe(true);
    expect(fieldExists(plan, 'content.programs[1].goal')).toBe(false);
    expect(fieldExists(plan, 'content.programs[0].colour')).toBe(false);
    expect(fieldExists(plan, 'content.programs.goal')).toBe(false);
    expect(fieldExists(plan, 'content.programs[0]..goal')).toBe(false);
    expect(fieldExists(plan, 'constructor')).toBe(false);
  });

  it('reads stored content back in template order, filling what a row written elsewhere lacks', () => {
    expect(readStoredContent({})).toEqual(emptyContent());
    const { content } = normalizeContent({ programs: [program()] } as PlanContentInput);
    const shuffled = JSON.parse(JSON.stringify({ programs: content.programs.map((p) => Object.fromEntries(Object.entries(p).reverse())), workshop: content.workshop, planningDocuments: content.planningDocuments }));
    const read = readStoredContent(shuffled);
    expect(read).toEqual(content);
    expect(Object.keys(read.programs[0])).toEqual(['id', 'topic', 'name', 'goal', 'background', 'targetGroup', 'activities', 'budgetLines', 'indicators', 'risks']);
  });
});
