import { DirectionProvider, MantineProvider, useDirection } from '@mantine/core';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error.ts';
import { setApiLanguage } from '../api/client.ts';
import { directionOf, type Locale } from '../i18n/locales.ts';
import { reportIfSessionExpired } from './session-expiry.ts';
import { cssVariablesResolver, theme } from './theme.ts';

/** The query cache of one app (the citizen portal or the staff app): an expired session is reported. */
export function newQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: reportIfSessionExpired }),
    mutationCache: new MutationCache({ onError: reportIfSessionExpired }),
    defaultOptions: {
      queries: {
        // A refusal (4xx) will not change by asking again; a network hiccup or a 5xx might.
        retry: (count, error) => count < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
        refetchOnWindowFocus: false,
      },
    },
  });
}

/** Keeps the API's Accept-Language and Mantine's direction in step with the chosen language. */
function LanguageSync({ client }: { client: QueryClient }) {
  const { i18n } = useTranslation();
  const { setDirection } = useDirection();
  useEffect(() => {
    const apply = (language: string) => {
      setApiLanguage(language);
      setDirection(directionOf(language as Locale));
      // Translated server content (decision reasons) is read again in the new language.
      void client.invalidateQueries({ queryKey: ['translated'] });
    };
    apply(i18n.language);
    i18n.on('languageChanged', apply);
    return () => i18n.off('languageChanged', apply);
  }, [i18n, setDirection, client]);
  return null;
}

/** What both apps stand on: direction (Arabic right to left), Mantine's theme, the query cache. */
export function Providers({
  initialLocale,
  client,
  children,
}: {
  initialLocale: Locale;
  client: QueryClient;
  children: ReactNode;
}) {
  return (
    <DirectionProvider initialDirection={directionOf(initialLocale)} detectDirection={false}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <QueryClientProvider client={client}>
          <LanguageSync client={client} />
          {children}
        </QueryClientProvider>
      </MantineProvider>
    </DirectionProvider>
  );
}
