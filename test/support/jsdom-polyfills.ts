// Owns the few browser APIs jsdom lacks that natter's real code paths call in
// component tests: Blob reading (uploads) and element scrolling (the list's virtualizer).

/** jsdom's Blob has no arrayBuffer() (every browser has it); the client's upload reads files with it. */
export function polyfillBlobReading(): void {
  const proto = Blob.prototype as Blob & { arrayBuffer?: () => Promise<ArrayBuffer> };
  if (typeof proto.arrayBuffer === 'function') return;
  Object.defineProperty(Blob.prototype, 'arrayBuffer', {
    configurable: true,
    value(this: Blob): Promise<ArrayBuffer> {
      return new Promise((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result as ArrayBuffer);
        reader.onerror = () => reject(reader.error);
        reader.readAsArrayBuffer(this);
      });
    },
  });
}

/** jsdom has no element scrolling methods; the virtualizer calls them (e.g. to follow new messages). */
export function polyfillElementScrolling(): void {
  const proto = Element.prototype as Element & { scrollTo?: unknown; scrollBy?: unknown };
  const define = (name: 'scrollTo' | 'scrollBy', apply: (el: Element, top: number) => void) => {
    if (typeof proto[name] === 'function') return;
    Object.defineProperty(Element.prototype, name, {
      configurable: true,
      value(this: Element, a?: ScrollToOptions | number, b?: number) {
        const top = typeof a === 'object' ? a.top : b;
        if (typeof top === 'number') apply(this, top);
      },
    });
  };
  define('scrollTo', (el, top) => (el.scrollTop = top));
  define('scrollBy', (el, top) => (el.scrollTop += top));
}
