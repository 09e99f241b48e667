import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Logger, Plugin } from 'vite';

type Bundle = Parameters<NonNullable<Extract<Plugin['writeBundle'], (...args: never[]) => unknown>>>[1];

interface Weighed {
  file: string;
  gzipBytes: number;
}

const gzipSize = (source: string | Uint8Array) => gzipSync(source, { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * The JavaScript the first page loads: the entry chunk and every chunk it imports statically
 * (the first page, finding a consulate, is part of them), plus one language catalogue — the
 * heaviest, as the worst case. Other pages are lazy chunks and do not count.
 */
export function firstPageJs(bundle: Bundle): Weighed[] {
  const chunks = Object.values(bundle).filter((item) => item.type === 'chunk');
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  // The citizen portal's entry (the staff app is another entry, with its own first page).
  const entry = chunks.find((chunk) => chunk.isEntry && /\/src\/web\/(main\.tsx|index\.html)$/.test(chunk.facadeModuleId ?? ''));
  if (!entry) throw new Error('The build has no entry chunk for the citizen portal.');
  const seen = new Set<string>();
  const visit = (fileName: string) => {
    if (seen.has(fileName)) return;
    seen.add(fileName);
    for (const imported of byName.get(fileName)?.imports ?? []) visit(imported);
  };
  visit(entry.fileName);
  const weighed = [...seen].map((file) => ({ file, gzipBytes: gzipSize(byName.get(file)?.code ?? '') }));
  const catalogues = chunks
    .filter((chunk) => chunk.moduleIds.some((id) => /\/i18n\/(ar|fr|en|es)\.json$/.test(id)))
    .map((chunk) => ({ file: chunk.fileName, gzipBytes: gzipSize(chunk.code) }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  return catalogues[0] ? [...weighed, catalogues[0]] : weighed;
}

/**
 * Fails the build when the first page needs more than `limitBytes` of gzip-compressed JavaScript,
 * and writes .br and .gz copies of every text asset for the server to send (@fastify/static's
 * preCompressed): no compression work per request.
 */
export function firstPageBudget(options: { limitBytes: number }): Plugin {
  let logger: Logger | undefined;
  return {
    name: 'mawid:first-page-budget',
    apply: 'build',
    configResolved(config) {
      logger = config.logger;
    },
    writeBundle(output, bundle) {
      const outDir = output.dir ?? '';
      for (const item of Object.values(bundle)) {
        if (!/\.(js|css|json|svg|html)$/.test(item.fileName)) continue;
        const source = item.type === 'chunk' ? item.code : item.source;
        if (source.length < 1024) continue;
        writeFileSync(join(outDir, `${item.fileName}.gz`), gzipSync(source, { level: 9 }));
        writeFileSync(
          join(outDir, `${item.fileName}.br`),
          brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
      }
      const files = firstPageJs(bundle);
      const total = files.reduce((sum, file) => sum + file.gzipBytes, 0);
      const report = { firstPageJsGzipBytes: total, limitBytes: options.limitBytes, files };
      writeFileSync(join(outDir, 'bundle-report.json'), `${JSON.stringify(report, null, 2)}\n`);
      const lines = files.map((file) => `  ${kb(file.gzipBytes).padStart(9)}  ${file.file}`).join('\n');
      const summary = `first page JavaScript: ${kb(total)} gzip (limit ${kb(options.limitBytes)})\n${lines}`;
      if (total > options.limitBytes) this.error(`Over budget — ${summary}`);
      logger?.info(summary);
    },
  };
}
