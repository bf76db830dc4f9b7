// Owns the statistics the list and bundle benchmarks report: median with
// min–max over rounds, and ratios that stay null when a side is missing.

export interface Stats {
  median: number;
  min: number;
  max: number;
  n: number;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

export function stats(values: readonly number[]): Stats {
  const v = [...values].sort((a, b) => a - b);
  if (v.length === 0) return { median: NaN, min: NaN, max: NaN, n: 0 };
  const mid = v.length >> 1;
  const median = v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
  return { median: round3(median), min: round3(v[0]!), max: round3(v[v.length - 1]!), n: v.length };
}

export function ratio(a: number | undefined, b: number | undefined): number | null {
  if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) return null;
  return round3(a / b);
}
