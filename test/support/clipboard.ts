// Owns putting a real PNG on Chromium's clipboard for paste tests: drawn on a
// canvas in the page, written with the async clipboard API.
import type { Page } from 'playwright-core';

export async function copyPngToClipboard(
  page: Page,
  size: { width: number; height: number; color: string },
): Promise<void> {
  await page.evaluate(async ({ width, height, color }) => {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const g = canvas.getContext('2d') as CanvasRenderingContext2D;
    g.fillStyle = color;
    g.fillRect(0, 0, width, height);
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b as Blob), 'image/png'));
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })]);
  }, size);
}
