// Owns how the SQL storages answer getMessages: rows found by server id, in
// any order, put back in the order the ids were asked, null for one not stored.

/**
 * The records of `rows` in the order of `serverIds`. Each is parsed per position, so an id asked
 * twice gets two records, neither aliasing the other.
 */
export function recordsInAskedOrder<R>(
  serverIds: readonly string[],
  rows: readonly { id: string; json: string }[],
): Array<R | null> {
  const found = new Map(rows.map((r) => [r.id, r.json]));
  return serverIds.map((id) => {
    const json = found.get(id);
    return json === undefined ? null : (JSON.parse(json) as R);
  });
}
