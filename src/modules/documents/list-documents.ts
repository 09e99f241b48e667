import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { documentsOfRequest, requestForViewer, requiredKindsOf, type Viewer } from './document-access.ts';
import type { DocumentRow } from './document-view.ts';

/**
 * The documents of a request, oldest first (replaced ones included, for the history), and the
 * kinds its service asks for. 404 for anyone who may not see the request.
 */
export async function listDocuments(
  deps: { db: Db; clock: Clock },
  viewer: Viewer,
  requestId: string,
): Promise<{ documents: DocumentRow[]; requiredKinds: string[] }> {
  const request = await requestForViewer(deps, viewer, requestId);
  return {
    documents: await documentsOfRequest(deps.db, request.id),
    requiredKinds: await requiredKindsOf(deps.db, request),
  };
}
