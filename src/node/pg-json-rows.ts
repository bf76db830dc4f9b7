// Owns reading the records PostgreSQL keeps as a JSON text column (`json`):
// the first row's record or none, and every row's, in order.

/** A row holding one record as JSON text. */
export type JsonRow = { json: string };

/** The first row's record, or null when there is no row. */
export const firstJson = <T>(rows: readonly JsonRow[]): T | null => (rows[0] ? (JSON.parse(rows[0].json) as T) : null);

/** Every row's record, in the rows' order. */
export const allJson = <T>(rows: readonly JsonRow[]): T[] => rows.map((r) => JSON.parse(r.json) as T);
