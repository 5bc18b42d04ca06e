import { AppError } from '../../src/common/errors/app-error';
import { MAX_RUPIAH, parseRupiah } from '../../src/common/money/rupiah';

function refusal(value: unknown): { field: string; code: string; en: string } {
  try {
    parseRupiah(value, 'budgetEnvelope');
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const [f] = err.fieldErrors;
    return { field: f.field, code: f.code, en: f.message.en };
  }
  throw new Error(`${String(value)} was accepted`);
}

describe('rupiah amounts', () => {
  it.each([
    [0, '0'],
    [250_000_000, '250000000'],
    ['1500000000', '1500000000'],
    [' 007 ', '7'],
    ['9000000000000000000', '9000000000000000000'],
    [Number.MAX_SAFE_INTEGER, '9007199254740991'],
  ])('reads %p as %p', (value, expected) => {
    expect(parseRupiah(value, 'budgetEnvelope')).toBe(expected);
  });

  it.each([
    [1.5, 'not_whole_rupiah'],
    ['1.5', 'not_whole_rupiah'],
    ['1,500,000', 'not_whole_rupiah'],
    ['Rp 1500000', 'not_whole_rupiah'],
    ['1e9', 'not_whole_rupiah'],
    ['', 'not_whole_rupiah'],
    [null, 'not_whole_rupiah'],
    [true, 'not_whole_rupiah'],
    [Number.NaN, 'not_whole_rupiah'],
    [-1, 'negative_amount'],
    ['-1', 'negative_amount'],
    ['9000000000000000001', 'amount_too_large'],
    ['99999999999999999999', 'amount_too_large'],
    [9_007_199_254_740_992, 'send_as_string'],
    [1e19, 'send_as_string'],
  ])('refuses %p (%s), naming the field', (value, code) => {
    expect(refusal(value)).toMatchObject({ field: 'budgetEnvelope', code });
  });

  it('says the limit in the message', () => {
    expect(refusal('9000000000000000001').en).toContain(String(MAX_RUPIAH));
  });
});
