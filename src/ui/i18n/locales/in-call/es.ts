// Owns natter's Spanish (español) strings of the in-call view; part of locales/es.ts.
import type { InCallStrings } from '../../in-call-strings';

export const inCallEs: InCallStrings = {
  callWith: (names, video) => `${video ? 'Videollamada' : 'Llamada de voz'} con ${names}`,
  connecting: 'Conectando…',
  ringing: 'Llamando…',
  reconnecting: 'Reconectando…',
  connected: 'Conectado',
  ended: (d) => `Llamada finalizada · ${d}`,
  movedElsewhere: 'La llamada pasó a otro de tus dispositivos',
  you: 'Tú',
  mute: 'Silenciar',
  unmute: 'Activar sonido',
  cameraOff: 'Apagar cámara',
  cameraOn: 'Encender cámara',
  shareScreen: 'Compartir pantalla',
  stopSharing: 'Dejar de compartir',
  minimise: 'Minimizar',
  expand: 'Volver a la llamada',
  hangUp: 'Colgar',
  close: 'Cerrar',
  peerRinging: 'Sonando…',
  peerConnecting: 'Conectando…',
  peerReconnecting: 'Reconectando…',
  peerLeft: 'Salió de la llamada',
  peerDeclined: 'Rechazó la llamada',
  peerMissed: 'Sin respuesta',
  peerMuted: 'Silenciado',
  controls: 'Controles de la llamada',
  devices: 'Dispositivos',
  microphone: 'Micrófono',
  camera: 'Cámara',
  speaker: 'Altavoz',
  systemDefault: 'Predeterminado del sistema',
  mediaError: (kind) =>
    ({
      'permission-denied':
        'El navegador no tiene permiso para usar tu micrófono o cámara. Permítelo en la configuración del sitio (el icono a la izquierda de la barra de direcciones) y vuelve a intentarlo.',
      'no-device': 'No se encontró ningún micrófono ni cámara. Conecta uno y vuelve a intentarlo.',
      'device-in-use': 'Otra aplicación está usando tu micrófono o cámara. Ciérrala y vuelve a intentarlo.',
      'media-failed': 'No se pudo iniciar el micrófono o la cámara.',
      'call-failed': 'La llamada no pudo continuar.',
    })[kind],
  summary: (outcome, video, d) => {
    const kind = video ? 'Videollamada' : 'Llamada de voz';
    if (outcome === 'answered') return `${kind} · ${d}`;
    if (outcome === 'missed') return `${kind} perdida`;
    if (outcome === 'declined') return `${kind} rechazada`;
    return `${kind} cancelada`;
  },
};
