import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isLocale, type Locale, nativeNameOf, supportedLocales } from '../i18n/locales.ts';
import { changeLocale } from '../i18n/setup.ts';
import { GlobeIcon } from '../ui/icons.tsx';
import { deviceFontFamily } from './theme.ts';

/**
 * The language menu: the device's own select (comfortable on phones, read by every screen
 * reader), each language named in itself; the choice is remembered on this device.
 */
export function LanguageSelect() {
  const { t, i18n } = useTranslation();
  const current = i18n.language as Locale;
  return (
    <NativeSelect
      aria-label={t('language.label')}
      value={current}
      onChange={(event) => {
        const chosen = event.currentTarget.value;
        if (isLocale(chosen)) void changeLocale(chosen);
      }}
      leftSection={<GlobeIcon size={16} />}
      size="sm"
      w={132}
      // Chrome measures every option with the menu's font: outside Arabic, "العربية" is written with
      // the device's font, so a page without Arabic text does not download Noto Naskh Arabic for it.
      styles={current === 'ar' ? undefined : { input: { fontFamily: deviceFontFamily } }}
      data-testid="language-select"
    >
      {supportedLocales.map((locale) => (
        <option key={locale} value={locale} lang={locale}>
          {nativeNameOf[locale]}
        </option>
      ))}
    </NativeSelect>
  );
}
