// Owns natter's German (Deutsch) strings of the in-call view; part of locales/de.ts.
import type { InCallStrings } from '../../in-call-strings';

export const inCallDe: InCallStrings = {
  callWith: (names, video) => `${video ? 'Videoanruf' : 'Sprachanruf'} mit ${names}`,
  connecting: 'Verbindung wird hergestellt…',
  ringing: 'Es klingelt…',
  reconnecting: 'Verbindung wird wiederhergestellt…',
  connected: 'Verbunden',
  ended: (d) => `Anruf beendet · ${d}`,
  movedElsewhere: 'Der Anruf wurde auf ein anderes deiner Geräte übertragen',
  you: 'Du',
  mute: 'Stummschalten',
  unmute: 'Stummschaltung aufheben',
  cameraOff: 'Kamera ausschalten',
  cameraOn: 'Kamera einschalten',
  shareScreen: 'Bildschirm teilen',
  stopSharing: 'Teilen beenden',
  minimise: 'Minimieren',
  expand: 'Zurück zum Anruf',
  hangUp: 'Auflegen',
  close: 'Schließen',
  peerRinging: 'Es klingelt…',
  peerConnecting: 'Verbindung wird hergestellt…',
  peerReconnecting: 'Verbindung wird wiederhergestellt…',
  peerLeft: 'Hat den Anruf verlassen',
  peerDeclined: 'Abgelehnt',
  peerMissed: 'Keine Antwort',
  peerMuted: 'Stummgeschaltet',
  controls: 'Anrufsteuerung',
  devices: 'Geräte',
  microphone: 'Mikrofon',
  camera: 'Kamera',
  speaker: 'Lautsprecher',
  systemDefault: 'Systemstandard',
  mediaError: (kind) =>
    ({
      'permission-denied':
        'Der Browser darf dein Mikrofon oder deine Kamera nicht verwenden. Erlaube den Zugriff in den Website-Einstellungen (das Symbol links in der Adressleiste) und versuche es erneut.',
      'no-device': 'Kein Mikrofon und keine Kamera gefunden. Schließe ein Gerät an und versuche es erneut.',
      'device-in-use':
        'Dein Mikrofon oder deine Kamera wird von einer anderen App verwendet. Schließe sie und versuche es erneut.',
      'media-failed': 'Mikrofon oder Kamera konnten nicht gestartet werden.',
      'call-failed': 'Der Anruf konnte nicht fortgesetzt werden.',
    })[kind],
  summary: (outcome, video, d) => {
    const kind = video ? 'Videoanruf' : 'Sprachanruf';
    if (outcome === 'answered') return `${kind} · ${d}`;
    if (outcome === 'missed') return `Verpasster ${kind}`;
    if (outcome === 'declined') return `${kind} abgelehnt`;
    return `${kind} abgebrochen`;
  },
};
