import { useTranslation } from 'react-i18next';
import { clocksDiffer, deviceTimeZone, zoneCity } from './local-time.ts';
import { usePlaceName } from './use-place-name.ts';

/**
 * How times at a consulate are labelled: always its local time, and said by name ("heure de
 * Paris") when the citizen's own clock reads otherwise at that moment.
 */
export function useZoneLabel(timeZone: string | undefined, at: Date = new Date()) {
  const { t } = useTranslation();
  const placeName = usePlaceName();
  if (!timeZone) return { differs: false, zoneTime: '', note: '' };
  const city = placeName(zoneCity(timeZone).english);
  const differs = clocksDiffer(timeZone, deviceTimeZone(), at);
  const zoneTime = t('time.zoneTime', { city });
  return {
    differs,
    // "heure de Paris"
    zoneTime,
    note: differs ? t('time.differsNote', { zoneTime }) : t('time.sameNote'),
  };
}
