// The client's upload chunk, loaded by one dynamic import (loadUploadChunk in
// file-sender.ts): the upload itself, and the file sender's runs and restores.
export { uploadFile } from './file-upload';
export { restoreAttachments, startUpload } from './file-jobs';
