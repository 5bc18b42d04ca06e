import { describe, expect, it } from 'vitest';
import { formatDate, formatRupiah, parseRupiah, sumRupiah, toBigInt } from './format';

describe('money', () => {
  it('writes rupiah the Indonesian way in both languages', () => {
    expect(formatRupiah('1250000', 'id')).toBe('Rp 1.250.000');
    expect(formatRupiah('1250000', 'en')).toBe('Rp 1.250.000');
    expect(formatRupiah(0)).toBe('Rp 0');
    expect(formatRupiah('-5000')).toBe('−Rp 5.000');
    expect(formatRupiah(null)).toBe('–');
  });

  it('keeps amounts beyond 2^53 exact', () => {
    expect(formatRupiah('9007199254740993')).toBe('Rp 9.007.199.254.740.993');
    expect(sumRupiah(['9007199254740993', '1', null, ''])).toBe('9007199254740994');
    expect(toBigInt(1.5)).toBeNull();
  });

  it('reads what a person typed', () => {
    expect(parseRupiah('Rp 1.250.000')).toBe('1250000');
    expect(parseRupiah('1250000')).toBe('1250000');
    expect(parseRupiah('007')).toBe('7');
    expect(parseRupiah('1,5')).toBeNull();
    expect(parseRupiah('')).toBeNull();
  });
});

describe('dates', () => {
  it('writes dd/mm/yyyy and long dates in both languages', () => {
    expect(formatDate('2026-12-05', 'id', 'short')).toBe('05/12/2026');
    expect(formatDate('2026-12-05', 'id')).toBe('5 Desember 2026');
    expect(formatDate('2026-12-05', 'en')).toBe('5 December 2026');
    expect(formatDate(null)).toBe('–');
  });
});
