import { Worker } from 'node:worker_threads';
import type { BurstJob, BurstResult, LoadJob, LoadResult } from './load-types.ts';

const workerFile = new URL('./load-worker.ts', import.meta.url).href;

// Worker threads do not inherit tsx's loader: register it first, then load the TypeScript worker.
const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(workerFile)}); })`;

let inline = false;

/** Runs the load generator on the main thread, sharing the server's event loop (for comparison). */
export function setInlineLoad(value: boolean): void {
  inline = value;
}

async function run<T>(job: LoadJob | BurstJob): Promise<T> {
  if (inline) {
    const { runJob } = await import('./load-worker.ts');
    // On the main thread the generator's CPU cannot be told from the server's.
    return { ...(await runJob(job)), generatorCpuSeconds: null } as T;
  }
  const worker = new Worker(bootstrap, { eval: true, workerData: { benchLoadWorker: true, job } });
  try {
    return await new Promise<T>((resolve, reject) => {
      worker.once('message', (message: { ok: boolean; result?: T; error?: string }) => {
        if (message.ok) resolve(message.result as T);
        else reject(new Error(`load worker: ${message.error}`));
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`load worker exited with ${code}`)));
    });
  } finally {
    await worker.terminate();
  }
}

/** autocannon at `connections` for `durationSeconds`, from a worker thread of this process. */
export function load(job: Omit<LoadJob, 'kind'>): Promise<LoadResult> {
  return run<LoadResult>({ kind: 'load', ...job });
}

/** Every request at once, each on its own pre-opened keep-alive connection. */
export function burst(job: Omit<BurstJob, 'kind'>): Promise<BurstResult> {
  return run<BurstResult>({ kind: 'burst', ...job });
}
