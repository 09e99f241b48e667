import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChecklistStatus, RequestStatus } from '../../../api/types.ts';

// Colours only repeat the words (never the only cue), as the portal's StatusBadge; the words are
// the staff's own (a citizen reads "being checked", an agent "to verify").
const colourOf: Record<string, string> = {
  submitted: 'blue',
  more_info_requested: 'orange',
  accepted: 'green',
  rejected: 'red',
  withdrawn: 'gray',
  completed: 'teal',
  expired: 'gray',
  draft: 'gray',
  missing: 'gray',
  uploaded: 'blue',
  refused: 'red',
};

type Props = { kind: 'request'; status: RequestStatus } | { kind: 'document'; status: ChecklistStatus };

/** A request's or a document's status as the verification workspace names it. */
export function StaffStatusBadge(props: Props) {
  const { t } = useTranslation();
  const label =
    props.kind === 'request'
      ? t(`staff.verification.status.${props.status}`)
      : t(`staff.verification.documentStatus.${props.status}`);
  return (
    <Badge
      color={colourOf[props.status] ?? 'gray'}
      variant="light"
      radius="sm"
      size="lg"
      tt="none"
      style={{ flexShrink: 0 }}
    >
      {label}
    </Badge>
  );
}
