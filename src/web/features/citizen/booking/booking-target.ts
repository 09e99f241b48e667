import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Appointment } from '../../../api/types.ts';
import { useRequest } from '../requests/request-queries.ts';

/**
 * What the booking page books for: an accepted request, an appointment to move, or — for a
 * service without verification — a service and a person directly.
 */
export type BookingTarget =
  | { kind: 'request'; requestId: string; consulateId: string; serviceId: string }
  | { kind: 'move'; appointment: Appointment; consulateId: string; serviceId: string }
  | { kind: 'direct'; consulateId: string; serviceId: string; personId: string | undefined };

export function useBookingTarget(params: {
  requestId?: string;
  appointmentId?: string;
  consulateId?: string;
  serviceId?: string;
  personId?: string;
}): { target?: BookingTarget; error: unknown; isPending: boolean; requestStatus?: string; hasAppointment?: boolean } {
  const request = useRequest(params.requestId);
  const appointment = useQuery({
    queryKey: ['appointments', params.appointmentId],
    queryFn: () => api<Appointment>(`/api/v1/appointments/${params.appointmentId}`),
    enabled: Boolean(params.appointmentId),
  });
  if (params.requestId) {
    if (!request.data) return { error: request.error, isPending: request.isPending };
    return {
      target: {
        kind: 'request',
        requestId: request.data.id,
        consulateId: request.data.consulate.id,
        serviceId: request.data.service.id,
      },
      error: null,
      isPending: false,
      requestStatus: request.data.status,
      hasAppointment: Boolean(request.data.appointmentId),
    };
  }
  if (params.appointmentId) {
    if (!appointment.data) return { error: appointment.error, isPending: appointment.isPending };
    const a = appointment.data;
    return {
      target: { kind: 'move', appointment: a, consulateId: a.consulateId, serviceId: a.serviceId },
      error: null,
      isPending: false,
    };
  }
  if (params.consulateId && params.serviceId) {
    return {
      target: {
        kind: 'direct',
        consulateId: params.consulateId,
        serviceId: params.serviceId,
        personId: params.personId,
      },
      error: null,
      isPending: false,
    };
  }
  return { error: null, isPending: false };
}
