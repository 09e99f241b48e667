import { requirePrincipal } from '../../platform/auth.ts';
import { type App, type AppDeps, problems } from '../../platform/http.ts';
import { appointmentSchema, presentAppointment } from '../scheduling/index.ts';
import { advanceAppointment, type CounterStep } from './advance-appointment.ts';
import { counterParams, counterStepBody, notServedBody } from './counter.schemas.ts';
import { assertReceptionStaff } from './reception.policy.ts';

const simpleSteps: { path: string; to: Exclude<CounterStep['to'], 'not_served'>; summary: string }[] = [
  { path: 'call', to: 'called', summary: 'Call a checked-in person to the counter' },
  { path: 'back-to-waiting', to: 'checked_in', summary: 'Send a called person back to the waiting room' },
  { path: 'serve', to: 'served', summary: 'The service was delivered: completes the request' },
  { path: 'absent', to: 'no_show', summary: 'Called and never came: a no-show' },
];

/** A person's steps at the counter, after check-in (the consulate's agents, in their departments). */
export function counterRoutes(app: App, deps: AppDeps) {
  const { db, clock, sessions } = deps;
  const base = '/api/v1/staff/consulates/:consulateId/appointments/:appointmentId';

  for (const step of simpleSteps) {
    app.post(
      `${base}/${step.path}`,
      {
        schema: {
          tags: ['reception'],
          summary: step.summary,
          params: counterParams,
          body: counterStepBody,
          response: { 200: appointmentSchema, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const principal = await requirePrincipal(sessions, request);
        assertReceptionStaff(principal, request.params.consulateId);
        const row = await advanceAppointment(
          { db, clock },
          { principal, ...request.params, step: { to: step.to } as CounterStep },
        );
        return presentAppointment(row);
      },
    );
  }

  app.post(
    `${base}/not-served`,
    {
      schema: {
        tags: ['reception'],
        summary: 'Seen, but the service could not be delivered: the request goes back for a new appointment',
        params: counterParams,
        body: notServedBody,
        response: { 200: appointmentSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const principal = await requirePrincipal(sessions, request);
      assertReceptionStaff(principal, request.params.consulateId);
      const { reason, note } = request.body;
      const row = await advanceAppointment(
        { db, clock },
        { principal, ...request.params, step: { to: 'not_served', reason, note: note || undefined } },
      );
      return presentAppointment(row);
    },
  );
}
