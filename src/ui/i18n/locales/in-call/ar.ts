// Owns natter's Arabic (العربية) strings of the in-call view; part of locales/ar.ts.
import type { InCallStrings } from '../../in-call-strings';

export const inCallAr: InCallStrings = {
  callWith: (names, video) => `${video ? 'مكالمة فيديو' : 'مكالمة صوتية'} مع ${names}`,
  connecting: 'جارٍ الاتصال…',
  ringing: 'جارٍ الرنين…',
  reconnecting: 'جارٍ إعادة الاتصال…',
  connected: 'متصل',
  ended: (d) => `انتهت المكالمة · ${d}`,
  movedElsewhere: 'انتقلت المكالمة إلى جهاز آخر من أجهزتك',
  you: 'أنت',
  mute: 'كتم الصوت',
  unmute: 'إلغاء كتم الصوت',
  cameraOff: 'إيقاف الكاميرا',
  cameraOn: 'تشغيل الكاميرا',
  shareScreen: 'مشاركة الشاشة',
  stopSharing: 'إيقاف المشاركة',
  minimise: 'تصغير',
  expand: 'العودة إلى المكالمة',
  hangUp: 'إنهاء المكالمة',
  close: 'إغلاق',
  peerRinging: 'جارٍ الرنين…',
  peerConnecting: 'جارٍ الاتصال…',
  peerReconnecting: 'جارٍ إعادة الاتصال…',
  peerLeft: 'غادر المكالمة',
  peerDeclined: 'رفض المكالمة',
  peerMissed: 'لا رد',
  peerMuted: 'الصوت مكتوم',
  controls: 'عناصر التحكم في المكالمة',
  devices: 'الأجهزة',
  microphone: 'الميكروفون',
  camera: 'الكاميرا',
  speaker: 'مكبّر الصوت',
  systemDefault: 'الافتراضي في النظام',
  mediaError: (kind) =>
    ({
      'permission-denied':
        'لم يُسمح للمتصفح باستخدام الميكروفون أو الكاميرا. اسمح بذلك من إعدادات الموقع (الرمز بجوار شريط العنوان) ثم حاول مرة أخرى.',
      'no-device': 'لم يُعثر على ميكروفون أو كاميرا. وصِّل جهازًا ثم حاول مرة أخرى.',
      'device-in-use': 'الميكروفون أو الكاميرا قيد الاستخدام في تطبيق آخر. أغلقه ثم حاول مرة أخرى.',
      'media-failed': 'تعذّر تشغيل الميكروفون أو الكاميرا.',
      'call-failed': 'تعذّر استمرار المكالمة.',
    })[kind],
  summary: (outcome, video, d) => {
    const kind = video ? 'مكالمة فيديو' : 'مكالمة صوتية';
    if (outcome === 'answered') return `${kind} · ${d}`;
    if (outcome === 'missed') return `${kind} فائتة`;
    if (outcome === 'declined') return `${kind} مرفوضة`;
    return `${kind} ملغاة`;
  },
};
