import { describe, expect, it } from 'vitest';
import {
  arrowsOf,
  type FocusedElement,
  isTypingIn,
  type KeyPress,
  letterOf,
  shortcutFor,
  shortcutList,
} from './shortcuts.ts';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  code: extra.code ?? '',
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...extra,
});
const button: FocusedElement = { tagName: 'BUTTON' };

describe('the shortcuts of the verification page', () => {
  it('move between documents with the arrows in the reading direction', () => {
    expect(shortcutFor(press('ArrowRight'), null, 'ltr')).toBe('nextDocument');
    expect(shortcutFor(press('ArrowLeft'), null, 'ltr')).toBe('previousDocument');
    // Right to left: the left arrow goes forward, as the text does.
    expect(shortcutFor(press('ArrowLeft'), null, 'rtl')).toBe('nextDocument');
    expect(shortcutFor(press('ArrowRight'), null, 'rtl')).toBe('previousDocument');
    expect(arrowsOf('rtl')).toEqual({ next: 'ArrowLeft', previous: 'ArrowRight' });
  });

  it('have a letter for each step of the work, whatever the case', () => {
    const cases: [string, string][] = [
      ['j', 'nextDocument'],
      ['k', 'previousDocument'],
      ['a', 'acceptDocument'],
      ['A', 'acceptDocument'],
      ['r', 'refuseDocument'],
      ['d', 'decide'],
      ['n', 'nextRequest'],
      ['t', 'rotate'],
      ['+', 'zoomIn'],
      ['=', 'zoomIn'],
      ['-', 'zoomOut'],
      ['0', 'resetView'],
      ['?', 'help'],
    ];
    for (const [key, action] of cases) expect(shortcutFor(press(key), button, 'ltr'), key).toBe(action);
    expect(shortcutFor(press('q'), button, 'ltr')).toBeNull();
    expect(shortcutFor(press('Enter'), button, 'ltr')).toBeNull();
    expect(shortcutFor(press(' '), button, 'ltr')).toBeNull();
  });

  it('work on an Arabic keyboard: the letter of the key’s place, and the Arabic question mark', () => {
    expect(letterOf({ key: 'ش', code: 'KeyA' })).toBe('a');
    expect(shortcutFor(press('ش', { code: 'KeyA' }), null, 'rtl')).toBe('acceptDocument');
    expect(shortcutFor(press('ى', { code: 'KeyN' }), null, 'rtl')).toBe('nextRequest');
    expect(shortcutFor(press('؟', { code: 'Slash' }), null, 'rtl')).toBe('help');
    expect(shortcutFor(press('+', { code: 'NumpadAdd' }), null, 'rtl')).toBe('zoomIn');
  });

  it('read the letter typed on a Latin layout, not the key’s place (AZERTY)', () => {
    // On AZERTY the key typing "a" sits where QWERTY has Q.
    expect(shortcutFor(press('a', { code: 'KeyQ' }), null, 'ltr')).toBe('acceptDocument');
    // "é" on the 2 key is no shortcut, and is not read as a letter of its place.
    expect(letterOf({ key: 'é', code: 'Digit2' })).toBeNull();
  });

  it('never fire while the person types in a field', () => {
    const fields: FocusedElement[] = [
      { tagName: 'INPUT', type: 'text' },
      { tagName: 'INPUT', type: 'search' },
      { tagName: 'INPUT', type: '' },
      { tagName: 'TEXTAREA' },
      { tagName: 'SELECT' },
      { tagName: 'DIV', isContentEditable: true },
      { tagName: 'DIV', role: 'textbox' },
      { tagName: 'INPUT', role: 'combobox', type: 'text' },
    ];
    for (const field of fields) {
      expect(isTypingIn(field), JSON.stringify(field)).toBe(true);
      for (const key of ['a', 'r', 'n', 'ArrowRight', '?', '+', '0']) {
        expect(shortcutFor(press(key), field, 'ltr'), `${key} in ${JSON.stringify(field)}`).toBeNull();
      }
    }
    expect(isTypingIn(button)).toBe(false);
    expect(isTypingIn({ tagName: 'INPUT', type: 'radio' })).toBe(false);
    expect(isTypingIn(null)).toBe(false);
  });

  it('leave the arrows to the widgets that move with them, letters still working there', () => {
    const radio: FocusedElement = { tagName: 'INPUT', type: 'radio' };
    const tab: FocusedElement = { tagName: 'BUTTON', role: 'tab', isInArrowWidget: true };
    for (const focused of [radio, tab]) {
      expect(shortcutFor(press('ArrowRight'), focused, 'ltr')).toBeNull();
      expect(shortcutFor(press('ArrowLeft'), focused, 'rtl')).toBeNull();
      expect(shortcutFor(press('d'), focused, 'ltr')).toBe('decide');
    }
  });

  it('leave the browser’s and the system’s shortcuts alone (Ctrl, Alt, Meta)', () => {
    expect(shortcutFor(press('a', { ctrlKey: true }), null, 'ltr')).toBeNull();
    expect(shortcutFor(press('r', { metaKey: true }), null, 'ltr')).toBeNull();
    expect(shortcutFor(press('ArrowLeft', { altKey: true }), null, 'ltr')).toBeNull();
    expect(shortcutFor(press('+', { ctrlKey: true }), null, 'ltr')).toBeNull();
  });

  it('are listed with the arrows of the reading direction, and each listed key does what it says', () => {
    const ltr = shortcutList('ltr');
    const rtl = shortcutList('rtl');
    expect(ltr.find((s) => s.action === 'nextDocument')?.keys).toEqual(['→', 'J']);
    expect(rtl.find((s) => s.action === 'nextDocument')?.keys).toEqual(['←', 'J']);
    expect(rtl.find((s) => s.action === 'previousDocument')?.keys).toEqual(['→', 'K']);
    const typed: Record<string, string> = { '→': 'ArrowRight', '←': 'ArrowLeft', '−': '-' };
    for (const direction of ['ltr', 'rtl'] as const) {
      for (const shortcut of shortcutList(direction)) {
        for (const key of shortcut.keys) {
          const pressed = typed[key] ?? key.toLowerCase();
          expect(shortcutFor(press(pressed), null, direction), `${direction} ${key}`).toBe(shortcut.action);
        }
      }
    }
  });
});
