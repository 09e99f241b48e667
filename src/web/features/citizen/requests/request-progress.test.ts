import { describe, expect, it } from 'vitest';
import type { ChecklistItem } from '../../../api/types.ts';
import { isEditable, isReadyToSend } from './request-progress.ts';

const item = (kind: string, status: ChecklistItem['status']): ChecklistItem => ({
  kind,
  status,
  documentId: status === 'missing' ? null : `${kind}-file`,
  refusalReason: status === 'refused' ? 'blurred' : null,
});

describe('a request on its way to the consulate', () => {
  it('can be changed before it is sent and when the consulate asks for more', () => {
    expect(isEditable('draft')).toBe(true);
    expect(isEditable('more_info_requested')).toBe(true);
    expect(isEditable('submitted')).toBe(false);
    expect(isEditable('accepted')).toBe(false);
  });

  it('is ready to send once no document is missing or refused', () => {
    expect(isReadyToSend([item('cnie_copy', 'uploaded'), item('old_passport', 'accepted')])).toBe(true);
    expect(isReadyToSend([item('cnie_copy', 'uploaded'), item('old_passport', 'missing')])).toBe(false);
    expect(isReadyToSend([item('cnie_copy', 'refused')])).toBe(false);
  });
});
