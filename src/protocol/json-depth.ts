// Owns measuring how deeply a parsed JSON value nests, without recursion:
// a frame of 100,000 nested objects fits under the size limit, and anything
// recursive over it (JSON.stringify, a schema, storage) overflows the stack.

/** Default bound on nesting for a whole client frame (the envelope takes 3 levels, so `ext` gets 29). */
export const DEFAULT_MAX_JSON_DEPTH = 32;

/** True when `value` nests more than `max` levels of arrays/objects (a scalar is depth 0). Stops early. */
export function jsonDeeperThan(value: unknown, max: number): boolean {
  const stack: { v: unknown; d: number }[] = [{ v: value, d: 0 }];
  while (stack.length > 0) {
    const { v, d } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d + 1 > max) return true;
    const children = Array.isArray(v) ? (v as unknown[]) : Object.values(v as Record<string, unknown>);
    for (const c of children) if (c !== null && typeof c === 'object') stack.push({ v: c, d: d + 1 });
  }
  return false;
}
