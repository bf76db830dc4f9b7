// Owns natter's Brazilian Portuguese (português do Brasil) strings of the in-call view; part of locales/pt-BR.ts.
import type { InCallStrings } from '../../in-call-strings';

export const inCallPtBR: InCallStrings = {
  callWith: (names, video) => `${video ? 'Chamada de vídeo' : 'Chamada de voz'} com ${names}`,
  connecting: 'Conectando…',
  ringing: 'Chamando…',
  reconnecting: 'Reconectando…',
  connected: 'Conectado',
  ended: (d) => `Chamada encerrada · ${d}`,
  movedElsewhere: 'A chamada passou para outro dispositivo seu',
  you: 'Você',
  mute: 'Silenciar',
  unmute: 'Ativar som',
  cameraOff: 'Desligar câmera',
  cameraOn: 'Ligar câmera',
  shareScreen: 'Compartilhar tela',
  stopSharing: 'Parar de compartilhar',
  minimise: 'Minimizar',
  expand: 'Voltar à chamada',
  hangUp: 'Desligar',
  close: 'Fechar',
  peerRinging: 'Chamando…',
  peerConnecting: 'Conectando…',
  peerReconnecting: 'Reconectando…',
  peerLeft: 'Saiu da chamada',
  peerDeclined: 'Recusou',
  peerMissed: 'Sem resposta',
  peerMuted: 'Silenciado',
  controls: 'Controles da chamada',
  devices: 'Dispositivos',
  microphone: 'Microfone',
  camera: 'Câmera',
  speaker: 'Alto-falante',
  systemDefault: 'Padrão do sistema',
  mediaError: (kind) =>
    ({
      'permission-denied':
        'O navegador não tem permissão para usar seu microfone ou sua câmera. Permita nas configurações do site (o ícone à esquerda da barra de endereço) e tente de novo.',
      'no-device': 'Nenhum microfone ou câmera foi encontrado. Conecte um e tente de novo.',
      'device-in-use': 'Seu microfone ou sua câmera está sendo usado por outro aplicativo. Feche-o e tente de novo.',
      'media-failed': 'Não foi possível iniciar seu microfone ou sua câmera.',
      'call-failed': 'A chamada não pôde continuar.',
    })[kind],
  summary: (outcome, video, d) => {
    const kind = video ? 'Chamada de vídeo' : 'Chamada de voz';
    if (outcome === 'answered') return `${kind} · ${d}`;
    if (outcome === 'missed') return `${kind} perdida`;
    if (outcome === 'declined') return `${kind} recusada`;
    return `${kind} cancelada`;
  },
};
