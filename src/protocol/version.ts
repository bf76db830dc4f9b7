// Owns the wire protocol version. Bump when a frame changes shape incompatibly.
export const PROTOCOL_VERSION = 1 as const;
