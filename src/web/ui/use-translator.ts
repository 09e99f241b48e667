import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../i18n/locales.ts';
import { intlLocale } from '../i18n/setup.ts';
import type { Translator } from './problem-message.ts';

/** The translator for pure helpers, the current language and its Intl tag. */
export function useTranslator(): { tr: Translator; locale: Locale; intl: string } {
  const { t, i18n } = useTranslation();
  const locale = (i18n.resolvedLanguage ?? i18n.language) as Locale;
  const tr = useMemo<Translator>(
    () => ({ exists: (key) => i18n.exists(key), t: (key, params) => t(key, params ?? {}) }),
    [t, i18n],
  );
  return { tr, locale, intl: intlLocale(locale) };
}
