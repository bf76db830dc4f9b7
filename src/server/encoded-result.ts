// Owns results an operation hands over already encoded as JSON: the session
// splices the text into its `ok` frame instead of stringifying an object
// (the same bytes a client parses). A conversation page carries its last
// messages as the JSON the storage keeps, so they are never parsed and
// encoded again on the event loop.

/** `json` is the JSON text of a `T`. */
export class EncodedResult<T> {
  declare readonly encodes?: T;
  constructor(readonly json: string) {}
}

/** The `ok` frame around an encoded result (same bytes as JSON.stringify of the frame object). */
export function okFrameJson(version: number, id: string, json: string): string {
  return `{"v":${version},"t":"ok","id":${JSON.stringify(id)},"r":${json}}`;
}
