import type { App, AppDeps } from '../../../platform/http.ts';
import { calendarRoutes } from './calendar.routes.ts';
import { conflictRoutes } from './conflicts.routes.ts';
import { counterAdminRoutes } from './counters.routes.ts';
import { dayListRoutes } from './day-list.routes.ts';
import { offerRoutes } from './offer.routes.ts';

/**
 * A consulate's own settings and its day, under /api/v1/admin/consulates/:consulateId: calendars
 * (hours, preview, closures), conflicts and their resolution, the day's appointments (data and a
 * page to print), counters, the offer (fees, rules, walk-ins) and the waiting room.
 */
export function adminRoutes(app: App, deps: AppDeps) {
  calendarRoutes(app, deps);
  conflictRoutes(app, deps);
  dayListRoutes(app, deps);
  counterAdminRoutes(app, deps);
  offerRoutes(app, deps);
}
