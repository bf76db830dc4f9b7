// A raw WebSocket hello for the cluster tests: what a node answers a client
// connecting to it (every frame until it closes the socket), when the
// node cannot serve it (its database or Redis out of reach).
import WebSocket from 'ws';
import { PROTOCOL_VERSION } from '../../../../src/protocol/version';

/** Every frame a raw connection receives after its hello, until the server closes it. */
export function helloFrames(
  url: string,
  token: string,
): Promise<{ frames: Array<Record<string, unknown>>; closeCode: number }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const frames: Array<Record<string, unknown>> = [];
    const guard = setTimeout(
      () => reject(new Error(`no answer to hello, frames so far: ${JSON.stringify(frames)}`)),
      20_000,
    );
    ws.on('open', () => ws.send(JSON.stringify({ v: PROTOCOL_VERSION, t: 'hello', token, device: 'raw' })));
    ws.on('message', (data: Buffer) => frames.push(JSON.parse(data.toString()) as Record<string, unknown>));
    ws.on('close', (closeCode: number) => {
      clearTimeout(guard);
      resolve({ frames, closeCode });
    });
    ws.on('error', reject);
  });
}
