import { safeNext } from '../../../ui/safe-next.ts';

/**
 * Where the family page sends the citizen back after adding or correcting someone on the way (from
 * a new request, from checking a request): that page, with the person just added chosen.
 */
export function returnAddress(next: string | null, personId?: string): string | null {
  if (!next) return null;
  const path = safeNext(next, '');
  if (!path) return null;
  if (!personId) return path;
  const url = new URL(path, 'https://portal.invalid');
  url.searchParams.set('personId', personId);
  return `${url.pathname}${url.search}${url.hash}`;
}
