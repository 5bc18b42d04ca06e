import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * Changes some query parameters of the current URL, in place (no new history entry): a value sets
 * the parameter, an empty one (or null) removes it, the others stay.
 */
export function useSetUrlParams() {
  const [, setParams] = useSearchParams();
  return useCallback(
    (changes: Record<string, string | null | undefined>) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [name, value] of Object.entries(changes)) {
            if (value === null || value === undefined || value === '') next.delete(name);
            else next.set(name, value);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
}

/**
 * A list's filters kept in the URL under the API's own query parameter names, so any page can link to
 * "the records behind a figure" and a reload keeps them. Empty values leave the URL.
 */
export function useUrlFilters<K extends string>(names: readonly K[]) {
  const [params] = useSearchParams();
  const values = Object.fromEntries(names.map((n) => [n, params.get(n) ?? ''])) as Record<K, string>;
  const set = useSetUrlParams() as (changes: Partial<Record<K, string | null>>) => void;
  return [values, set] as const;
}

/** The filters as the API takes them: only the ones set. */
export function onlySet<T extends Record<string, string>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '')) as Partial<T>;
}
