// Owns usePushNotifications: Web Push for this user on this browser. It
// registers the app's service worker, re-registers an existing subscription
// with the server whenever the connection is welcomed (no prompt), and offers
// enable (asks permission: call it from a click) and disable.
import { useCallback, useEffect, useState } from 'react';
import { isNatterError } from '../protocol/errors';
import {
  pushPermission,
  renewPushSubscription,
  subscribeToPush,
  unsubscribeFromPush,
  type PushPermission,
} from '../client/push-subscribe';
import { useChatClient } from './use-chat-client';
import { useConnectionState } from './use-connection-state';

export interface PushNotificationsOptions {
  /** URL of the app's service worker (e.g. a copy of natter's `natter/push-sw.js`), or its registration. */
  serviceWorker: string | ServiceWorkerRegistration;
}

export interface PushNotificationsResult {
  /** `unsupported`, or the browser's notification permission. */
  permission: PushPermission;
  /** This device's subscription is registered with the server. */
  subscribed: boolean;
  /** enable/disable is running. */
  busy: boolean;
  /** The last failure (e.g. 4070: the server sends no Web Push), or null. */
  error: { code: number; message: string } | null;
  /** Asks permission and subscribes; call from a user action (a click). */
  enable(): Promise<void>;
  disable(): Promise<void>;
}

function registration(sw: string | ServiceWorkerRegistration): Promise<ServiceWorkerRegistration> {
  return typeof sw === 'string' ? navigator.serviceWorker.register(sw) : Promise.resolve(sw);
}

function errorInfo(e: unknown): { code: number; message: string } {
  if (isNatterError(e)) return { code: e.code, message: e.message };
  return { code: 0, message: e instanceof Error ? e.message : String(e) };
}

export function usePushNotifications(options: PushNotificationsOptions): PushNotificationsResult {
  const client = useChatClient();
  const { ready } = useConnectionState();
  const [permission, setPermission] = useState<PushPermission>(pushPermission);
  const [subscribed, setSubscribed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ code: number; message: string } | null>(null);
  const sw = options.serviceWorker;

  useEffect(() => {
    if (!ready || pushPermission() !== 'granted') return;
    let live = true;
    registration(sw)
      .then((r) => renewPushSubscription(client, r))
      .then(
        (renewed) => live && setSubscribed(renewed),
        (e: unknown) => live && setError(errorInfo(e)),
      );
    return () => {
      live = false;
    };
  }, [client, ready, sw]);

  const run = useCallback(async (step: () => Promise<boolean>): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      setSubscribed(await step());
    } catch (e) {
      setError(errorInfo(e));
    } finally {
      setPermission(pushPermission());
      setBusy(false);
    }
  }, []);

  const enable = useCallback(() => run(async () => subscribeToPush(client, await registration(sw))), [client, run, sw]);
  const disable = useCallback(
    () =>
      run(async () => {
        await unsubscribeFromPush(client, await registration(sw));
        return false;
      }),
    [client, run, sw],
  );

  return { permission, subscribed, busy, error, enable, disable };
}
