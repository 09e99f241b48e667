import type { App, AppDeps } from '../../platform/http.ts';

export function requestsRoutes(_app: App, _deps: AppDeps) {}
