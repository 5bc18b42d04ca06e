import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './global.css';
import { createTheme, MantineProvider, MantineThemeProvider, type CSSVariablesResolver, type MantineThemeOverride } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import { ApiProblem } from '../api/problem';
import { I18nProvider, useI18n } from '../i18n';
import { SessionProvider, useSession } from './session';

const theme = createTheme({
  primaryColor: 'teal',
  // Shade 9: white text on it keeps a 4.5:1 contrast.
  primaryShade: 9,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  defaultRadius: 'md',
  // Filled yellow or lime buttons and badges get dark text.
  autoContrast: true,
  components: {
    Button: { defaultProps: { size: 'md' } },
  },
});

// The library's dimmed grey is too faint on white for small print (WCAG AA needs 4.5:1).
// Light variants (badges, the active menu item, light alerts) get the darkest shade as text on the
// lightest as background; yellow and orange text need darker tones still.
const DARK_TEXT: Record<string, string> = { yellow: '#7a4f00', orange: '#9c3d00', lime: '#3f6212' };
const cssVariables: CSSVariablesResolver = (theme) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5c636a',
    '--mantine-color-placeholder': '#6c737a',
    '--mantine-color-error': '#c92a2a',
    ...Object.fromEntries(
      Object.entries(theme.colors).flatMap(([name, shades]) => [
        [`--mantine-color-${name}-light`, shades[0]],
        // Hover keeps the same contrast: the lightest shade, marked by the cursor and the focus ring.
        [`--mantine-color-${name}-light-hover`, shades[0]],
        [`--mantine-color-${name}-light-color`, DARK_TEXT[name] ?? shades[9]],
        [`--mantine-color-${name}-filled-hover`, shades[9]],
        [`--mantine-color-${name}-outline`, DARK_TEXT[name] ?? shades[9]],
        // Coloured text (`c="orange"`, subtle and transparent buttons) on white.
        [`--mantine-color-${name}-text`, DARK_TEXT[name] ?? shades[9]],
      ]),
    ),
  },
  dark: {},
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

/**
 * The close buttons of the short messages at the top of the screen (`ui/notify.ts`), of dialogs and
 * of drawers, named in the reader's language wherever they are opened.
 */
function LocalisedCloseButtons({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const close = t('common.close');
  const named = useMemo<MantineThemeOverride>(() => {
    const closeButtonProps = { 'aria-label': close };
    return { components: { Notification: { defaultProps: { closeButtonProps } }, Modal: { defaultProps: { closeButtonProps } }, Drawer: { defaultProps: { closeButtonProps } } } };
  }, [close]);
  return (
    <MantineThemeProvider theme={named}>
      <Notifications position="top-center" />
      {children}
    </MantineThemeProvider>
  );
}

function LanguageBridge({ children }: { children: ReactNode }) {
  const { language, setLanguage } = useSession();
  document.documentElement.lang = language;
  return (
    <I18nProvider lang={language} setLang={setLanguage}>
      <LocalisedCloseButtons>{children}</LocalisedCloseButtons>
    </I18nProvider>
  );
}

export function Providers({ children }: { children: ReactNode }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={cssVariables}>
      <QueryClientProvider client={queryClient}>
        <SessionProvider>
          <LanguageBridge>{children}</LanguageBridge>
        </SessionProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
