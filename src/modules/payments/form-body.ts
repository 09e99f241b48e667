import type { FastifyInstance } from 'fastify';

const FORM = 'application/x-www-form-urlencoded';

/**
 * Reads application/x-www-form-urlencoded bodies (gateway callbacks, the browser's return, the
 * sandbox's pages) as flat text fields, in the scope it is called on only. A repeated name keeps
 * its first value; the fields object has no prototype surprises (__proto__ is an ordinary name).
 */
export function acceptFormBodies(scope: FastifyInstance, bodyLimit = 64 * 1024): void {
  if (scope.hasContentTypeParser(FORM)) return;
  scope.addContentTypeParser(FORM, { parseAs: 'string', bodyLimit }, (_request, body, done) => {
    const seen = new Set<string>();
    const entries: [string, string][] = [];
    for (const [name, value] of new URLSearchParams(String(body))) {
      if (seen.has(name)) continue;
      seen.add(name);
      entries.push([name, value]);
    }
    done(null, Object.fromEntries(entries));
  });
}
