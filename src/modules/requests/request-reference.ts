import { newAppointmentReference } from '../scheduling/appointment-reference.ts';

/** `PAR-D-7K3M-Q9XD`: D for dossier, so a request and an appointment reference never look alike. */
export function newRequestReference(consulateCode: string): string {
  return newAppointmentReference(consulateCode).replace(`${consulateCode}-`, `${consulateCode}-D-`);
}
