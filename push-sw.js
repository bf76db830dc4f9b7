// natter's sample service worker for Web Push. It shows a notification for each
// push `natter serve` sends (a new message, or an invitation with its
// offlinePushInfo) and, on click, focuses a tab of the app and tells it which
// conversation to open (a `message` event: { type: 'natter-open', conversation,
// inviteId }), or opens the app at `?natter-open=<conversation>`.
//
// Copy it to your site (a service worker controls only the pages under its own
// path, so the root is usual) and register it, e.g. with
// usePushNotifications({ serviceWorker: '/natter-push-sw.js' }). Change TEXT to
// your app's language; a push carries the message text only when the server
// runs with --push-text.

const TEXT = {
  newMessage: (from) => `New message from ${from}`,
  invitation: (from) => `${from} is inviting you`,
  bodies: {
    img: 'Sent a picture',
    audio: 'Sent a voice message',
    video: 'Sent a video',
    file: 'Sent a file',
    loc: 'Shared a location',
  },
};

/** The notification for one decrypted push payload (see PushPayload in natter's protocol). */
function notificationFor(p) {
  if (p.kind === 'invitation') {
    return {
      title: p.title || TEXT.invitation(p.inviter),
      options: {
        body: p.description || '',
        tag: `natter-invite-${p.inviteId}`,
        requireInteraction: true,
        data: { conversation: p.conversation || `single:${p.inviter}`, inviteId: p.inviteId, extension: p.extension },
      },
    };
  }
  return {
    title: TEXT.newMessage(p.from),
    options: {
      body: p.text || TEXT.bodies[p.bodyType] || '',
      // One notification per conversation: a newer message replaces the older one.
      tag: `natter-${p.conversation}`,
      renotify: true,
      data: { conversation: p.conversation, serverId: p.serverId },
    },
  };
}

self.addEventListener('push', (event) => {
  let payload = null;
  try {
    payload = event.data ? event.data.json() : null;
  } catch {
    payload = null;
  }
  if (!payload || (payload.kind !== 'message' && payload.kind !== 'invitation')) return;
  const { title, options } = notificationFor(payload);
  event.waitUntil(self.registration.showNotification(title, options));
});

async function openChat(data) {
  const scope = self.registration.scope;
  const tabs = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const tab = tabs.find((c) => c.url.startsWith(scope));
  if (tab) {
    tab.postMessage({ type: 'natter-open', conversation: data.conversation, inviteId: data.inviteId });
    return tab.focus();
  }
  const url = new URL(scope);
  url.searchParams.set('natter-open', data.conversation);
  return self.clients.openWindow(url.href);
}

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(openChat(event.notification.data || {}));
});
