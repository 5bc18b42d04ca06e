import { AppError } from '../../src/common/errors/app-error';
import { decodeCursor, encodeCursor, toPage } from '../../src/common/pagination/pagination';

describe('cursors', () => {
  it('round-trips the sort key of the last row', () => {
    const c = encodeCursor(['SDN Pelambuan 4', 'a-uuid']);
    expect(decodeCursor(c, 2)).toEqual(['SDN Pelambuan 4', 'a-uuid']);
    expect(decodeCursor(undefined, 2)).toBeNull();
  });

  it.each(['garbage', encodeCursor(['only one']), Buffer.from('{"a":1}').toString('base64url')])('refuses a cursor it did not make: %s', (c) => {
    expect(() => decodeCursor(c, 2)).toThrow(AppError);
  });

  it('uses the extra row only to tell that another page exists', () => {
    const rows = [{ k: 1 }, { k: 2 }, { k: 3 }];
    const page = toPage(rows, 2, (r) => [r.k], (r) => r.k * 10);
    expect(page.items).toEqual([10, 20]);
    expect(decodeCursor(page.nextCursor ?? undefined, 1)).toEqual([2]);
    expect(toPage(rows, 3, (r) => [r.k], (r) => r.k).nextCursor).toBeNull();
  });
});

describe('typed cursors', () => {
  it('refuses values of the wrong kind before they reach the database', () => {
    expect(() => decodeCursor(encodeCursor(['a', 'x']), ['string', 'uuid'])).toThrow(AppError);
    expect(() => decodeCursor(encodeCursor(['x']), ['int'])).toThrow(AppError);
    expect(decodeCursor(encodeCursor(['a', '3f2a6c1e-8d4b-4c5e-9a7b-1e2d3c4b5a69']), ['string', 'uuid'])).toEqual(['a', '3f2a6c1e-8d4b-4c5e-9a7b-1e2d3c4b5a69']);
    expect(decodeCursor(encodeCursor(['1042']), ['int'])).toEqual(['1042']);
  });
});
