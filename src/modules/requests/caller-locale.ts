import type { FastifyRequest } from 'fastify';
import { isLocale, type Locale, negotiateLocale } from '../../platform/i18n/i18n.ts';

/**
 * The language of what the API writes for the caller (a refusal's template): Accept-Language
 * first, the signed-in account's language when it names none of ours, else French. The same rule
 * as problem titles.
 */
export function callerLocale(request: FastifyRequest): Locale {
  const accountLocale = request.principal?.locale;
  return negotiateLocale(request.headers['accept-language'], isLocale(accountLocale) ? accountLocale : 'fr');
}
