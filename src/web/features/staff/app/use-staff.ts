import { useQuery } from '@tanstack/react-query';
import { isApiError } from '../../../api/api-error.ts';
import { api } from '../../../api/client.ts';
import type { LocalizedText } from '../../../api/types.ts';

export type StaffRole = 'consular_agent' | 'consulate_admin' | 'call_center_agent' | 'hq_admin' | 'treasury_auditor';

/** Who is signed in to the staff app (GET /api/v1/staff/me). */
export interface StaffContext {
  accountId: string;
  email: string;
  role: StaffRole;
  locale: string;
  consulate: { id: string; code: string; name: LocalizedText; timeZone: string; currency: string } | null;
  departments: { id: string; kind: string; name: LocalizedText; ticketPrefix: string }[];
}

export const staffMeKey = ['staff', 'me'] as const;

/** The signed-in staff member, or null when nobody is (or the session waits for its second factor). */
export function useStaffMe() {
  return useQuery({
    queryKey: staffMeKey,
    queryFn: async () => {
      try {
        return await api<StaffContext>('/api/v1/staff/me');
      } catch (error) {
        if (isApiError(error) && (error.status === 401 || error.status === 403)) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });
}
