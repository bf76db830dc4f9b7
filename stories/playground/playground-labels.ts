// Owns the Playground's own words (its toolbar, pane names and connection
// states) in every language the kit ships; natter's own strings come from the
// `locale` prop of each Chat. A language the table lacks falls back to English.
import type { ConnectionState } from '../../src/entries/index';
import type { Locale } from '../../src/entries/ui';

export interface PlaygroundLabels {
  controls: string;
  addUser: string;
  language: string;
  theme: string;
  light: string;
  dark: string;
  system: string;
  starting: string;
  failed(reason: string): string;
  chatOf(name: string): string;
  drop: string;
  restore: string;
  state: Record<ConnectionState, string>;
}

const LABELS: Record<string, PlaygroundLabels> = {
  en: {
    controls: 'Playground controls',
    addUser: 'Add a user',
    language: 'Language',
    theme: 'Theme',
    light: 'Light',
    dark: 'Dark',
    system: 'System',
    starting: 'Starting the embedded server…',
    failed: (r) => `The embedded server did not start: ${r}`,
    chatOf: (n) => `${n}'s chat`,
    drop: 'Drop connection',
    restore: 'Restore connection',
    state: {
      idle: 'not connected',
      connecting: 'connecting',
      open: 'online',
      reconnecting: 'reconnecting',
      closed: 'offline',
    },
  },
  'zh-CN': {
    controls: '演示控制',
    addUser: '添加用户',
    language: '语言',
    theme: '主题',
    light: '浅色',
    dark: '深色',
    system: '跟随系统',
    starting: '正在启动内嵌服务器…',
    failed: (r) => `内嵌服务器未能启动：${r}`,
    chatOf: (n) => `${n} 的聊天`,
    drop: '断开连接',
    restore: '恢复连接',
    state: { idle: '未连接', connecting: '正在连接', open: '在线', reconnecting: '正在重连', closed: '离线' },
  },
  'zh-TW': {
    controls: '示範控制',
    addUser: '新增使用者',
    language: '語言',
    theme: '主題',
    light: '淺色',
    dark: '深色',
    system: '跟隨系統',
    starting: '正在啟動內嵌伺服器…',
    failed: (r) => `內嵌伺服器未能啟動：${r}`,
    chatOf: (n) => `${n} 的聊天`,
    drop: '中斷連線',
    restore: '恢復連線',
    state: { idle: '未連線', connecting: '連線中', open: '線上', reconnecting: '重新連線中', closed: '離線' },
  },
  ja: {
    controls: 'デモの操作',
    addUser: 'ユーザーを追加',
    language: '言語',
    theme: 'テーマ',
    light: 'ライト',
    dark: 'ダーク',
    system: 'システムに合わせる',
    starting: '組み込みサーバーを起動しています…',
    failed: (r) => `組み込みサーバーを起動できませんでした: ${r}`,
    chatOf: (n) => `${n}のチャット`,
    drop: '接続を切る',
    restore: '接続を戻す',
    state: { idle: '未接続', connecting: '接続中', open: 'オンライン', reconnecting: '再接続中', closed: 'オフライン' },
  },
  ko: {
    controls: '데모 설정',
    addUser: '사용자 추가',
    language: '언어',
    theme: '테마',
    light: '라이트',
    dark: '다크',
    system: '시스템 설정',
    starting: '내장 서버를 시작하는 중…',
    failed: (r) => `내장 서버를 시작하지 못했습니다: ${r}`,
    chatOf: (n) => `${n}의 채팅`,
    drop: '연결 끊기',
    restore: '연결 복구',
    state: {
      idle: '연결 안 됨',
      connecting: '연결 중',
      open: '온라인',
      reconnecting: '다시 연결 중',
      closed: '오프라인',
    },
  },
  es: {
    controls: 'Controles de la demo',
    addUser: 'Añadir un usuario',
    language: 'Idioma',
    theme: 'Tema',
    light: 'Claro',
    dark: 'Oscuro',
    system: 'Según el sistema',
    starting: 'Iniciando el servidor integrado…',
    failed: (r) => `El servidor integrado no se pudo iniciar: ${r}`,
    chatOf: (n) => `Chat de ${n}`,
    drop: 'Cortar la conexión',
    restore: 'Restablecer la conexión',
    state: {
      idle: 'sin conectar',
      connecting: 'conectando',
      open: 'en línea',
      reconnecting: 'reconectando',
      closed: 'sin conexión',
    },
  },
  fr: {
    controls: 'Commandes de la démo',
    addUser: 'Ajouter un utilisateur',
    language: 'Langue',
    theme: 'Thème',
    light: 'Clair',
    dark: 'Sombre',
    system: 'Comme le système',
    starting: 'Démarrage du serveur intégré…',
    failed: (r) => `Le serveur intégré n’a pas démarré : ${r}`,
    chatOf: (n) => `Discussion de ${n}`,
    drop: 'Couper la connexion',
    restore: 'Rétablir la connexion',
    state: {
      idle: 'non connecté',
      connecting: 'connexion…',
      open: 'en ligne',
      reconnecting: 'reconnexion…',
      closed: 'hors ligne',
    },
  },
  de: {
    controls: 'Demo-Steuerung',
    addUser: 'Benutzer hinzufügen',
    language: 'Sprache',
    theme: 'Design',
    light: 'Hell',
    dark: 'Dunkel',
    system: 'Wie das System',
    starting: 'Eingebetteter Server wird gestartet …',
    failed: (r) => `Der eingebettete Server ist nicht gestartet: ${r}`,
    chatOf: (n) => `Chat von ${n}`,
    drop: 'Verbindung trennen',
    restore: 'Verbindung wiederherstellen',
    state: {
      idle: 'nicht verbunden',
      connecting: 'verbindet …',
      open: 'online',
      reconnecting: 'verbindet erneut …',
      closed: 'offline',
    },
  },
  'pt-BR': {
    controls: 'Controles da demonstração',
    addUser: 'Adicionar usuário',
    language: 'Idioma',
    theme: 'Tema',
    light: 'Claro',
    dark: 'Escuro',
    system: 'Igual ao sistema',
    starting: 'Iniciando o servidor integrado…',
    failed: (r) => `O servidor integrado não iniciou: ${r}`,
    chatOf: (n) => `Conversa de ${n}`,
    drop: 'Cortar a conexão',
    restore: 'Restaurar a conexão',
    state: {
      idle: 'desconectado',
      connecting: 'conectando',
      open: 'on-line',
      reconnecting: 'reconectando',
      closed: 'off-line',
    },
  },
  ru: {
    controls: 'Управление демо',
    addUser: 'Добавить пользователя',
    language: 'Язык',
    theme: 'Тема',
    light: 'Светлая',
    dark: 'Тёмная',
    system: 'Как в системе',
    starting: 'Запускаем встроенный сервер…',
    failed: (r) => `Встроенный сервер не запустился: ${r}`,
    chatOf: (n) => `Чат пользователя ${n}`,
    drop: 'Разорвать соединение',
    restore: 'Восстановить соединение',
    state: {
      idle: 'не подключён',
      connecting: 'подключение…',
      open: 'в сети',
      reconnecting: 'переподключение…',
      closed: 'не в сети',
    },
  },
  ar: {
    controls: 'عناصر التحكم في العرض',
    addUser: 'إضافة مستخدم',
    language: 'اللغة',
    theme: 'المظهر',
    light: 'فاتح',
    dark: 'داكن',
    system: 'حسب النظام',
    starting: 'جارٍ تشغيل الخادم المضمّن…',
    failed: (r) => `تعذّر تشغيل الخادم المضمّن: ${r}`,
    chatOf: (n) => `محادثة ${n}`,
    drop: 'قطع الاتصال',
    restore: 'استعادة الاتصال',
    state: {
      idle: 'غير متصل',
      connecting: 'جارٍ الاتصال',
      open: 'متصل',
      reconnecting: 'جارٍ إعادة الاتصال',
      closed: 'غير متصل بالشبكة',
    },
  },
};

/** The Playground's words for `locale`: the tag's own table, else its language's (`fr-CA` → `fr`), else English. */
export function playgroundLabels(locale: Locale): PlaygroundLabels {
  return LABELS[locale] ?? LABELS[locale.split('-')[0]!] ?? LABELS.en!;
}

/** Every language the Playground offers (every one natter ships), named in itself. */
export const PLAYGROUND_LANGUAGES: Array<[Locale, string]> = [
  ['en', 'English'],
  ['zh-CN', '简体中文'],
  ['zh-TW', '繁體中文'],
  ['ja', '日本語'],
  ['ko', '한국어'],
  ['es', 'Español'],
  ['fr', 'Français'],
  ['de', 'Deutsch'],
  ['pt-BR', 'Português (Brasil)'],
  ['ru', 'Русский'],
  ['ar', 'العربية'],
];
