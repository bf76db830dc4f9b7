// Owns the client's token in the first screen: the hello and uploads read it
// here, and its renewal (token-renewal.ts: the server's notice that it expires,
// the session ended at expiry, renewToken) is a chunk of its own, fetched on
// the first of these. Most sessions never see their token expire. Calls made
// while the chunk loads reach it in the order they were made; a chunk that
// fails to load rejects renewToken (or reports an error) and is tried again on
// next need.
import { ErrorCode, NatterError } from '../protocol/errors';
import { loadOnce } from './load-once';
import type { TokenRenewalDeps, TokenSlot } from './token-renewal';

/** What the client calls: the token, and TokenRenewal's methods, answered once its chunk is there. */
export interface TokenHandle extends TokenSlot {
  expiring(expiresAt: number): void;
  closed(error: NatterError | undefined): void;
  renew(token: string): Promise<void>;
}

export function lazyTokenRenewal(token: string | undefined, deps: TokenRenewalDeps): TokenHandle {
  const load = loadOnce(
    () => import('./token-renewal').then((m) => new m.TokenRenewal(handle, deps)),
    (e) => new NatterError(ErrorCode.UNKNOWN, `token renewal could not be loaded: ${String(e)}`),
  );
  const report = (e: unknown) => deps.error(e as NatterError);
  const handle: TokenHandle = {
    token,
    expiring(expiresAt) {
      load().then((r) => r.expiring(expiresAt), report);
    },
    closed(error) {
      // Only a session ended at expiry concerns the renewal: other closes load nothing.
      if (error?.code === ErrorCode.TOKEN_EXPIRED) load().then((r) => r.closed(error), report);
    },
    renew(next) {
      handle.token = next; // the next hello carries it even before the chunk is there
      return load().then((r) => r.renew(next));
    },
  };
  return handle;
}
