import { Anchor, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export interface SummaryRow {
  key: string;
  value: ReactNode;
  // Where to change this answer; `what` completes the link for screen readers ("Modifier le service").
  change?: { to: string; what: string };
  testId?: string;
}

/** GOV.UK's summary list: each answer beside its question, with a link to change it. */
export function SummaryList({ rows }: { rows: SummaryRow[] }) {
  const { t } = useTranslation();
  return (
    <dl className="summary-list">
      {rows.map((row) => (
        <div className="summary-list-row" key={row.key} data-testid={row.testId}>
          <dt>{row.key}</dt>
          <dd>{row.value}</dd>
          <dd className="summary-list-action">
            {row.change && (
              <Anchor component={Link} to={row.change.to}>
                {t('checkAnswers.change')}
                <VisuallyHidden> — {row.change.what}</VisuallyHidden>
              </Anchor>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
