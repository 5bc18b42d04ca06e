import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, connectSession, unwrap } from '../api/client';
import type { components } from '../api/schema';
import { storeLanguage, storedLanguage, type Language } from '../i18n';

export type Me = components['schemas']['MeResponse'];
type Tokens = { accessToken: string; expiresIn: number };

/** Asks the API to keep the refresh token in its httpOnly cookie instead of the JSON body. */
export const COOKIE_SESSION = { 'X-Jalin-Session': 'cookie' } as const;

interface SessionValue {
  status: 'loading' | 'anonymous' | 'signed-in';
  me: Me | null;
  language: Language;
  setLanguage(lang: Language): void;
  /** Takes the token answer of login or accept-invitation and loads the profile. */
  signedIn(tokens: Tokens): Promise<void>;
  signOut(): Promise<void>;
  /**
   * Loads the profile again after something in it changed elsewhere (e.g. the organisation's name);
   * keeps the one it has when the API cannot be reached.
   */
  reloadMe(): Promise<void>;
  hasPermission(permission: string): boolean;
}

const SessionContext = createContext<SessionValue | null>(null);

/** The signed-in session: the access token lives in memory only, the refresh token in an httpOnly cookie. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const token = useRef<string | null>(null);
  const renewing = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [status, setStatus] = useState<SessionValue['status']>('loading');
  const [me, setMe] = useState<Me | null>(null);
  const [language, setLanguageState] = useState<Language>(storedLanguage());
  const languageRef = useRef(language);
  languageRef.current = language;

  const clear = useCallback(() => {
    token.current = null;
    clearTimeout(timer.current);
    setMe(null);
    setStatus('anonymous');
    queryClient.clear();
  }, [queryClient]);

  const schedule = useCallback((expiresIn: number) => {
    clearTimeout(timer.current);
    // Renew a minute before expiry so a form being typed never meets an expired token.
    const ms = Math.max(10, expiresIn - 60) * 1000;
    timer.current = setTimeout(() => void renewRef.current(), ms);
  }, []);

  const renew = useCallback(async (): Promise<boolean> => {
    if (!renewing.current) {
      renewing.current = (async () => {
        try {
          const res = await api.POST('/api/v1/auth/refresh', { body: {}, headers: COOKIE_SESSION });
          if (!res.data) return false;
          token.current = res.data.accessToken;
          schedule(res.data.expiresIn);
          return true;
        } catch {
          return false;
        } finally {
          renewing.current = null;
        }
      })();
    }
    return renewing.current;
  }, [schedule]);
  const renewRef = useRef(renew);
  renewRef.current = renew;

  const loadMe = useCallback(async () => {
    const profile = await unwrap(api.GET('/api/v1/auth/me'));
    setMe(profile);
    const preferred = profile.locale;
    if (preferred === 'id' || preferred === 'en') {
      setLanguageState(preferred);
      storeLanguage(preferred);
    }
    setStatus('signed-in');
  }, []);

  useEffect(() => {
    connectSession({
      accessToken: () => token.current,
      renew: () => renewRef.current(),
      onSignedOut: clear,
      language: () => languageRef.current,
    });
    // A reload keeps the user signed in: the refresh cookie gives a new access token.
    void (async () => {
      if (await renew()) {
        try {
          await loadMe();
          return;
        } catch {
          // fall through to signed out
        }
      }
      setStatus('anonymous');
    })();
    return () => clearTimeout(timer.current);
  }, [clear, loadMe, renew]);

  const signedIn = useCallback(
    async (tokens: Tokens) => {
      token.current = tokens.accessToken;
      schedule(tokens.expiresIn);
      await loadMe();
    },
    [loadMe, schedule],
  );

  const reloadMe = useCallback(async () => {
    if (!token.current) return;
    try {
      setMe(await unwrap(api.GET('/api/v1/auth/me')));
    } catch {
      // the profile shown stays as it was; the next sign-in or reload brings the new one
    }
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.POST('/api/v1/auth/logout', { headers: COOKIE_SESSION });
    } finally {
      clear();
    }
  }, [clear]);

  const setLanguage = useCallback(
    (lang: Language) => {
      setLanguageState(lang);
      storeLanguage(lang);
      languageRef.current = lang;
      // Remembered per user: the API keeps the choice with the profile.
      if (token.current) void api.PATCH('/api/v1/auth/me', { body: { locale: lang } }).catch(() => undefined);
      void queryClient.invalidateQueries();
    },
    [queryClient],
  );

  const hasPermission = useCallback((p: string) => !!me?.permissions.includes(p), [me]);

  const value = useMemo(
    () => ({ status, me, language, setLanguage, signedIn, signOut, reloadMe, hasPermission }),
    [status, me, language, setLanguage, signedIn, signOut, reloadMe, hasPermission],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}
