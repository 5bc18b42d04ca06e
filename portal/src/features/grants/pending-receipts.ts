import { useSyncExternalStore } from 'react';

/**
 * Receipt files chosen for lines that are not on the server yet (or whose upload failed). They are
 * kept in memory and, where the browser allows, in its IndexedDB (files are too big for the draft
 * storage), so a dropped connection, moving between pages or even a reload loses no photo.
 */
const files = new Map<string, File[]>();
const listeners = new Set<() => void>();
let snapshot: ReadonlyMap<string, File[]> = new Map(files);

function changed() {
  snapshot = new Map(files);
  for (const l of listeners) l();
}

const DB = 'jalin-receipts';
const STORE = 'pending';

function openDb(): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    try {
      const req = indexedDB.open(DB, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
}

let db: Promise<IDBDatabase | null> | null = null;
const database = () => (db ??= openDb());

/** Writes one line's files (or removes the entry when none are left); failures only lose the safety copy. */
async function persist(lineKey: string): Promise<void> {
  const d = await database();
  if (!d) return;
  try {
    const tx = d.transaction(STORE, 'readwrite');
    const list = files.get(lineKey);
    if (list && list.length > 0) tx.objectStore(STORE).put(list, lineKey);
    else tx.objectStore(STORE).delete(lineKey);
  } catch {
    // storage full or blocked: the files stay in memory
  }
}

/** Loads what an earlier visit left (once per tab). */
const restored: Promise<void> =
  typeof indexedDB === 'undefined'
    ? Promise.resolve()
    : database().then(
        (d) =>
          new Promise<void>((resolve) => {
            if (!d) return resolve();
            try {
              const store = d.transaction(STORE, 'readonly').objectStore(STORE);
              const req = store.openCursor();
              req.onsuccess = () => {
                const cursor = req.result;
                if (!cursor) {
                  changed();
                  return resolve();
                }
                const key = String(cursor.key);
                if (!files.has(key)) files.set(key, cursor.value as File[]);
                cursor.continue();
              };
              req.onerror = () => resolve();
            } catch {
              resolve();
            }
          }),
      );

export const pendingReceipts = {
  /** Resolves once the files of an earlier visit are back. */
  ready: () => restored,
  get(lineKey: string): File[] {
    return files.get(lineKey) ?? [];
  },
  add(lineKey: string, added: File[]) {
    files.set(lineKey, [...(files.get(lineKey) ?? []), ...added]);
    changed();
    void persist(lineKey);
  },
  remove(lineKey: string, file: File) {
    const left = (files.get(lineKey) ?? []).filter((f) => f !== file);
    if (left.length > 0) files.set(lineKey, left);
    else files.delete(lineKey);
    changed();
    void persist(lineKey);
  },
  /** Forgets every file of these lines (a discarded draft). */
  forget(lineKeys: string[]) {
    for (const k of lineKeys) {
      files.delete(k);
      void persist(k);
    }
    changed();
  },
  /** The line got its server id: its files now wait under that id. */
  move(fromKey: string, toKey: string) {
    const moving = files.get(fromKey);
    if (!moving || fromKey === toKey) return;
    files.delete(fromKey);
    files.set(toKey, [...(files.get(toKey) ?? []), ...moving]);
    changed();
    void persist(fromKey);
    void persist(toKey);
  },
};

/** The pending files of every line, re-rendering when they change. */
export function usePendingReceipts(): ReadonlyMap<string, File[]> {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => snapshot,
  );
}
