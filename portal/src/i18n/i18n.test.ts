import { describe, expect, it } from 'vitest';
import openapi from '../api/openapi.json';
import { areas, dictionaries, loadAllAreas, translate } from './index';

describe('strings', () => {
  it('has every key in both languages, none empty', async () => {
    await loadAllAreas();
    const id = Object.keys(dictionaries.id).sort();
    const en = Object.keys(dictionaries.en).sort();
    expect(en).toEqual(id);
    for (const [k, v] of [...Object.entries(dictionaries.id), ...Object.entries(dictionaries.en)]) expect(v.trim(), k).not.toBe('');
    expect(areas()).toEqual(expect.arrayContaining(['common', 'auth', 'home', 'nav']));
  });

  it('names every kind of timeline event the API can send, in both languages', async () => {
    await loadAllAreas();
    const kinds = openapi.components.schemas.TimelineEventResponse.properties.kind.enum;
    expect(kinds.length).toBeGreaterThan(10);
    for (const lang of ['id', 'en'] as const) {
      expect(kinds.filter((k) => !(`school.timeline.kind.${k}` in dictionaries[lang]))).toEqual([]);
    }
  });

  it('fills placeholders and falls back to Bahasa', () => {
    expect(translate('id', 'auth.rules.minLength', { n: 8 })).toBe('Minimal 8 karakter');
    expect(translate('en', 'auth.rules.minLength', { n: 8 })).toBe('At least 8 characters');
    expect(translate('en', 'common.no-such-key')).toBe('common.no-such-key');
  });
});
