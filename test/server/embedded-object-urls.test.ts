import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEmbeddedServer } from '../../src/server/embedded-server';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe('embedded server file URLs', () => {
  afterEach(() => vi.restoreAllMocks());

  it('serves uploads from object URLs and revokes them when the server closes', async () => {
    const revoke = vi.spyOn(URL, 'revokeObjectURL');
    const server = createEmbeddedServer({});
    const a = await server.core.putFile('alice', { name: 'a.png', mime: 'image/png', bytes: PNG });
    const b = await server.core.putFile('alice', { name: 'b.png', mime: 'image/png', bytes: PNG });
    expect(a.url).toMatch(/^blob:/);
    expect(revoke).not.toHaveBeenCalled();
    server.close();
    expect(revoke.mock.calls.map((c) => c[0]).sort()).toEqual([a.url, b.url].sort());
  });
});
