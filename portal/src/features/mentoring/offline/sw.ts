import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { OFFLINE_PROFILE_URL, OFFLINE_SESSION_CACHE, OFFLINE_TOKEN } from './offline-session';

/**
 * The portal's service worker (built by vite-plugin-pwa's injectManifest): the app shell and every
 * lazily loaded chunk precached, so a page opens and reloads without a connection; pages are the
 * precached index.html. API answers are never cached, except the one below.
 *
 * Staying signed in offline: the access token lives in memory, so a reload renews it from the
 * refresh cookie, which needs the server. When the network cannot be reached at all (not when the
 * server refuses), the renewal is answered with a placeholder token that the API never accepts and
 * the profile with the copy kept on this device, so the facilitator's app opens and shows what waits
 * to be sent. Back online, the first call answers 401 and the page renews for real (or, when the
 * session has ended meanwhile, goes to the sign-in page). Signing out or a refused renewal removes
 * the kept profile.
 */

interface FetchEventLike extends Event {
  request: Request;
  respondWith(response: Promise<Response> | Response): void;
}

declare const self: {
  /** Replaced at build time by the list of files to precache (the name must stay exactly this). */
  __WB_MANIFEST: Array<PrecacheEntry | string>;
};

const sw = globalThis as unknown as {
  skipWaiting(): Promise<void>;
  addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void;
};

void sw.skipWaiting();
clientsClaim();
cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/(api|docs|docs-json|health)(\/|$)/] }));

const REFRESH = '/api/v1/auth/refresh';
const LOGOUT = '/api/v1/auth/logout';
const LOGIN = '/api/v1/auth/login';

async function keptProfile(): Promise<Response | undefined> {
  const cache = await caches.open(OFFLINE_SESSION_CACHE);
  return (await cache.match(OFFLINE_PROFILE_URL)) ?? undefined;
}

async function forgetProfile(): Promise<void> {
  await caches.delete(OFFLINE_SESSION_CACHE);
}

/** The network's answer; when the network cannot be reached, the offline answer if there is one. */
async function networkOr(request: Request, offline: () => Promise<Response | undefined>, after?: (res: Response) => Promise<void>): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(request);
  } catch (err) {
    const fallback = await offline();
    if (fallback) return fallback;
    throw err;
  }
  if (after) await after(res.clone());
  return res;
}

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== location.origin) return;
  if (request.method === 'GET' && url.pathname === OFFLINE_PROFILE_URL) {
    event.respondWith(
      networkOr(request, keptProfile, async (res) => {
        if (res.ok && request.headers.get('Authorization') !== `Bearer ${OFFLINE_TOKEN}`) await (await caches.open(OFFLINE_SESSION_CACHE)).put(OFFLINE_PROFILE_URL, res);
      }),
    );
  } else if (request.method === 'POST' && url.pathname === REFRESH) {
    event.respondWith(
      networkOr(
        request,
        async () => ((await keptProfile()) ? Response.json({ accessToken: OFFLINE_TOKEN, tokenType: 'Bearer', expiresIn: 120 }) : undefined),
        async (res) => {
          if (res.status === 401) await forgetProfile();
        },
      ),
    );
  } else if (request.method === 'POST' && (url.pathname === LOGOUT || url.pathname === LOGIN)) {
    event.respondWith(forgetProfile().then(() => fetch(request)));
  }
});
