// Public surface of ReadReceipt.
export { ReadReceipt, type ReadReceiptProps } from './read-receipt';
