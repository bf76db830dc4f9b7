// The client's upload chunk, loaded by one dynamic import (load-upload-chunk.ts):
// the upload itself, the file sender's runs and restores, and the WebSocket
// transport's HTTP upload (which a file upload over it always needs: one fetch
// for both instead of one after the other).
export { uploadFile } from './file-upload';
export { restoreAttachments, startUpload } from './file-jobs';
export { httpUpload } from './http-upload';
