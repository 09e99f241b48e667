import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';

/** Where `vite build` writes the citizen portal (vite.config.ts: build.outDir). */
export const webDistDir = fileURLToPath(new URL('../../dist/web/', import.meta.url));
const indexFile = 'index.html';
// The staff app: its own page, for every address under /staff.
const staffFile = 'staff.html';
const isStaffPath = (url: string) => url === '/staff' || url.startsWith('/staff/') || url.startsWith('/staff?');

// Paths that belong to the server: an unknown one is a 404 problem, never the portal's page.
const serverPrefixes = ['/api/', '/api?', '/sandbox', '/dev/', '/docs', '/healthz', '/readyz', '/metrics'];
const isServerPath = (url: string) => url === '/api' || serverPrefixes.some((prefix) => url.startsWith(prefix));

// The site's address itself is the portal whoever asks (monitoring, curl send no Accept: text/html);
// deeper addresses answer a page only to a browser, so an API client's typo stays a 404 problem.
const isSiteRoot = (url: string) => url === '/' || url.startsWith('/?');

export const isWebBuilt = (distDir = webDistDir) => existsSync(`${distDir}${indexFile}`);

/**
 * Serves the built portal: hashed assets (/assets/*) cached for a year, compressed copies when the
 * build made them, and index.html — never cached, so a new version is picked up at once — for any
 * other page address a browser asks for (the portal routes in the browser). When the portal is not
 * built, nothing is registered and the API works alone.
 */
export async function registerWeb(app: FastifyInstance, dir: string = webDistDir): Promise<void> {
  const distDir = dir.endsWith('/') ? dir : `${dir}/`;
  if (!isWebBuilt(distDir)) {
    app.log.warn({ dir: distDir }, 'the web portal is not built (npm run build:web); serving the API only');
    return;
  }
  await app.register(fastifyStatic, {
    root: `${distDir}assets`,
    prefix: '/assets/',
    // Vite writes .br and .gz siblings (vite.config.ts); the right one goes to each browser.
    preCompressed: true,
    cacheControl: false,
    // Only hashed assets are immutable; index.html (sent by the fallback below) is never cached.
    setHeaders: (reply, filePath) => {
      const isAsset = filePath.startsWith(`${distDir}assets/`);
      reply.header('cache-control', isAsset ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });

  // Fastify answers HEAD with this GET route too (exposeHeadRoutes), headers only.
  // A staff invitation's address carries its token: that page is not written to the request log.
  app.get('/staff/invitation/*', { schema: { hide: true }, logLevel: 'silent' }, (_request, reply) =>
    reply.sendFile(staffFile, distDir, { cacheControl: false }),
  );

  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    if (isServerPath(request.url)) return reply.callNotFound();
    const wantsPage = request.headers.accept?.includes('text/html') ?? false;
    if (!wantsPage && !isSiteRoot(request.url)) return reply.callNotFound();
    const page = isStaffPath(request.url) ? staffFile : indexFile;
    return reply.sendFile(page, distDir, { cacheControl: false });
  });
}

/**
 * `mawid start` on a fresh checkout: build the portal with Vite when dist/web is missing. Vite is a
 * development dependency; an installation without it must run `npm run build:web` beforehand.
 */
export async function buildWebIfMissing(log: Pick<FastifyBaseLogger, 'info' | 'warn'>): Promise<void> {
  if (isWebBuilt()) return;
  log.info({ outDir: webDistDir }, 'the web portal is not built yet: building it with Vite (once)');
  let vite: typeof import('vite');
  try {
    vite = await import('vite');
  } catch {
    log.warn('Vite is not installed (production install?): run `npm run build:web` to serve the portal');
    return;
  }
  const started = Date.now();
  // Vite keeps an existing NODE_ENV (vitest sets 'test'): force a production build, then restore.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await vite.build({
      configFile: fileURLToPath(new URL('../../vite.config.ts', import.meta.url)),
      mode: 'production',
      logLevel: 'warn',
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  log.info({ ms: Date.now() - started }, 'web portal built');
}
