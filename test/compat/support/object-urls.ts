// Owns object URLs in jsdom tests: jsdom has no URL.createObjectURL for its
// Blobs, so tests install a page-like one that remembers what it named, and
// read jsdom Blobs (which lack arrayBuffer) through FileReader.
const blobs = new Map<string, Blob>();
let nextUrl = 1;

export function installObjectUrls(): void {
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:natter-test/${nextUrl++}`;
    blobs.set(url, blob);
    return url;
  };
  URL.revokeObjectURL = (url: string) => void blobs.delete(url);
}

export function blobAt(url: string): Blob | undefined {
  return blobs.get(url);
}

export function readBlob(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}
