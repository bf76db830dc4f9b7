// Owns the states of a client's connection, as events and the store report them.

export type ConnectionState = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';
