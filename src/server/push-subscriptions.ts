// Owns the Web Push operations: handing browsers the server's VAPID public key
// (`push.config`), and storing (`push.subscribe`) or forgetting
// (`push.unsubscribe`) the calling device's subscription. 4070 when the host
// configured no Web Push; 4071 for an endpoint the host will not send to.
import { ErrorCode } from '../protocol/errors';
import type { WebPushSubscription } from '../protocol/push';
import type { Caller, CoreContext } from './context';
import { fail } from './context';
import type { OpHandlers } from './op-handler';

type Empty = Record<string, never>;

async function subscribe(ctx: CoreContext, caller: Caller, p: { subscription: WebPushSubscription }): Promise<Empty> {
  const sender = ctx.options.webPush ?? fail(ErrorCode.PUSH_NOT_CONFIGURED);
  const { endpoint, keys } = p.subscription;
  if (sender.allowEndpoint && !sender.allowEndpoint(endpoint)) fail(ErrorCode.PUSH_ENDPOINT_NOT_ALLOWED);
  await ctx.storage.putPushSubscription({
    user: caller.user,
    device: caller.device,
    endpoint,
    p256dh: keys.p256dh,
    auth: keys.auth,
    createdAt: ctx.clock.now(),
  });
  return {};
}

async function unsubscribe(ctx: CoreContext, caller: Caller): Promise<Empty> {
  await ctx.storage.deletePushSubscription(caller.user, caller.device);
  return {};
}

export const pushOps: OpHandlers<'push.config' | 'push.subscribe' | 'push.unsubscribe'> = {
  'push.config': (ctx) => ({ publicKey: ctx.options.webPush?.publicKey ?? null }),
  'push.subscribe': subscribe,
  'push.unsubscribe': unsubscribe,
};
