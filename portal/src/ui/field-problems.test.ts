import type { UseFormReturn } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { ApiProblem, type FieldProblem } from '../api/problem';
import { applyProblemToForm, labelledMessage } from './field-problems';

/** A form that records what is put on its fields. */
function fakeForm(values: Record<string, unknown>) {
  const errors: Array<{ name: string; message: string; focus: boolean }> = [];
  const form = {
    getValues: () => values,
    setError: (name: string, error: { message: string }, options?: { shouldFocus?: boolean }) => errors.push({ name, message: error.message, focus: !!options?.shouldFocus }),
  } as unknown as UseFormReturn<Record<string, unknown>>;
  return { form, errors };
}

const problemWith = (errors: FieldProblem[]) => new ApiProblem({ status: 422, code: 'validation_failed', title: 'Beberapa isian perlu diperbaiki', errors }, 422);

describe('field problems in the words of the form', () => {
  it('puts the label in place of the field path the API names, once, and leaves problems of no field in the API’s words', () => {
    const { form, errors } = fakeForm({});
    const labels: Record<string, string> = { email: 'Email', 'teamMembers.0.name': 'Nama anggota 1' };
    const rest = applyProblemToForm(
      form,
      problemWith([
        { field: 'email', code: 'isEmail', message: 'email harus berupa alamat email yang valid' },
        { field: 'teamMembers[0].name', code: 'isNotEmpty', message: 'teamMembers[0].name wajib diisi' },
        { field: 'version', code: 'min', message: 'version tidak boleh kurang dari 1' },
      ]),
      { label: (name) => labels[name] },
    );
    expect(errors).toEqual([
      { name: 'email', message: 'Email harus berupa alamat email yang valid', focus: true },
      { name: 'teamMembers.0.name', message: 'Nama anggota 1 wajib diisi', focus: false },
    ]);
    expect(rest).toEqual([{ field: 'version', code: 'min', message: 'version tidak boleh kurang dari 1' }]);
  });

  it('without labels, puts problems on the fields the form holds and keeps the rest for the form', () => {
    const { form, errors } = fakeForm({ email: '', password: '' });
    const rest = applyProblemToForm(
      form,
      problemWith([
        { field: 'email', code: 'isEmail', message: 'email harus berupa alamat email' },
        { field: 'version', code: 'isInt', message: 'version harus bilangan bulat' },
      ]),
    );
    expect(errors).toEqual([{ name: 'email', message: 'email harus berupa alamat email', focus: true }]);
    expect(rest.map((f) => f.field)).toEqual(['version']);
  });

  it('follows the form’s own map of API fields, its words for a code, and shows several problems of one field together', () => {
    const { form, errors } = fakeForm({});
    const rest = applyProblemToForm(
      form,
      problemWith([
        { field: 'amount', code: 'isRupiah', message: 'amount harus berupa rupiah bulat' },
        { field: 'planId', code: 'isUuid', message: 'planId harus berupa UUID' },
        { field: 'planProgramId', code: 'isUuid', message: 'planProgramId harus berupa UUID' },
        { field: 'lines[0].description', code: 'isNotEmpty', message: 'lines[0].description wajib diisi' },
      ]),
      {
        toFormName: (f) => (f === 'amount' ? 'lines.2.amount' : f === 'planId' || f === 'planProgramId' ? 'plan' : null),
        label: (name) => (name === 'plan' ? 'Program rencana' : 'Jumlah (Rp)'),
        byCode: (code) => (code === 'isRupiah' ? 'Tulis jumlah rupiah bulat, tanpa sen.' : undefined),
      },
    );
    expect(errors).toEqual([
      { name: 'lines.2.amount', message: 'Tulis jumlah rupiah bulat, tanpa sen.', focus: true },
      { name: 'plan', message: 'Program rencana harus berupa UUID', focus: false },
    ]);
    expect(rest.map((f) => f.field)).toEqual(['lines[0].description']);
  });

  it('reads two different problems at one field as two sentences', () => {
    const { form, errors } = fakeForm({ studentCount: '' });
    applyProblemToForm(
      form,
      problemWith([
        { field: 'studentCount', code: 'isInt', message: 'studentCount harus berupa bilangan bulat' },
        { field: 'studentCount', code: 'min', message: 'studentCount tidak boleh kurang dari 0' },
      ]),
      { label: () => 'Jumlah siswa' },
    );
    expect(errors).toEqual([{ name: 'studentCount', message: 'Jumlah siswa harus berupa bilangan bulat. Jumlah siswa tidak boleh kurang dari 0.', focus: true }]);
  });

  it('leaves anything that is not a problem with fields as it is', () => {
    const { form, errors } = fakeForm({ email: '' });
    expect(applyProblemToForm(form, new Error('offline'), { label: () => 'x' })).toEqual([]);
    expect(errors).toEqual([]);
    expect(labelledMessage({ field: 'note', code: 'maxLength', message: 'note maksimal 500 karakter' }, undefined)).toBe('note maksimal 500 karakter');
  });

  it('keeps a message the API already starts with its label, and does not relabel words inside it', () => {
    const apiLabelled = { field: 'email', label: 'Email', code: 'isEmail', message: 'Email harus berupa alamat email yang valid' };
    expect(labelledMessage(apiLabelled, 'Email')).toBe('Email harus berupa alamat email yang valid');
    expect(labelledMessage({ ...apiLabelled, label: 'Email narahubung', message: 'Email narahubung harus berupa alamat email yang valid' }, 'Email')).toBe('Email harus berupa alamat email yang valid');
  });
});
