import { isSessionExpired } from '../api/api-error.ts';

// The query cache learns of an expired session outside React; the router acts on it inside.
const events = new EventTarget();

export function reportIfSessionExpired(error: unknown) {
  if (isSessionExpired(error)) events.dispatchEvent(new Event('expired'));
}

export function onSessionExpired(listener: () => void): () => void {
  events.addEventListener('expired', listener);
  return () => events.removeEventListener('expired', listener);
}
