import { describeError } from '../../src/common/errors/error-catalog';
import { pickLanguage } from '../../src/common/errors/i18n';

describe('pickLanguage', () => {
  it.each([
    [undefined, 'en'],
    ['id', 'id'],
    ['id-ID,id;q=0.9,en-US;q=0.8', 'id'],
    ['en-US,en;q=0.9,id;q=0.8', 'en'],
    ['fr-FR, id;q=0.5', 'id'],
    ['en;q=0.1, id;q=0.9', 'id'],
    ['id;q=0, en', 'en'],
    ['de', 'en'],
  ])('%s → %s', (header, lang) => {
    expect(pickLanguage(header)).toBe(lang);
  });
});

describe('describeError', () => {
  it('fills the parameters in both languages', () => {
    expect(describeError('too_many_login_attempts', { retryAfter: 30 }, 'en').detail).toBe('Wait 30 seconds before trying again.');
    expect(describeError('too_many_login_attempts', { retryAfter: 30 }, 'id').detail).toBe('Tunggu 30 detik sebelum mencoba lagi.');
    expect(describeError('not_found', { resource: 'user', id: 'abc' }, 'en')).toMatchObject({ status: 404, title: 'Not found' });
  });
});
