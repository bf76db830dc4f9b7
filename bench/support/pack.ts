// Packs natter for the current `npm run bench` run (NATTER_BENCH_RUN) before its
// benchmarks start side by side (bench/run.mjs --jobs): each then finds it packed
// (packed-package.ts) instead of packing into the same folder at once.
import { packedNatter } from './packed-package';

const { tarball, serverTarball } = packedNatter();
process.stderr.write(`packed: ${tarball} and ${serverTarball}\n`);
