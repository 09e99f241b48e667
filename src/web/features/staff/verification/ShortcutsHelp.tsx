import { Anchor, Kbd, Modal, Title } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { type Direction, shortcutList } from './shortcuts.ts';

/** The shortcuts as a list: each action, and the keys that do it (arrows in the reading direction). */
export function ShortcutsList({ direction }: { direction: Direction }) {
  const { t } = useTranslation();
  return (
    <dl className="facts" data-testid="shortcuts-list">
      {shortcutList(direction).map((shortcut) => (
        <div key={shortcut.action}>
          <dt>
            {shortcut.keys.map((key, index) => (
              <Fragment key={key}>
                {index > 0 && ` ${t('staff.verification.shortcuts.or')} `}
                <Kbd>{key}</Kbd>
              </Fragment>
            ))}
          </dt>
          <dd>{t(`staff.verification.shortcuts.${shortcut.action}`)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The list on the page, with a word on when the keys work. */
export function ShortcutsSection({ direction, onOpen }: { direction: Direction; onOpen(): void }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="shortcuts-title">
      <Title order={2} size="h3" id="shortcuts-title" mb="xs">
        {t('staff.verification.shortcuts.title')}
      </Title>
      <p>
        {t('staff.verification.shortcuts.intro')}{' '}
        <Anchor component="button" type="button" onClick={onOpen}>
          {t('staff.verification.shortcuts.openDialog')}
        </Anchor>
      </p>
      <ShortcutsList direction={direction} />
    </section>
  );
}

/** The same list in a dialog, opened with `?` (Escape closes it, the focus goes back where it was). */
export function ShortcutsDialog(props: { direction: Direction; isOpen: boolean; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.isOpen}
      onClose={props.onClose}
      title={t('staff.verification.shortcuts.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('staff.verification.shortcuts.close') }}
    >
      <p>{t('staff.verification.shortcuts.intro')}</p>
      <ShortcutsList direction={props.direction} />
    </Modal>
  );
}
