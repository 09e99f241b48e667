import { AppError } from '../../platform/errors.ts';

/** A supporting document: uploaded, then accepted or refused by the agent (refused ones are replaced). */
export const documentStatuses = ['uploaded', 'accepted', 'refused', 'replaced'] as const;
export type DocumentStatus = (typeof documentStatuses)[number];

const transitions: Record<DocumentStatus, readonly DocumentStatus[]> = {
  uploaded: ['accepted', 'refused', 'replaced'],
  accepted: ['refused'],
  refused: ['accepted', 'replaced'],
  replaced: [],
};

export function canTransitionDocument(from: DocumentStatus, to: DocumentStatus): boolean {
  return transitions[from].includes(to);
}

export function assertDocumentTransition(from: DocumentStatus, to: DocumentStatus): void {
  if (!canTransitionDocument(from, to)) {
    throw new AppError('DOCUMENT_TRANSITION_REFUSED', 409, `A document that is ${from} cannot become ${to}.`);
  }
}

export function documentStatusesLeadingTo(to: DocumentStatus): DocumentStatus[] {
  return documentStatuses.filter((from) => transitions[from].includes(to));
}
