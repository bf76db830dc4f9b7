// Owns the list benchmark's contenders and their built pages: one production
// build of every contender's page (bench/support/bench-pages.ts, next to the
// packed package, so natter's page imports `natter/…` as an app does), served as
// static files.
import { builtPages } from '../support/bench-pages';

/** `natter-features`: natter's list whose messages carry reactions and quoted replies (pages/features.ts). */
export const CONTENDERS = ['natter', 'natter-features', 'stream-chat-react', 'chatscope', 'react-virtuoso'] as const;
export type ContenderName = (typeof CONTENDERS)[number];

/** Page file (without extension) of each contender under pages/. */
const PAGE_OF: Record<ContenderName, string> = {
  natter: 'natter',
  'natter-features': 'natter-features',
  'stream-chat-react': 'stream',
  chatscope: 'chatscope',
  'react-virtuoso': 'virtuoso',
};

export interface BuiltPages {
  dir: string;
  /** Path under `dir` of each built contender's page. */
  pages: Partial<Record<ContenderName, string>>;
  /** Why a contender has no page. */
  skipped: Partial<Record<ContenderName, string>>;
  /** Wall seconds of the one build of all pages (0: made earlier in this run). */
  buildSeconds: number;
  dispose(): void;
}

export async function buildPages(names: readonly ContenderName[]): Promise<BuiltPages> {
  try {
    const built = await builtPages(['list']);
    const pages = Object.fromEntries(names.map((n) => [n, `list/${PAGE_OF[n]}.html`]));
    return { dir: built.dir, pages, skipped: {}, buildSeconds: built.buildSeconds, dispose: built.dispose };
  } catch (e) {
    // One build for all pages: when it fails, no contender runs, and the report says why.
    const why = `build failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
    const skipped = Object.fromEntries(names.map((n) => [n, why]));
    return { dir: '', pages: {}, skipped, buildSeconds: 0, dispose: () => undefined };
  }
}
