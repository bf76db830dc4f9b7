// Owns the real media files the component stories send: PNGs drawn on a
// canvas, a WAV tone, a WebM clip recorded from a canvas with MediaRecorder,
// a PDF and a text file. The embedded server checks every upload's leading
// bytes against its MIME type, so these are genuine files, not placeholders.

function canvasOf(width: number, height: number): { canvas: HTMLCanvasElement; g: CanvasRenderingContext2D } {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const g = canvas.getContext('2d');
  if (!g) throw new Error('no 2d canvas');
  return { canvas, g };
}

function toFile(canvas: HTMLCanvasElement, name: string): Promise<File> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (b) => (b ? resolve(new File([b], name, { type: 'image/png' })) : reject(new Error('canvas.toBlob failed'))),
      'image/png',
    ),
  );
}

/** A small landscape picture (sky, sun, hills) as a PNG file. */
export function makePicture(width = 320, height = 200, name = 'sunset.png'): Promise<File> {
  const { canvas, g } = canvasOf(width, height);
  const sky = g.createLinearGradient(0, 0, 0, height);
  sky.addColorStop(0, '#ff9a62');
  sky.addColorStop(1, '#ffd9a0');
  g.fillStyle = sky;
  g.fillRect(0, 0, width, height);
  g.fillStyle = '#fff3c4';
  g.beginPath();
  g.arc(width * 0.7, height * 0.45, height * 0.16, 0, Math.PI * 2);
  g.fill();
  g.fillStyle = '#2a9d8f';
  g.beginPath();
  g.moveTo(0, height);
  g.quadraticCurveTo(width * 0.3, height * 0.5, width * 0.6, height * 0.8);
  g.quadraticCurveTo(width * 0.85, height * 0.6, width, height * 0.75);
  g.lineTo(width, height);
  g.fill();
  return toFile(canvas, name);
}

/** A PNG of random noise: it barely compresses, so its size is about width × height × 4 bytes. */
export function makeNoisePicture(width: number, height: number, name = 'screenshot.png'): Promise<File> {
  const { canvas, g } = canvasOf(width, height);
  const img = g.createImageData(width, height);
  for (let i = 0; i < img.data.length; i += 4) {
    img.data[i] = (Math.random() * 256) | 0;
    img.data[i + 1] = (Math.random() * 256) | 0;
    img.data[i + 2] = (Math.random() * 256) | 0;
    img.data[i + 3] = 255;
  }
  g.putImageData(img, 0, 0);
  return toFile(canvas, name);
}

/** A mono 16-bit WAV: a short two-note chime. */
export function makeChime(seconds = 1.5, name = 'voice-note.wav'): File {
  const rate = 8000;
  const n = Math.floor(rate * seconds);
  const buf = new ArrayBuffer(44 + n * 2);
  const v = new DataView(buf);
  const text = (at: number, s: string) => [...s].forEach((c, i) => v.setUint8(at + i, c.charCodeAt(0)));
  text(0, 'RIFF');
  v.setUint32(4, 36 + n * 2, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, 1, true);
  v.setUint16(22, 1, true);
  v.setUint32(24, rate, true);
  v.setUint32(28, rate * 2, true);
  v.setUint16(32, 2, true);
  v.setUint16(34, 16, true);
  text(36, 'data');
  v.setUint32(40, n * 2, true);
  for (let i = 0; i < n; i++) {
    const t = i / rate;
    const f = t < seconds / 2 ? 660 : 880;
    const fade = Math.min(1, (seconds - t) * 4);
    v.setInt16(44 + i * 2, Math.sin(2 * Math.PI * f * t) * 8000 * fade, true);
  }
  return new File([buf], name, { type: 'audio/wav' });
}

/** A short WebM clip recorded from an animated canvas (takes `ms` of real time). */
export async function makeClip(
  ms = 600,
  name = 'clip.webm',
): Promise<{ file: File; width: number; height: number; duration: number }> {
  const width = 240;
  const height = 160;
  const { canvas, g } = canvasOf(width, height);
  const recorder = new MediaRecorder(canvas.captureStream(25), { mimeType: 'video/webm' });
  const chunks: Blob[] = [];
  recorder.ondataavailable = (e) => chunks.push(e.data);
  const stopped = new Promise((resolve) => (recorder.onstop = resolve));
  let frame = 0;
  const draw = () => {
    g.fillStyle = `hsl(${(frame * 12) % 360} 70% 55%)`;
    g.fillRect(0, 0, width, height);
    g.fillStyle = '#fff';
    g.font = 'bold 32px system-ui';
    g.fillText(`natter ${frame++}`, 40, 90);
  };
  draw();
  recorder.start();
  // A timer, not requestAnimationFrame: it also runs in a background tab.
  const timer = setInterval(draw, 40);
  await new Promise((r) => setTimeout(r, ms));
  clearInterval(timer);
  recorder.stop();
  await stopped;
  return { file: new File(chunks, name, { type: 'video/webm' }), width, height, duration: ms / 1000 };
}

/** A one-page PDF. */
export function makePdf(name = 'release-notes.pdf'): File {
  const body = [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj',
    '4 0 obj << /Length 44 >> stream',
    'BT /F1 18 Tf 20 70 Td (natter 0.1) Tj ET',
    'endstream endobj',
    '5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
  ].join('\n');
  return new File([body], name, { type: 'application/pdf' });
}

export function makeTextFile(
  name = 'notes.txt',
  text = 'Meeting notes\n- ship the storybook\n- read receipts done\n',
): File {
  return new File([text], name, { type: 'text/plain' });
}
