// Public surface of PinsStrip.
export { PinsStrip, type PinsStripProps } from './pins-strip';
