// Owns the primitive names every other protocol module shares, so that they
// can import them without importing each other.
export type ChatType = 'single' | 'group' | 'room';
export type UserId = string;
