// What other modules may use of scheduling.
export { type AvailabilityCache, MAX_AVAILABILITY_DAYS } from './availability.ts';
export { listSlotConflicts, materializeAllSlots, materializeSlots, type SlotConflict } from './materialize-slots.ts';
export { cancelAppointment } from './cancel-appointment.ts';
export { presentAppointment } from './appointment-view.ts';
export { schedulingRoutes } from './scheduling.routes.ts';
export { listConsulateDay } from './list-consulate-day.ts';
export { getAppointment } from './list-appointments.ts';
