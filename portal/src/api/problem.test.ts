import { describe, expect, it } from 'vitest';
import { ApiProblem, fieldPathToFormName, splitFieldProblems, toProblem } from './problem';

describe('problems to fields', () => {
  it('turns JSON paths into form field names', () => {
    expect(fieldPathToFormName('content.programs[0].activities[12].name')).toBe('content.programs.0.activities.12.name');
    expect(fieldPathToFormName('email')).toBe('email');
  });

  it('puts field problems on known fields and keeps the rest for the form', () => {
    const p = new ApiProblem(
      { status: 422, code: 'validation_failed', title: 'Ada isian yang perlu diperbaiki', errors: [
        { field: 'email', code: 'isEmail', message: 'email harus berupa alamat email' },
        { field: 'version', code: 'isInt', message: 'version harus bilangan bulat' },
      ] },
      422,
    );
    const { atField, rest } = splitFieldProblems(p, (n) => n === 'email');
    expect(atField.map((f) => f.name)).toEqual(['email']);
    expect(rest.map((f) => f.field)).toEqual(['version']);
  });

  it('treats a failed fetch as a network problem', () => {
    const p = toProblem(new TypeError('Failed to fetch'));
    expect(p.isNetwork).toBe(true);
    expect(p.code).toBe('network_error');
  });
});
