import { describe, expect, it } from 'vitest';
import { competitionBody, blankCompetition, parseDecimal, weightTotal } from './competition-form';

describe('the competition form', () => {
  it('adds weights in hundredths, reading a decimal comma, so 33,33 + 33,33 + 33,34 is exactly 100', () => {
    expect(weightTotal(['33,33', '33.33', '33,34'])).toBe(100);
    expect(weightTotal(['30', '30', '25'])).toBe(85);
    expect(weightTotal(['30', '', 'abc'])).toBe(30);
  });

  it('reads numbers people type and refuses the rest', () => {
    expect(parseDecimal(' 12,5 ')).toBe(12.5);
    expect(Number.isNaN(parseDecimal('12a'))).toBe(true);
    expect(Number.isNaN(parseDecimal(''))).toBe(true);
  });

  it('sends numbers as numbers and leaves unreadable ones for the API to name', () => {
    const v = { ...blankCompetition(), criteria: [{ name: 'Kebaruan', description: ' ', weight: '40,5', maxScore: 'dua puluh' }] };
    const body = competitionBody(v);
    expect(body.criteria[0]).toEqual({ name: 'Kebaruan', description: null, weight: 40.5, maxScore: 'dua puluh' });
    expect(body.minJudgesPerEntry).toBe(3);
  });
});
