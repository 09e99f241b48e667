#!/usr/bin/env node
// The `mawid` command. Node 20 cannot strip TypeScript types, so tsx compiles src/ on load.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
try {
  await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`mawid: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
}
