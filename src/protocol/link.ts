// Owns the contract between a transport and a server session: a
// message-oriented pipe of serialized frames. The in-page loopback and the
// Node WebSocket host both speak it, so every path runs the same code.

/** The server's side of one connection, as a host hands it to the server core. */
export interface ServerPeer {
  /** Deliver one serialized frame to the client. */
  send(data: string): void;
  /** Close the connection from the server side. */
  close(code?: number, reason?: string): void;
  /** Bytes queued but not yet written (back-pressure); 0 when unknown. */
  readonly bufferedAmount?: number;
}

/** What the server core returns for a connection: feed it what the client sent. */
export interface ServerSession {
  receive(data: string): void;
  /** The connection is gone (closed by either side). */
  closed(): void;
}

/** The client's side: a transport opens connections of this shape. */
export interface ClientConnection {
  send(data: string): void;
  close(): void;
}

export interface ClientConnectionHandlers {
  open(): void;
  frame(data: string): void;
  close(info: { code: number; reason: string }): void;
}

/** A file upload from a client, out of band from frames. */
export interface UploadRequest {
  data: Blob;
  name: string;
  mime: string;
  /** Auth for hosts that need it (the token from `hello`). */
  token?: string;
  user: string;
  onProgress?: (loaded: number, total: number) => void;
  signal?: AbortSignal;
  width?: number;
  height?: number;
  duration?: number;
}

export type UploadedFile = import('./message').FileRef & { width?: number; height?: number; duration?: number };

/**
 * How a client reaches a server: opens connections carrying serialized frames, and may upload
 * files out of band. The embedded server's `connect()` returns one (an in-page loopback);
 * the client's WebSocket transport is another.
 */
export interface Transport {
  connect(handlers: ClientConnectionHandlers): ClientConnection;
  /** Rejects with a NatterError (size 511, type 4150/4151, auth 401x). */
  upload?(req: UploadRequest): Promise<UploadedFile>;
}
