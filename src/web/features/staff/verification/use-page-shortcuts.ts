import { useDirection } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { describeFocus, type ShortcutAction, shortcutFor } from './shortcuts.ts';

/**
 * Listens to the keyboard for the page's shortcuts (shortcuts.ts) while `isActive` (a dialog open
 * turns them off) and hands each action to `onAction`; a key that is no shortcut goes on as usual.
 */
export function usePageShortcuts(isActive: boolean, onAction: (action: ShortcutAction) => void): void {
  const { dir } = useDirection();
  const handler = useRef(onAction);
  useEffect(() => {
    handler.current = onAction;
  }, [onAction]);
  useEffect(() => {
    if (!isActive) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const action = shortcutFor(event, describeFocus(document.activeElement), dir);
      if (!action) return;
      event.preventDefault();
      handler.current(action);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [isActive, dir]);
}
