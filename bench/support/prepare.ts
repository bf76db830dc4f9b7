// Prepares the current `npm run bench` run (NATTER_BENCH_RUN) before its benchmarks start:
// packs natter once (packed-package.ts) and, with `--pages`, makes the one Vite build of every
// browser benchmark's pages (bench-pages.ts); each benchmark then finds them ready instead of
// packing or building again, and benchmarks run side by side never write the same folder at once.
import { builtPages } from './bench-pages';
import { packedNatter } from './packed-package';

const { tarball, serverTarball } = packedNatter();
process.stderr.write(`packed: ${tarball} and ${serverTarball}\n`);
if (process.argv.includes('--pages')) await builtPages([]);
