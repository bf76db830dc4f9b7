// Owns the control bar of the in-call view: mute, camera, screen share, the
// device picker's toggle, and hang up, each a labelled button (toggles say
// their state with aria-pressed or aria-expanded) reachable with Tab and
// worked with Enter or Space.
import type { ReactNode } from 'react';
import type { CallResult } from '../../react';
import type { InCallStrings } from '../i18n/in-call-strings';

export interface CallControlsProps {
  t: InCallStrings;
  call: NonNullable<CallResult['call']>;
  actions: Pick<CallResult, 'setMuted' | 'setCameraOff' | 'startScreenShare' | 'stopScreenShare' | 'hangUp'>;
  onMinimise: () => void;
  /** The device picker: shown or not, the id of the element that holds it, and its toggle. */
  devicesOpen: boolean;
  devicesId: string;
  onToggleDevices: () => void;
}

const canShareScreen = (): boolean =>
  typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getDisplayMedia === 'function';

export function CallControls({
  t,
  call,
  actions,
  onMinimise,
  devicesOpen,
  devicesId,
  onToggleDevices,
}: CallControlsProps): ReactNode {
  const video = call.callType === 'video';
  return (
    <div className="natter-call-view__controls" role="toolbar" aria-label={t.controls}>
      <button
        type="button"
        className="natter-call-view__control"
        aria-pressed={call.muted}
        onClick={() => void actions.setMuted(!call.muted)}
      >
        {call.muted ? t.unmute : t.mute}
      </button>
      {video && (
        <button
          type="button"
          className="natter-call-view__control"
          aria-pressed={call.cameraOff}
          onClick={() => void actions.setCameraOff(!call.cameraOff)}
        >
          {call.cameraOff ? t.cameraOn : t.cameraOff}
        </button>
      )}
      {video && canShareScreen() && (
        <button
          type="button"
          className="natter-call-view__control"
          aria-pressed={call.screenSharing}
          onClick={() =>
            void (call.screenSharing ? actions.stopScreenShare() : actions.startScreenShare().catch(() => undefined))
          }
        >
          {call.screenSharing ? t.stopSharing : t.shareScreen}
        </button>
      )}
      <button
        type="button"
        className="natter-call-view__control"
        aria-expanded={devicesOpen}
        aria-controls={devicesId}
        onClick={onToggleDevices}
      >
        {t.devices}
      </button>
      <button type="button" className="natter-call-view__control" onClick={onMinimise}>
        {t.minimise}
      </button>
      <button
        type="button"
        className="natter-call-view__control natter-call-view__control--hangup"
        onClick={() => void actions.hangUp()}
      >
        {t.hangUp}
      </button>
    </div>
  );
}
