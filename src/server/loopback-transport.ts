// Owns the in-page loopback Transport: each connection passes serialized
// frames between a client and a server session asynchronously (in order,
// one microtask per frame), so in-page and WebSocket clients run the same
// code. Uploads go straight to the core's putFile.
import { ErrorCode, NatterError } from '../protocol/errors';
import type {
  ClientConnection,
  ClientConnectionHandlers,
  ServerPeer,
  Transport,
  UploadRequest,
  UploadedFile,
} from '../protocol/link';
import type { FileInput } from './files';
import type { ServerCore } from './server-core';

function connectLoopback(core: ServerCore, handlers: ClientConnectionHandlers): ClientConnection {
  let clientClosed = false;
  let serverClosed = false;
  const later = (fn: () => void): void => queueMicrotask(fn);
  const peer: ServerPeer = {
    send(data) {
      if (serverClosed || clientClosed) return;
      later(() => {
        if (!clientClosed) handlers.frame(data);
      });
    },
    close(code = 1000, reason = '') {
      if (serverClosed || clientClosed) return;
      serverClosed = true;
      // Queued after every frame already sent (e.g. the bye), as a socket would.
      later(() => {
        if (clientClosed) return;
        clientClosed = true;
        handlers.close({ code, reason });
      });
    },
    bufferedAmount: 0,
  };
  const session = core.connect(peer);
  later(() => {
    if (!clientClosed && !serverClosed) handlers.open();
  });
  return {
    send(data) {
      if (clientClosed || serverClosed) return;
      later(() => {
        if (!serverClosed) session.receive(data);
      });
    },
    close() {
      if (clientClosed) return;
      clientClosed = true;
      later(() => {
        if (!serverClosed) {
          serverClosed = true;
          session.closed();
        }
        handlers.close({ code: 1000, reason: 'closed by client' });
      });
    },
  };
}

async function uploadLoopback(core: ServerCore, req: UploadRequest): Promise<UploadedFile> {
  const aborted = (): NatterError => new NatterError(ErrorCode.DISCONNECTED, 'upload aborted');
  if (req.signal?.aborted) throw aborted();
  if (req.data.size > core.limits.maxFileBytes)
    throw new NatterError(ErrorCode.TOO_LARGE, `file larger than ${core.limits.maxFileBytes} bytes`);
  const total = req.data.size;
  req.onProgress?.(0, total);
  const bytes = new Uint8Array(await req.data.arrayBuffer());
  if (req.signal?.aborted) throw aborted();
  const input: FileInput = { name: req.name, mime: req.mime, bytes };
  if (req.width !== undefined) input.width = req.width;
  if (req.height !== undefined) input.height = req.height;
  if (req.duration !== undefined) input.duration = req.duration;
  const file = await core.putFile(req.user, input);
  req.onProgress?.(total, total);
  return file;
}

/** A Transport whose connections are loopbacks into `core`, with uploads through `core.putFile`. */
export function createLoopbackTransport(core: ServerCore): Transport {
  return {
    connect: (handlers) => connectLoopback(core, handlers),
    upload: (req) => uploadLoopback(core, req),
  };
}
