import { type BatchOptions, type OutboxWorkerDeps, runOutboxBatch } from './outbox-worker.ts';

export interface RunningWorker {
  /** Finishes the batch in progress, then stops. */
  stop(): Promise<void>;
}

/**
 * Drains the outbox until stopped: a batch, then another at once while batches come back full,
 * else a pause of intervalMs. Used by `mawid worker`, and inside the server in embedded mode.
 */
export function startOutboxWorker(
  deps: OutboxWorkerDeps,
  options: { intervalMs?: number } & BatchOptions = {},
): RunningWorker {
  const intervalMs = options.intervalMs ?? 2_000;
  const limit = options.limit ?? 20;
  let isStopping = false;
  let wake: (() => void) | undefined;
  const pause = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, intervalMs);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const loop = (async () => {
    while (!isStopping) {
      let isFull = false;
      try {
        const result = await runOutboxBatch(deps, { ...options, limit });
        isFull = result.claimed === limit;
      } catch (error) {
        deps.logger?.error({ err: error }, 'outbox batch failed; retrying after a pause');
      }
      if (!isFull && !isStopping) await pause();
    }
  })();
  return {
    async stop() {
      isStopping = true;
      wake?.();
      await loop;
    },
  };
}
