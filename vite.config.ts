import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { firstPageBudget } from './scripts/first-page-budget.ts';

// The citizen portal (index.html) and the staff app (staff.html, served under /staff): two entries,
// so neither loads the other's code. Built into dist/web, which the Fastify server serves
// (src/platform/web.ts); `npm run dev:web` runs Vite's development server with the API proxied to
// `mawid start`.
const api = 'http://127.0.0.1:3000';
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('./src/web'),
  plugins: [react(), firstPageBudget({ limitBytes: 200 * 1024 })],
  build: {
    outDir: here('./dist/web'),
    emptyOutDir: true,
    sourcemap: false,
    rollupOptions: {
      input: { portal: here('./src/web/index.html'), staff: here('./src/web/staff.html') },
    },
  },
  server: {
    proxy: { '/api': api, '/dev': api, '/sandbox': api },
  },
});
