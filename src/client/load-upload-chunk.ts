// Owns loading the client's upload chunk (upload-chunk.ts): the one dynamic
// import of it, shared by the file sender, plain uploads and the WebSocket
// transport's HTTP upload, so the first screen carries one loader for all.

/** The upload chunk (the upload, the file sender's runs and restores, the HTTP upload). */
export const loadUploadChunk = () => import('./upload-chunk');
