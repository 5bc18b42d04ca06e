import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

export type Language = 'id' | 'en';
export const LANGUAGES: Language[] = ['id', 'en'];

type Dict = Record<string, unknown>;

// Every string a person reads, one JSON file per area and language: src/i18n/<lang>/<area>.json.
// The areas of the first screens ship with the first chunk; every other area is fetched with its pages.
const EAGER_AREAS = ['common', 'nav', 'auth', 'home'];
const eager = import.meta.glob<Dict>(['./*/common.json', './*/nav.json', './*/auth.json', './*/home.json'], { eager: true, import: 'default' });
const lazyFiles = import.meta.glob<Dict>(['./*/*.json', '!./*/common.json', '!./*/nav.json', '!./*/auth.json', '!./*/home.json'], { import: 'default' });

function parsePath(path: string): { lang: string; area: string } {
  const [, lang, area] = /^\.\/(\w+)\/([\w-]+)\.json$/.exec(path) ?? [];
  return { lang, area };
}

function flatten(prefix: string, node: unknown, into: Record<string, string>): void {
  if (typeof node === 'string') into[prefix] = node;
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) flatten(`${prefix}.${k}`, v, into);
}

export const dictionaries: Record<Language, Record<string, string>> = { id: {}, en: {} };
const loaded = new Set<string>();
const loading = new Map<string, Promise<void>>();
const listeners = new Set<() => void>();

for (const [path, dict] of Object.entries(eager)) {
  const { lang, area } = parsePath(path);
  flatten(area, dict, dictionaries[lang as Language]);
  loaded.add(`${lang}/${area}`);
}

/** The areas that have strings (for tests and for preloading). */
export function areas(): string[] {
  return [...new Set([...Object.keys(eager), ...Object.keys(lazyFiles)].map((p) => parsePath(p).area))];
}

/** Fetches an area's strings in a language (once); resolves at once when they are there. */
export function loadArea(lang: Language, area: string): Promise<void> {
  const id = `${lang}/${area}`;
  if (loaded.has(id)) return Promise.resolve();
  let pending = loading.get(id);
  if (!pending) {
    const file = lazyFiles[`./${lang}/${area}.json`];
    pending = (file ? file() : Promise.resolve({}))
      .then((dict) => {
        flatten(area, dict, dictionaries[lang]);
        loaded.add(id);
        listeners.forEach((l) => l());
      })
      .finally(() => loading.delete(id));
    loading.set(id, pending);
  }
  return pending;
}

/** Loads every area in both languages (unit tests compare the two). */
export async function loadAllAreas(): Promise<void> {
  await Promise.all(areas().flatMap((a) => LANGUAGES.map((l) => loadArea(l, a))));
}

/** Wraps an area's routes so a page opens with its strings already there. */
export function withStrings<T extends { lazy?: unknown; children?: T[] }>(area: string, routes: T[], lang: () => Language): T[] {
  return routes.map((r) => {
    const lazy = r.lazy as undefined | (() => Promise<object>);
    return {
      ...r,
      ...(lazy ? { lazy: async () => (await Promise.all([lazy(), loadArea(lang(), area), loadArea('id', area)]))[0] } : {}),
      ...(r.children ? { children: withStrings(area, r.children, lang) } : {}),
    };
  });
}

export type Params = Record<string, string | number | null | undefined>;

/** Looks a key up and fills {placeholders}; a missing key shows itself, so it is noticed. */
export function translate(lang: Language, key: string, params?: Params): string {
  const area = key.slice(0, key.indexOf('.'));
  // A string of an area not fetched yet: fetch it (the provider re-renders when it arrives).
  if (area && !EAGER_AREAS.includes(area) && !loaded.has(`${lang}/${area}`)) void loadArea(lang, area);
  const text = dictionaries[lang][key] ?? dictionaries.id[key] ?? (loaded.has(`${lang}/${area}`) || EAGER_AREAS.includes(area) ? key : '');
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    return v === undefined || v === null ? '' : String(v);
  });
}

/** Whether a key exists (for optional labels such as enum values). */
export function hasKey(lang: Language, key: string): boolean {
  return key in dictionaries[lang];
}

const STORAGE_KEY = 'jalin.language';

/** The language chosen on this device before sign-in (the user's own preference wins after). */
export function storedLanguage(): Language {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

export function storeLanguage(lang: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this visit
  }
}

interface I18nValue {
  lang: Language;
  setLang(lang: Language): void;
  t(key: string, params?: Params): string;
  /** The label of an enum value, e.g. tEnum('planStatus', 'submitted'); the raw value when unknown. */
  tEnum(group: string, value: string | null | undefined): string;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ lang, setLang, children }: { lang: Language; setLang(lang: Language): void; children: ReactNode }) {
  // Bumped when an area's strings arrive, so every t() reads them.
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    const bump = () => setGeneration((g) => g + 1);
    listeners.add(bump);
    return () => void listeners.delete(bump);
  }, []);
  useEffect(() => {
    // Switching language fetches the new language's strings of the areas already in use.
    const inUse = [...loaded].filter((id) => id.startsWith('id/')).map((id) => id.slice(3));
    void Promise.all(inUse.map((a) => loadArea(lang, a)));
  }, [lang]);
  const t = useCallback((key: string, params?: Params) => translate(lang, key, params), [lang, generation]);
  const tEnum = useCallback(
    (group: string, value: string | null | undefined) => {
      if (!value) return '';
      const key = `enums.${group}.${value}`;
      return hasKey(lang, key) ? translate(lang, key) : value.replace(/_/g, ' ');
    },
    [lang, generation],
  );
  const value = useMemo(() => ({ lang, setLang, t, tEnum }), [lang, setLang, t, tEnum]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language and its translate function. */
export function useI18n(): I18nValue {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
