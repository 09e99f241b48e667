import { existsSync } from 'node:fs';

/** Debian's Chromium (`apt-get install -y chromium`), which playwright-core drives. */
export const chromiumPath = '/usr/bin/chromium';

export const hasChromium = existsSync(chromiumPath);

export const chromiumMissingNotice = `browser tests skipped: ${chromiumPath} not found — apt-get install -y chromium`;
