// Owns the plain-data error the client hands the store (inputs, settled changes).
// A file of its own so the change types can name it without importing the input union.

/** An error as the store keeps it (plain data). */
export interface ErrorInfo {
  code: number;
  message: string;
}
