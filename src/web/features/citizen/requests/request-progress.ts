import type { ChecklistItem, RequestStatus } from '../../../api/types.ts';

/** A citizen changes a request's documents before sending it, or when the consulate asked for more. */
export const isEditable = (status: RequestStatus): boolean => status === 'draft' || status === 'more_info_requested';

/** Every document the checklist asks for has a file the consulate has not refused. */
export const isReadyToSend = (checklist: readonly ChecklistItem[]): boolean =>
  checklist.every((item) => item.status === 'uploaded' || item.status === 'accepted');

/** The id of a checklist item's upload button: "change" links on the check page point there. */
export const documentAnchor = (kind: string): string => `document-${kind}`;
