// What other modules may use of scheduling.

export { type AppointmentFacts, loadAppointmentFacts } from './appointment-facts.ts';
export {
  type AppointmentStatus,
  activeAppointmentStatuses,
  activeStatusesSql,
  assertTransition,
  canTransition,
  leadingToSql,
  type NotServedReason,
  notServedReasons,
} from './appointment-status.ts';
export { type AppointmentRow, appointmentColumns, presentAppointment } from './appointment-view.ts';
export { type AvailabilityCache, MAX_AVAILABILITY_DAYS } from './availability.ts';
export { bookAppointment } from './book-appointment.ts';
export { cancelAppointment } from './cancel-appointment.ts';
export { getAppointment, listAccountAppointments } from './list-appointments.ts';
export { listConsulateDay } from './list-consulate-day.ts';
export { listSlotConflicts, materializeAllSlots, materializeSlots, type SlotConflict } from './materialize-slots.ts';
export { moveAppointment } from './move-appointment.ts';
export { requestFollowsAppointment } from './request-follows-appointment.ts';
export { schedulingRoutes } from './scheduling.routes.ts';
export { appointmentListSchema, appointmentSchema, slotIdSchema } from './scheduling.schemas.ts';
