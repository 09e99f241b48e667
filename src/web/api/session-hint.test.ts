import { describe, expect, it } from 'vitest';
import { hasSessionHint, SESSION_HINT_KEY, setSessionHint } from './session-hint.ts';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

describe('the session hint', () => {
  it('is absent on a first visit, set at sign-in and cleared at sign-out', () => {
    const storage = memoryStorage();
    expect(hasSessionHint(storage)).toBe(false);
    setSessionHint(true, storage);
    expect(storage.items.get(SESSION_HINT_KEY)).toBe('1');
    expect(hasSessionHint(storage)).toBe(true);
    setSessionHint(false, storage);
    expect(hasSessionHint(storage)).toBe(false);
  });

  it('asks the server anyway when the device refuses storage', () => {
    const refusing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
      removeItem: () => undefined,
    };
    expect(hasSessionHint(refusing)).toBe(true);
    expect(() => setSessionHint(true, refusing)).not.toThrow();
  });
});
