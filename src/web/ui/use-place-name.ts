import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { placeKey } from './place-name.ts';

/** Place names in the reader's language when the catalogue has them, as given otherwise. */
export function usePlaceName(): (name: string) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (name: string) => {
      const key = placeKey(name);
      return i18n.exists(key) ? t(key) : name;
    },
    [t, i18n],
  );
}
