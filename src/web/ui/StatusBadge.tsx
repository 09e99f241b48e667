import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppointmentStatus, ChecklistStatus, RequestStatus } from '../api/types.ts';

// Colours only repeat what the words say (never the only cue); the theme darkens light-variant text for AA.
const colourOf: Record<string, string> = {
  draft: 'gray',
  submitted: 'blue',
  more_info_requested: 'orange',
  accepted: 'green',
  rejected: 'red',
  withdrawn: 'gray',
  completed: 'teal',
  booked: 'green',
  checked_in: 'blue',
  called: 'blue',
  served: 'teal',
  not_served: 'orange',
  expired: 'gray',
  cancelled_by_citizen: 'gray',
  cancelled_by_consulate: 'red',
  no_show: 'red',
  missing: 'gray',
  uploaded: 'blue',
  refused: 'red',
};

type Props =
  | { kind: 'request'; status: RequestStatus }
  | { kind: 'appointment'; status: AppointmentStatus }
  | { kind: 'document'; status: ChecklistStatus };

export function StatusBadge(props: Props) {
  const { t } = useTranslation();
  const colour = colourOf[props.status] ?? 'gray';
  return (
    <Badge color={colour} variant="light" radius="sm" size="lg" tt="none" style={{ flexShrink: 0 }}>
      {t(`status.${props.kind}.${props.status}`)}
    </Badge>
  );
}
