import { AppError } from '../../platform/errors.ts';

/**
 * The request changed since the version the caller names (another agent decided or reviewed a
 * document, the citizen withdrew): 409, with what it is now, so the page can reload and say so.
 */
export function requestChanged(current: { version: number; status: string }): AppError {
  return new AppError(
    'REQUEST_CHANGED',
    409,
    `The request changed since you opened it: it is now version ${current.version}, ${current.status}. Reload it.`,
    { currentVersion: Number(current.version), requestStatus: current.status },
  );
}
