// Owns the version `natter --version` prints: the @natter/server package's,
// written into the build; in a checkout of the repository, read from
// packages/server/package.json.
import { readFileSync } from 'node:fs';

declare const __NATTER_SERVER_VERSION__: string | undefined;

function fromCheckout(): string {
  try {
    const url = new URL('../../packages/server/package.json', import.meta.url);
    const pkg = JSON.parse(readFileSync(url, 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

export const SERVER_VERSION: string =
  typeof __NATTER_SERVER_VERSION__ === 'string' ? __NATTER_SERVER_VERSION__ : fromCheckout();
