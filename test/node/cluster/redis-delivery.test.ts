// Two nodes' RedisDelivery on a real Redis: a live-only frame (an onlineUserOnly invitation)
// reaches the devices connected when it was sent, not one that connects on another node once the
// sender was answered. The publish is auto-pipelined (it leaves in a later turn of the event loop),
// so a node that subscribed in between heard it: once, under load, in the cluster conformance run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisDelivery } from '../../../src/node/redis-delivery';
import type { ServerFrame } from '../../../src/protocol/frames';
import type { UserId } from '../../../src/protocol/message';
import { SessionRegistry, type LiveSession } from '../../../src/server/sessions';
import { startRedis, type Redis } from './support/services';

/** A connected device as the registry sees it, keeping the frames it was sent. */
class Device implements LiveSession {
  readonly heard: string[] = [];
  constructor(
    readonly user: UserId,
    readonly device: string,
  ) {}
  send(frame: ServerFrame): void {
    this.heard.push(JSON.stringify(frame));
  }
  sendRaw(data: string): void {
    this.heard.push(data);
  }
  deliver(data: string): void {
    this.heard.push(data);
  }
  catchUp(): void {}
  end(): void {}
}

const pause = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

describe('RedisDelivery between two nodes', () => {
  let redis: Redis;
  const nodes: RedisDelivery[] = [];
  beforeAll(async () => {
    redis = await startRedis();
  }, 60_000);
  afterAll(async () => {
    await Promise.all(nodes.map((n) => n.close()));
    await redis?.stop();
  }, 60_000);

  const node = (id: string): { delivery: RedisDelivery; local: SessionRegistry } => {
    const local = new SessionRegistry();
    const delivery = new RedisDelivery({ url: redis.url, nodeId: id }).attach(local);
    nodes.push(delivery);
    return { delivery, local };
  };

  it('a live-only frame, once flushed, is not heard by a device that connects to another node after', async () => {
    const a = node('node-a');
    const b = node('node-b');
    await Promise.all([a.delivery.ping(), b.delivery.ping()]);

    a.delivery.deliver('carol', '{"before":true}');
    await a.delivery.flushed();
    const carol = new Device('carol', 'phone');
    void b.local.add(carol);
    await b.delivery.ready('carol');

    // A frame sent now reaches her: the frame before would have had as long to arrive.
    a.delivery.deliver('carol', '{"after":true}');
    await a.delivery.flushed();
    const end = Date.now() + 5_000;
    while (carol.heard.length === 0 && Date.now() < end) await pause(10);
    await pause(100);
    expect(carol.heard).toEqual(['{"after":true}']);
  });

  it('flushed() settles within a second or so while Redis is out of reach (an answer does not wait for it)', async () => {
    const a = node('node-c');
    await a.delivery.ping();
    await redis.down();
    a.delivery.deliver('dave', '{"while-down":true}');
    const started = Date.now();
    await a.delivery.flushed();
    expect(Date.now() - started).toBeLessThan(3_000);
    await redis.up();
  });
});
