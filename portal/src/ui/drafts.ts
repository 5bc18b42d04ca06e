import { useCallback, useEffect, useRef, useState } from 'react';

const PREFIX = 'jalin.draft.';

/**
 * A form's unsent values kept on the device (a lost connection or a closed tab loses nothing);
 * removed once the server has them.
 */
export function loadDraft<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    return raw ? (JSON.parse(raw) as { value: T }).value : null;
  } catch {
    return null;
  }
}

export function saveDraft<T>(key: string, value: T): void {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify({ savedAt: new Date().toISOString(), value }));
  } catch {
    // storage full or private mode: the form still works, only without the safety copy
  }
}

export function clearDraft(key: string): void {
  try {
    localStorage.removeItem(PREFIX + key);
  } catch {
    // nothing to clear
  }
}

/** A key made once per intended write, kept with the draft, so a retry never creates twice. */
export function useIdempotencyKey(draftKey: string): { key: string; renew(): void } {
  const storageKey = `${draftKey}.idempotency`;
  const [key, setKey] = useState<string>(() => loadDraft<string>(storageKey) ?? crypto.randomUUID());
  useEffect(() => saveDraft(storageKey, key), [storageKey, key]);
  const renew = useCallback(() => {
    clearDraft(storageKey);
    setKey(crypto.randomUUID());
  }, [storageKey]);
  return { key, renew };
}

/** Saves `value` as a draft a moment after it stops changing. */
export function useDraftAutosave<T>(key: string, value: T, enabled = true, delayMs = 400): void {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const serialized = JSON.stringify(value);
  useEffect(() => {
    if (!enabled) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => saveDraft(key, JSON.parse(serialized) as T), delayMs);
    return () => clearTimeout(timer.current);
  }, [key, serialized, enabled, delayMs]);
}
