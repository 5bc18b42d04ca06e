import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../api/problem';
import { withFieldLabels } from './field-errors';

describe('field problems in the words of the form', () => {
  it('puts the label in place of the field path the API names, once, and keeps the rest of the problem', () => {
    const problem = new ApiProblem(
      {
        status: 422,
        code: 'validation_failed',
        title: 'Beberapa isian perlu diperbaiki',
        errors: [
          { field: 'email', code: 'isEmail', message: 'email harus berupa alamat email yang valid' },
          { field: 'teamMembers[0].name', code: 'isNotEmpty', message: 'teamMembers[0].name wajib diisi' },
          { field: 'version', code: 'min', message: 'version tidak boleh kurang dari 1' },
        ],
      },
      422,
    );
    const labels: Record<string, string> = { email: 'Email', 'teamMembers.0.name': 'Nama anggota 1' };
    const out = withFieldLabels(problem, (name) => labels[name]) as ApiProblem;
    expect(out).toBeInstanceOf(ApiProblem);
    expect(out).toMatchObject({ status: 422, code: 'validation_failed', title: 'Beberapa isian perlu diperbaiki' });
    expect(out.fields.map((f) => [f.field, f.message])).toEqual([
      ['email', 'Email harus berupa alamat email yang valid'],
      ['teamMembers[0].name', 'Nama anggota 1 wajib diisi'],
      ['version', 'version tidak boleh kurang dari 1'],
    ]);
  });

  it('leaves anything that is not a problem with fields as it is', () => {
    const network = new Error('offline');
    expect(withFieldLabels(network, () => 'x')).toBe(network);
  });
});
