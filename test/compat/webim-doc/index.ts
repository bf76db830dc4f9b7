// Owns the index of the Easemob document's copied web examples (one file per part of the document).
export * from './sending-text';
export * from './sending-attachments';
export * from './receiving';
export * from './receipts';
