import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('accounts.inputs.ts', () => {
  it('imports nothing but zod: the web portal bundles it for the browser', () => {
    const source = readFileSync(new URL('./accounts.inputs.ts', import.meta.url), 'utf8');
    const imported = [...source.matchAll(/^\s*import\s[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
    expect(imported).toEqual(['zod', '../../platform/text-input.ts']);
  });
});
