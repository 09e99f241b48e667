#!/usr/bin/env node
// The `mawid` command. Node 20 cannot strip TypeScript types, so tsx compiles src/ on load.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
await main(process.argv.slice(2));
