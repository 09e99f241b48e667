import type { App, AppDeps } from '../../platform/http.ts';

export function documentsRoutes(_app: App, _deps: AppDeps) {}
