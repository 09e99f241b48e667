import type { App, AppDeps } from '../../platform/http.ts';

export function receptionRoutes(_app: App, _deps: AppDeps) {}
