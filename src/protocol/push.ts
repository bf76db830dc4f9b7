// Owns the Web Push part of the protocol: the subscription a browser hands the
// server (PushSubscription.toJSON()), the operations that register and remove
// it for this device, and the JSON payload a push carries to the service worker.
import type { ConversationId } from './ids';
import type { UserId } from './message';

/** A browser's push subscription as `PushSubscription.toJSON()` gives it. */
export interface WebPushSubscription {
  /** The push service URL the server POSTs to (https). */
  endpoint: string;
  /** Time the browser will drop the subscription (ms since epoch), or null. */
  expirationTime?: number | null | undefined;
  /** The subscription's public key (P-256, base64url) and auth secret (base64url) for RFC 8291. */
  keys: { p256dh: string; auth: string };
}

/** The operations of this module, merged into `Ops` in frames.ts. */
export interface PushOps {
  /** The server's VAPID public key (base64url) for `pushManager.subscribe`; null when push is not configured. */
  'push.config': { p: Record<string, never>; r: { publicKey: string | null } };
  /** Stores this device's subscription (replacing the one it had; an endpoint belongs to one device). 4070 when push is off. */
  'push.subscribe': { p: { subscription: WebPushSubscription }; r: Record<string, never> };
  /** Forgets this device's subscription (nothing to forget is fine). */
  'push.unsubscribe': { p: Record<string, never>; r: Record<string, never> };
}

/**
 * What a push carries, encrypted (RFC 8291), as JSON: enough for the service worker to show a
 * notification and open the conversation. Message text only when the server is set to include it.
 */
export type PushPayload =
  | {
      kind: 'message';
      /** The conversation as the receiver names it. */
      conversation: ConversationId;
      serverId: string;
      from: UserId;
      /** The message text (text messages only, when the server includes text), else absent. */
      text?: string;
      /** The body type (`txt`, `img`, `file`…), so a notification can say "sent a picture". */
      bodyType: string;
    }
  | {
      kind: 'invitation';
      inviteId: string;
      inviter: UserId;
      /** Set for group invitations. */
      conversation?: ConversationId;
      /** From the invitation's offlinePushInfo. */
      title?: string;
      description?: string;
      extension?: string;
    };
