// Owns `auth.renew`: a session swaps its token for a fresh one of the same
// user without reconnecting, so its expiry moves and nothing in flight is lost.
import { ErrorCode } from '../protocol/errors';
import type { Ops } from '../protocol/frames';
import { PROTOCOL_VERSION } from '../protocol/version';
import type { Caller, CoreContext } from './context';
import { fail } from './context';
import type { OpHandlers } from './op-handler';
import type { AuthResult } from './server-options';

async function renew(ctx: CoreContext, caller: Caller, p: Ops['auth.renew']['p']): Promise<Ops['auth.renew']['r']> {
  const authenticate = ctx.options.authenticate;
  // Without an authenticator (dev mode) there is nothing to expire.
  const auth: AuthResult = authenticate
    ? await authenticate({ v: PROTOCOL_VERSION, t: 'hello', token: p.token })
    : { user: caller.user };
  if ('code' in auth) fail(auth.code, auth.message);
  if (auth.user !== caller.user) fail(ErrorCode.TOKEN_USER_MISMATCH);
  ctx.sessions.findDevice(caller.user, caller.device)?.renewed?.(auth.expiresAt);
  return { expiresAt: auth.expiresAt ?? null };
}

export const authOps: OpHandlers<'auth.renew'> = { 'auth.renew': renew };
