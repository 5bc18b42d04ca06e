import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { formatRupiah } from '../../src/common/money/format-rupiah';
import { IsRupiah, rupiahProblem } from '../../src/common/money/is-rupiah';
import { canonicalJson, requestHash } from '../../src/idempotency/request-hash';
import { readIdempotencyKey } from '../../src/idempotency/idempotency-key.decorator';
import { AppError } from '../../src/common/errors/app-error';

class Payment {
  @IsRupiah({ positive: true })
  amount: unknown;
}

class Settlement {
  @IsRupiah()
  returned: unknown;
}

function read<T extends object>(cls: new () => T, plain: object): { value: T; errors: Array<{ property: string; code: string; message: string }> } {
  const value = plainToInstance(cls, plain);
  const errors = validateSync(value).flatMap((e) => Object.entries(e.constraints ?? {}).map(([code, message]) => ({ property: e.property, code, message })));
  return { value, errors };
}

describe('@IsRupiah', () => {
  it.each([
    [1, '1'],
    [250_000_000, '250000000'],
    [' 0042 ', '42'],
    ['9007199254740993', '9007199254740993'],
    ['9000000000000000000', '9000000000000000000'],
    [Number.MAX_SAFE_INTEGER, '9007199254740991'],
  ])('turns %p into the digit string %p', (amount, expected) => {
    const { value, errors } = read(Payment, { amount });
    expect(errors).toEqual([]);
    expect(value.amount).toBe(expected);
  });

  it.each([
    [1.5, /without decimals/],
    [1e-3, /without decimals/],
    ['1.5', /digits only/],
    ['1e3', /digits only/],
    ['1,000', /digits only/],
    ['Rp 1000', /digits only/],
    [-1, /cannot be negative/],
    ['-1', /cannot be negative/],
    [0, /more than 0/],
    ['0', /more than 0/],
    [2 ** 53, /digit string/],
    [1e21, /digit string/],
    ['9000000000000000001', /at most 9000000000000000000/],
    [null, /integer or a digit string/],
    [undefined, /integer or a digit string/],
    [true, /integer or a digit string/],
    [{ value: 1 }, /integer or a digit string/],
    [Number.NaN, /without decimals/],
  ])('refuses %p, saying what to send', (amount, message) => {
    const { errors } = read(Payment, { amount });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ property: 'amount', code: 'isRupiah' });
    expect(errors[0].message).toMatch(message);
    expect(errors[0].message.startsWith('amount ')).toBe(true);
  });

  it('accepts zero when the field allows it', () => {
    expect(read(Settlement, { returned: 0 }).value.returned).toBe('0');
    expect(read(Settlement, { returned: 0 }).errors).toEqual([]);
    expect(read(Settlement, { returned: -1 }).errors).toHaveLength(1);
  });

  it('names the problem without throwing', () => {
    expect(rupiahProblem('12', 'x')).toBeNull();
    expect(rupiahProblem('0', 'x', { positive: true })).toBe('x must be more than 0 rupiah');
    expect(rupiahProblem(0.5, 'x')).toMatch(/^x must be whole rupiah/);
  });
});

describe('formatRupiah', () => {
  it.each([
    ['0', 'Rp 0'],
    ['999', 'Rp 999'],
    ['1000', 'Rp 1.000'],
    ['1500000000', 'Rp 1.500.000.000'],
    [9007199254740993n, 'Rp 9.007.199.254.740.993'],
    [-2500n, '-Rp 2.500'],
  ])('writes %p as %p', (amount, text) => {
    expect(formatRupiah(amount)).toBe(text);
  });
});

describe('idempotency request hashes', () => {
  it('are the same for the same content in any key order, and differ for any other content', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[1,{"e":null,"f":2}]},"b":1}');
    expect(requestHash({ amount: '1000', grantId: 'g' })).toBe(requestHash({ grantId: 'g', amount: '1000' }));
    expect(requestHash({ amount: '1000', note: undefined })).toBe(requestHash({ amount: '1000' }));
    expect(requestHash({ amount: '1000' })).not.toBe(requestHash({ amount: '1001' }));
    expect(requestHash({ amount: '1000' })).not.toBe(requestHash({ amount: 1000 }));
    expect(requestHash({ amount: '1000' })).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keys must be 1–200 visible ASCII characters; a missing one is a 400 that says why', () => {
    expect(readIdempotencyKey('3f2a6c1e-8d4b-4c5e-9a7b-1e2d3c4b5a69')).toBe('3f2a6c1e-8d4b-4c5e-9a7b-1e2d3c4b5a69');
    expect(readIdempotencyKey('~'.repeat(200))).toHaveLength(200);
    const refusal = (value: string | undefined) => {
      try {
        readIdempotencyKey(value);
      } catch (err) {
        return err as AppError;
      }
      throw new Error('accepted');
    };
    expect(refusal(undefined).params.reason).toMatch(/^Idempotency-Key header is required/);
    expect(refusal('').code).toBe('bad_request');
    for (const bad of ['a b', 'x'.repeat(201), 'kunci\u00e9', 'tab\there']) expect(refusal(bad).code).toBe('bad_request');
  });
});
