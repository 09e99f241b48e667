/**
 * Where to go after signing in: only a path of this site ("/requests/…"), never another origin
 * ("//evil.example", "https://…") slipped into the address.
 */
export function safeNext(next: string | null, fallback = '/requests'): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}
