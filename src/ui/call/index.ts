// Public surface of the in-call UI.
export { CallView, type CallViewProps } from './call-view';
export { CallSummaryLine } from './call-summary';
export { CallDevicePicker, type CallDevicePickerProps } from './call-device-picker';
