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

/**
 * Saves `value` as a draft a moment after it stops changing, and at once when the page is left
 * (closed, reloaded or sent to the background on a phone) with a save still waiting.
 */
export function useDraftAutosave<T>(key: string, value: T, enabled = true, delayMs = 400): void {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const waiting = useRef<(() => void) | null>(null);
  const serialized = JSON.stringify(value);
  useEffect(() => {
    if (!enabled) return;
    const save = () => {
      clearTimeout(timer.current);
      waiting.current = null;
      saveDraft(key, JSON.parse(serialized) as T);
    };
    clearTimeout(timer.current);
    waiting.current = save;
    timer.current = setTimeout(save, delayMs);
    return () => {
      clearTimeout(timer.current);
      waiting.current = null;
    };
  }, [key, serialized, enabled, delayMs]);
  useEffect(() => {
    const flush = () => waiting.current?.();
    const onHidden = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHidden);
    };
  }, []);
}
