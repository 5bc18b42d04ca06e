import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './global.css';
import { createTheme, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode } from 'react';
import { ApiProblem } from '../api/problem';
import { I18nProvider } from '../i18n';
import { SessionProvider, useSession } from './session';

const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: 8,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  defaultRadius: 'md',
  components: {
    Button: { defaultProps: { size: 'md' } },
  },
});

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A refusal (4xx) is an answer, not a hiccup: retry only what the network lost.
      retry: (count, err) => count < 2 && (!(err instanceof ApiProblem) || err.status === 0 || err.status >= 500),
      refetchOnWindowFocus: false,
    },
    mutations: { retry: false },
  },
});

function LanguageBridge({ children }: { children: ReactNode }) {
  const { language, setLanguage } = useSession();
  document.documentElement.lang = language;
  return (
    <I18nProvider lang={language} setLang={setLanguage}>
      {children}
    </I18nProvider>
  );
}

export function Providers({ children }: { children: ReactNode }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-center" />
      <QueryClientProvider client={queryClient}>
        <SessionProvider>
          <LanguageBridge>{children}</LanguageBridge>
        </SessionProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
