/**
 * The verification page's keyboard shortcuts, for a day of work at the keyboard: move between the
 * documents, accept or refuse the one shown, go to the decision, open the next request, zoom and
 * turn an image, and `?` for the list. Pure: the page hands it each key press and what has the
 * focus; it answers the action, or null when the key is not a shortcut there.
 *
 * - The arrows follow the reading direction: in Arabic (right to left) the left arrow goes forward.
 * - Letters are read from the key typed (AZERTY's A is "a"), and, when the layout types no Latin
 *   letter (an Arabic keyboard types «ش» on that key), from the key's place (`KeyA`).
 * - Nothing fires while the person types in a field (text, select, editable area), nor with Ctrl,
 *   Alt or Meta held (the browser's and the system's own shortcuts); the arrows are left to the
 *   widgets that use them (radio buttons, tabs, lists, sliders).
 */
export type ShortcutAction =
  | 'nextDocument'
  | 'previousDocument'
  | 'acceptDocument'
  | 'refuseDocument'
  | 'decide'
  | 'nextRequest'
  | 'zoomIn'
  | 'zoomOut'
  | 'rotate'
  | 'resetView'
  | 'help';

export type Direction = 'ltr' | 'rtl';

export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

/** What has the focus when the key is pressed, as far as shortcuts care. */
export interface FocusedElement {
  tagName: string;
  // The `type` of an <input>.
  type?: string | null;
  isContentEditable?: boolean;
  role?: string | null;
  // True when the element is inside a widget that moves with the arrow keys.
  isInArrowWidget?: boolean;
}

const letterActions: Record<string, ShortcutAction> = {
  j: 'nextDocument',
  k: 'previousDocument',
  a: 'acceptDocument',
  r: 'refuseDocument',
  d: 'decide',
  n: 'nextRequest',
  t: 'rotate',
};

/** The arrows' meaning in a reading direction. */
export function arrowsOf(direction: Direction): { next: string; previous: string } {
  return direction === 'rtl'
    ? { next: 'ArrowLeft', previous: 'ArrowRight' }
    : { next: 'ArrowRight', previous: 'ArrowLeft' };
}

/** The Latin letter of a key press: the character typed, else the key's place on a US layout. */
export function letterOf(press: Pick<KeyPress, 'key' | 'code'>): string | null {
  if (/^[a-z]$/i.test(press.key)) return press.key.toLowerCase();
  // A key that types something else than a Latin letter (Arabic, Greek, Cyrillic layouts).
  if (press.key.length === 1 && !/[\x20-\x7e]/.test(press.key)) {
    const place = /^Key([A-Z])$/.exec(press.code);
    if (place?.[1]) return place[1].toLowerCase();
  }
  return null;
}

const textInputTypes = new Set([
  '',
  'text',
  'search',
  'email',
  'number',
  'password',
  'tel',
  'url',
  'date',
  'datetime-local',
  'month',
  'time',
  'week',
]);
const textRoles = new Set(['textbox', 'searchbox', 'combobox', 'spinbutton']);

/** True when the focus is where a person types: a key there is theirs, never a shortcut. */
export function isTypingIn(element: FocusedElement | null): boolean {
  if (!element) return false;
  const tag = element.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return textInputTypes.has((element.type ?? '').toLowerCase());
  if (element.isContentEditable) return true;
  return textRoles.has(element.role ?? '');
}

const usesArrows = (element: FocusedElement | null) => {
  if (!element) return false;
  const type = (element.type ?? '').toLowerCase();
  return Boolean(element.isInArrowWidget) || (element.tagName.toUpperCase() === 'INPUT' && type === 'radio');
};

/** The action of a key press on the verification page, or null. */
export function shortcutFor(
  press: KeyPress,
  focused: FocusedElement | null,
  direction: Direction,
): ShortcutAction | null {
  if (press.ctrlKey || press.altKey || press.metaKey) return null;
  if (isTypingIn(focused)) return null;
  const arrows = arrowsOf(direction);
  if (press.key === arrows.next || press.key === arrows.previous) {
    if (usesArrows(focused)) return null;
    return press.key === arrows.next ? 'nextDocument' : 'previousDocument';
  }
  // «؟» is the question mark of an Arabic layout.
  if (press.key === '?' || press.key === '؟') return 'help';
  if (press.key === '+' || press.key === '=' || press.code === 'NumpadAdd') return 'zoomIn';
  if (press.key === '-' || press.code === 'NumpadSubtract') return 'zoomOut';
  if (press.key === '0' || press.code === 'Numpad0') return 'resetView';
  const letter = letterOf(press);
  return letter ? (letterActions[letter] ?? null) : null;
}

/** The shortcuts as the page lists them, in a reading direction: keys as printed on the keyboard. */
export function shortcutList(direction: Direction): { action: ShortcutAction; keys: string[] }[] {
  const next = direction === 'rtl' ? '←' : '→';
  const previous = direction === 'rtl' ? '→' : '←';
  return [
    { action: 'nextDocument', keys: [next, 'J'] },
    { action: 'previousDocument', keys: [previous, 'K'] },
    { action: 'acceptDocument', keys: ['A'] },
    { action: 'refuseDocument', keys: ['R'] },
    { action: 'decide', keys: ['D'] },
    { action: 'nextRequest', keys: ['N'] },
    { action: 'zoomIn', keys: ['+'] },
    { action: 'zoomOut', keys: ['−'] },
    { action: 'rotate', keys: ['T'] },
    { action: 'resetView', keys: ['0'] },
    { action: 'help', keys: ['?'] },
  ];
}

const arrowWidgetRoles =
  '[role="radiogroup"],[role="tablist"],[role="listbox"],[role="menu"],[role="menubar"],[role="slider"],[role="grid"],[role="tree"],[role="treegrid"]';

/** What shortcuts need to know of a DOM element (the browser side of FocusedElement). */
export function describeFocus(element: Element | null): FocusedElement | null {
  if (!element || element === document.body) return null;
  const html = element as HTMLElement;
  return {
    tagName: element.tagName,
    type: element instanceof HTMLInputElement ? element.type : null,
    isContentEditable: html.isContentEditable === true,
    role: element.getAttribute('role'),
    isInArrowWidget: element.closest(arrowWidgetRoles) !== null,
  };
}
