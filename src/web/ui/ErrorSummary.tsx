import { type MouseEvent, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SummaryItem } from './form-feedback.ts';

/** Moves focus to a field and brings its label into view (a sticky header would hide the field alone). */
function focusField(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const field = document.getElementById(id);
  if (!field) return;
  event.preventDefault();
  field.focus({ preventScroll: true });
  const label = document.querySelector(`label[for="${CSS.escape(id)}"]`) ?? field;
  label.scrollIntoView({ block: 'center' });
}

/**
 * GOV.UK's error summary: at the top of the page after a refused submission, titled "There is a
 * problem", one link per fault that moves focus to its field. It takes the focus itself each time
 * a submission is refused (`attempt` grows), so keyboard and screen-reader users start there.
 */
export function ErrorSummary(props: { items: SummaryItem[]; idOf: (field: string) => string; attempt: number }) {
  const { items, idOf, attempt } = props;
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const isShown = items.length > 0;
  useEffect(() => {
    if (attempt > 0 && isShown) box.current?.focus();
  }, [attempt, isShown]);
  if (!isShown) return null;
  return (
    <div className="error-summary" ref={box} tabIndex={-1} data-testid="error-summary">
      <div role="alert">
        <h2 className="error-summary-title">{t('form.summaryTitle')}</h2>
        <ul className="error-summary-list">
          {items.map((item) => (
            <li key={`${item.field ?? ''}:${item.message}`}>
              {item.field ? (
                <a href={`#${idOf(item.field)}`} onClick={(event) => focusField(event, idOf(item.field ?? ''))}>
                  {item.message}
                </a>
              ) : (
                item.message
              )}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
