// Owns CallDevicePicker: the microphone, camera and speaker a call uses, each
// a labelled native select (keyboard and screen-reader access come with it).
// Usable before a call (what the next call opens) and in the call view, where
// a new microphone or camera is switched live; a device that cannot be opened
// is explained in words and the choice stays as it was.
import { useId, useState, type ReactNode } from 'react';
import { useCall, useCallDevices, type CallDevice, type CallDeviceKind, type CallErrorKind } from '../../react';
import type { Locale } from '../i18n';
import type { InCallStrings } from '../i18n/in-call-strings';
import { useInCallStrings } from './use-in-call-strings';

export interface CallDevicePickerProps {
  /** Offer a camera (default true; the call view passes false in voice calls). */
  video?: boolean;
  locale?: Locale | undefined;
}

/** The device a call is using now for `kind` (what "nothing chosen" resolves to). */
function inUse(stream: MediaStream | null | undefined, kind: CallDeviceKind): string | undefined {
  if (!stream || kind === 'audiooutput') return undefined;
  const track = kind === 'audioinput' ? stream.getAudioTracks()[0] : stream.getVideoTracks()[0];
  return track?.getSettings().deviceId;
}

function kindOf(e: unknown): CallErrorKind {
  const kind = typeof e === 'object' && e !== null ? (e as { kind?: unknown }).kind : undefined;
  return kind === 'permission-denied' || kind === 'no-device' || kind === 'device-in-use' ? kind : 'media-failed';
}

const names = (t: InCallStrings): Record<CallDeviceKind, string> => ({
  audioinput: t.microphone,
  videoinput: t.camera,
  audiooutput: t.speaker,
});

export function CallDevicePicker({ video = true, locale }: CallDevicePickerProps): ReactNode {
  const t = useInCallStrings(locale);
  const { available, chosen, canChooseSpeaker, choose, refresh } = useCallDevices();
  const { call } = useCall();
  const [problem, setProblem] = useState<CallErrorKind | null>(null);
  const id = useId();
  const label = names(t);
  const kinds: CallDeviceKind[] = ['audioinput'];
  if (video) kinds.push('videoinput');
  if (canChooseSpeaker && available.audiooutput.length > 0) kinds.push('audiooutput');
  const stream = call?.ended ? null : call?.localStream;

  const option = (d: CallDevice, i: number): ReactNode => (
    <option key={d.deviceId} value={d.deviceId}>
      {d.label || `${label[d.kind]} ${i + 1}`}
    </option>
  );

  return (
    <fieldset className="natter-call-devices">
      <legend className="natter-call-devices__legend">{t.devices}</legend>
      {kinds.map((kind) => {
        const value = chosen[kind] ?? inUse(stream, kind) ?? '';
        const listed = available[kind].some((d) => d.deviceId === value);
        return (
          <div key={kind} className="natter-call-devices__row">
            <label htmlFor={`${id}-${kind}`}>{label[kind]}</label>
            <select
              id={`${id}-${kind}`}
              className="natter-call-devices__select"
              value={listed ? value : ''}
              onFocus={refresh}
              onChange={(e) => {
                setProblem(null);
                const next = e.target.value === '' ? null : e.target.value;
                choose(kind, next).catch((err: unknown) => setProblem(kindOf(err)));
              }}
            >
              <option value="">{t.systemDefault}</option>
              {available[kind].map(option)}
            </select>
          </div>
        );
      })}
      {problem && (
        <p role="alert" className="natter-call-view__error">
          {t.mediaError(problem)}
        </p>
      )}
    </fieldset>
  );
}
