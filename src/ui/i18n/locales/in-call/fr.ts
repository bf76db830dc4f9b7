// Owns natter's French (français) strings of the in-call view; part of locales/fr.ts.
import type { InCallStrings } from '../../in-call-strings';

export const inCallFr: InCallStrings = {
  callWith: (names, video) => `${video ? 'Appel vidéo' : 'Appel vocal'} avec ${names}`,
  connecting: 'Connexion…',
  ringing: 'Appel en cours…',
  reconnecting: 'Reconnexion…',
  connected: 'Connecté',
  ended: (d) => `Appel terminé · ${d}`,
  movedElsewhere: 'L’appel est passé sur un autre de vos appareils',
  you: 'Vous',
  mute: 'Couper le micro',
  unmute: 'Réactiver le micro',
  cameraOff: 'Désactiver la caméra',
  cameraOn: 'Activer la caméra',
  shareScreen: 'Partager l’écran',
  stopSharing: 'Arrêter le partage',
  minimise: 'Réduire',
  expand: 'Revenir à l’appel',
  hangUp: 'Raccrocher',
  close: 'Fermer',
  peerRinging: 'Sonnerie…',
  peerConnecting: 'Connexion…',
  peerReconnecting: 'Reconnexion…',
  peerLeft: 'A quitté l’appel',
  peerDeclined: 'A refusé',
  peerMissed: 'Pas de réponse',
  peerMuted: 'Micro coupé',
  controls: 'Commandes de l’appel',
  devices: 'Appareils',
  microphone: 'Micro',
  camera: 'Caméra',
  speaker: 'Haut-parleur',
  systemDefault: 'Par défaut du système',
  mediaError: (kind) =>
    ({
      'permission-denied':
        'Le navigateur n’a pas l’autorisation d’utiliser votre micro ou votre caméra. Autorisez-les dans les paramètres du site (l’icône à gauche de la barre d’adresse), puis réessayez.',
      'no-device': 'Aucun micro ni aucune caméra n’a été trouvé. Branchez-en un, puis réessayez.',
      'device-in-use': 'Votre micro ou votre caméra est utilisé par une autre application. Fermez-la, puis réessayez.',
      'media-failed': 'Impossible de démarrer votre micro ou votre caméra.',
      'call-failed': 'L’appel n’a pas pu continuer.',
    })[kind],
  summary: (outcome, video, d) => {
    const kind = video ? 'Appel vidéo' : 'Appel vocal';
    if (outcome === 'answered') return `${kind} · ${d}`;
    if (outcome === 'missed') return `${kind} manqué`;
    if (outcome === 'declined') return `${kind} refusé`;
    return `${kind} annulé`;
  },
};
