import { getMetadataStorage } from 'class-validator';
import { AppModule } from '../../src/app.module';
import { boundIntegerFields, completeDtoRules } from '../../src/common/errors/dto-rules';

interface Meta {
  type: string;
  constraints?: unknown[];
  name?: string;
  propertyName: string;
}

describe('integer fields have the bounds of their column', () => {
  it('every @IsInt field of every DTO has a maximum and a minimum once the app module is built', () => {
    expect(AppModule).toBeDefined(); // loads every feature module and its DTOs
    boundIntegerFields();
    const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, Meta[]> };
    const unbounded: string[] = [];
    let integers = 0;
    for (const [target, list] of storage.validationMetadatas) {
      for (const m of list.filter((x) => x.name === 'isInt')) {
        integers++;
        const own = list.filter((o) => o.propertyName === m.propertyName).map((o) => o.name);
        if (!own.includes('max') || !own.includes('min')) unbounded.push(`${(target as { name: string }).name}.${m.propertyName}`);
      }
    }
    expect(integers).toBeGreaterThan(10);
    expect(unbounded).toEqual([]);
    expect(boundIntegerFields()).toBe(0);
  });

  it('every nested field of every DTO (obligations, criteria, expense lines...) takes objects only', () => {
    completeDtoRules();
    const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, Meta[]> };
    const open: string[] = [];
    for (const [target, list] of storage.validationMetadatas) {
      for (const m of list.filter((x) => x.type === 'nestedValidation')) {
        if (!list.some((o) => o.propertyName === m.propertyName && o.name === 'isNestedObject')) open.push(`${(target as { name: string }).name}.${m.propertyName}`);
      }
    }
    expect(open).toEqual([]);
  });

  it('every date field of every DTO accepts only real calendar dates (no 2026-02-30)', () => {
    expect(AppModule).toBeDefined();
    const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, Meta[]> };
    const lenient: string[] = [];
    for (const [target, list] of storage.validationMetadatas) {
      for (const m of list.filter((x) => x.name === 'isISO8601' || x.name === 'isDateString')) {
        if ((m.constraints?.[0] as { strict?: boolean } | undefined)?.strict !== true) lenient.push(`${(target as { name: string }).name}.${m.propertyName}`);
      }
    }
    expect(lenient).toEqual([]);
  });
});
