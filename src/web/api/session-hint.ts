// Whether this device may hold a session: set when someone signs up, signs in or confirms their
// e-mail here, cleared at sign-out or when the API says the session is gone. Without it, the portal
// does not ask /api/v1/me at all — an anonymous visitor's browser then logs no 401.
export const SESSION_HINT_KEY = 'mawid.session';

type HintStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function storageOf(storage?: HintStorage): HintStorage | undefined {
  if (storage) return storage;
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** True when someone may be signed in on this device (storage refused: we cannot know, so yes). */
export function hasSessionHint(storage?: HintStorage): boolean {
  const store = storageOf(storage);
  if (!store) return true;
  try {
    return store.getItem(SESSION_HINT_KEY) === '1';
  } catch {
    return true;
  }
}

export function setSessionHint(isSignedIn: boolean, storage?: HintStorage): void {
  const store = storageOf(storage);
  try {
    if (isSignedIn) store?.setItem(SESSION_HINT_KEY, '1');
    else store?.removeItem(SESSION_HINT_KEY);
  } catch {
    // Not remembered: the next visit asks the server again, as before.
  }
}
