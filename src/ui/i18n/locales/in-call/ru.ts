// Owns natter's Russian (русский) strings of the in-call view; part of locales/ru.ts.
import type { InCallStrings } from '../../in-call-strings';

export const inCallRu: InCallStrings = {
  callWith: (names, video) => `${video ? 'Видеозвонок' : 'Аудиозвонок'}: ${names}`,
  connecting: 'Соединение…',
  ringing: 'Вызов…',
  reconnecting: 'Переподключение…',
  connected: 'Соединено',
  ended: (d) => `Звонок завершён · ${d}`,
  movedElsewhere: 'Звонок перешёл на другое ваше устройство',
  you: 'Вы',
  mute: 'Выключить микрофон',
  unmute: 'Включить микрофон',
  cameraOff: 'Выключить камеру',
  cameraOn: 'Включить камеру',
  shareScreen: 'Показать экран',
  stopSharing: 'Остановить показ',
  minimise: 'Свернуть',
  expand: 'Вернуться к звонку',
  hangUp: 'Завершить',
  close: 'Закрыть',
  peerRinging: 'Вызов…',
  peerConnecting: 'Соединение…',
  peerReconnecting: 'Переподключение…',
  peerLeft: 'Покинул(а) звонок',
  peerDeclined: 'Отклонил(а)',
  peerMissed: 'Нет ответа',
  peerMuted: 'Микрофон выключен',
  controls: 'Управление звонком',
  devices: 'Устройства',
  microphone: 'Микрофон',
  camera: 'Камера',
  speaker: 'Динамик',
  systemDefault: 'Системное по умолчанию',
  mediaError: (kind) =>
    ({
      'permission-denied':
        'Браузеру не разрешено использовать микрофон или камеру. Разрешите доступ в настройках сайта (значок слева от адресной строки) и попробуйте снова.',
      'no-device': 'Микрофон или камера не найдены. Подключите устройство и попробуйте снова.',
      'device-in-use': 'Микрофон или камера заняты другим приложением. Закройте его и попробуйте снова.',
      'media-failed': 'Не удалось включить микрофон или камеру.',
      'call-failed': 'Звонок не может продолжаться.',
    })[kind],
  summary: (outcome, video, d) => {
    const kind = video ? 'Видеозвонок' : 'Аудиозвонок';
    if (outcome === 'answered') return `${kind} · ${d}`;
    if (outcome === 'missed') return video ? 'Пропущенный видеозвонок' : 'Пропущенный аудиозвонок';
    if (outcome === 'declined') return `${kind} отклонён`;
    return `${kind} отменён`;
  },
};
