import type { App, AppDeps } from '../../platform/http.ts';

export function notificationsRoutes(_app: App, _deps: AppDeps) {}
