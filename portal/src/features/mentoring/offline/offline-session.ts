import type { Me } from '../../../app/session';

/** Where the service worker keeps the signed-in profile for opening the app without a connection. */
export const OFFLINE_SESSION_CACHE = 'jalin-offline-session';
export const OFFLINE_PROFILE_URL = '/api/v1/auth/me';
/** What the service worker answers a renewal with when the network is unreachable: never a valid token. */
export const OFFLINE_TOKEN = 'offline';

/**
 * Keeps the profile of the signed-in facilitator where the service worker finds it (the worker also
 * refreshes it from every profile answer it passes on once it controls the page).
 */
export async function keepProfileForOffline(me: Me): Promise<void> {
  if (typeof caches === 'undefined') return;
  try {
    const cache = await caches.open(OFFLINE_SESSION_CACHE);
    await cache.put(OFFLINE_PROFILE_URL, new Response(JSON.stringify(me), { headers: { 'Content-Type': 'application/json' } }));
  } catch {
    // storage blocked: the app then needs a connection to open
  }
}
