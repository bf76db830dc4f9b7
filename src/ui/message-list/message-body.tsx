// Owns the inside of a bubble for each message type: text (EmojiText), image
// (button opening the lightbox, space reserved from width/height), file (name,
// size, download), audio and video players, location (map link), custom (the
// app's render prop). URLs pass `safeUrl` first; names are always text.
import type { ReactNode } from 'react';
import type { CustomEmojiMap, ShortcodeTable } from '../../emoji/index';
import type { LocationBody } from '../../protocol/message';
import { isCallSummary, type ChatMessage } from '../../react';
import { EmojiText, type EmojiTextProps } from '../emoji-text/emoji-text';
import { formatDuration, formatFileSize } from '../i18n/format-time';
import type { Locale } from '../i18n/locale';
import type { MessageListStrings } from '../i18n/message-list-strings';
import { CallSummaryLine } from '../call/call-summary';
import { mediaBox } from './media-size';
import { MentionText, type MentionStyle } from './mention-text';
import { osmUrl, safeUrl } from './safe-url';

export interface BodyContext {
  strings: MessageListStrings;
  locale: Locale;
  customEmoji: CustomEmojiMap | readonly CustomEmojiMap[] | undefined;
  shortcodes: ShortcodeTable | Readonly<Record<string, string>> | null | undefined;
  renderCustom: ((message: ChatMessage) => ReactNode) | undefined;
  mapUrl: ((location: LocationBody) => string | null) | undefined;
  openImage(message: ChatMessage, url: string, trigger: HTMLElement): void;
  /** How mentions in text are drawn (without it, mentions are plain text). */
  mentionStyle?: MentionStyle;
}

/** The emoji options the list was given, leaving out the ones it was not (an absent option keeps the default). */
function emojiOptions(ctx: BodyContext): Omit<EmojiTextProps, 'text'> {
  return {
    ...(ctx.customEmoji === undefined ? {} : { customEmoji: ctx.customEmoji }),
    ...(ctx.shortcodes === undefined ? {} : { shortcodes: ctx.shortcodes }),
  };
}

function Unavailable({ text }: { text: string }): ReactNode {
  return <span className="natter-bubble-fallback">{text}</span>;
}

/** The content of one message's bubble. */
export function MessageBody({ message, ctx }: { message: ChatMessage; ctx: BodyContext }): ReactNode {
  const b = message.body;
  const s = ctx.strings;
  switch (b.type) {
    case 'txt': {
      const mentions = message.message?.mentions;
      if (mentions && ctx.mentionStyle)
        return <MentionText text={b.msg} mentions={mentions} style={ctx.mentionStyle} emoji={emojiOptions(ctx)} />;
      return <EmojiText text={b.msg} {...emojiOptions(ctx)} />;
    }
    case 'img': {
      const box = mediaBox(b.width, b.height);
      const url = safeUrl(b.url);
      const name = typeof b.name === 'string' ? b.name : '';
      if (!url)
        return (
          <span
            className="natter-media-placeholder"
            style={{ width: box.width, height: box.height }}
            aria-label={s.imageAlt(name)}
            role="img"
          />
        );
      return (
        <button
          type="button"
          className="natter-image-button"
          aria-label={s.openImage(name)}
          style={{ width: box.width, height: box.height }}
          onClick={(e) => ctx.openImage(message, url, e.currentTarget)}
        >
          <img
            className="natter-image"
            src={url}
            alt={s.imageAlt(name)}
            width={box.width}
            height={box.height}
            loading="lazy"
            decoding="async"
            draggable={false}
          />
        </button>
      );
    }
    case 'file': {
      const url = safeUrl(b.url);
      const name = typeof b.name === 'string' ? b.name : '';
      return (
        <span className="natter-file">
          <span className="natter-file-icon" aria-hidden="true" />
          <span className="natter-file-text">
            <span className="natter-file-name">{name}</span>
            <span className="natter-file-size">{s.fileSize(formatFileSize(b.size, ctx.locale))}</span>
          </span>
          {url ? (
            <a
              className="natter-file-download"
              href={url}
              download={name || true}
              target="_blank"
              rel="noopener noreferrer"
            >
              {s.download}
              <span className="natter-visually-hidden"> {name}</span>
            </a>
          ) : null}
        </span>
      );
    }
    case 'audio': {
      const url = safeUrl(b.url);
      const label = s.audioLabel(formatDuration(b.duration));
      return (
        <span className="natter-audio">
          <span className="natter-audio-label">{label}</span>
          {/* Sent audio comes with no captions to attach. */}
          {/* eslint-disable-next-line jsx-a11y/media-has-caption */}
          {url ? <audio className="natter-audio-player" controls preload="none" src={url} aria-label={label} /> : null}
        </span>
      );
    }
    case 'video': {
      const url = safeUrl(b.url);
      const box = mediaBox(b.width, b.height);
      const poster = b.thumb !== undefined ? safeUrl(b.thumb) : null;
      if (!url)
        return (
          <span
            className="natter-media-placeholder"
            style={{ width: box.width, height: box.height }}
            role="img"
            aria-label={s.videoLabel}
          />
        );
      return (
        // Sent video comes with no captions to attach.
        // eslint-disable-next-line jsx-a11y/media-has-caption
        <video
          className="natter-video"
          controls
          preload="metadata"
          src={url}
          poster={poster ?? undefined}
          width={box.width}
          height={box.height}
          style={{ width: box.width, height: box.height }}
          aria-label={s.videoLabel}
        />
      );
    }
    case 'loc': {
      const link = ctx.mapUrl ? safeUrl(ctx.mapUrl(b)) : osmUrl(b.lat, b.lng);
      const title = typeof b.buildingName === 'string' && b.buildingName ? b.buildingName : s.location;
      return (
        <span className="natter-location">
          <span className="natter-location-title">{title}</span>
          {typeof b.addr === 'string' && b.addr ? <span className="natter-location-addr">{b.addr}</span> : null}
          {link ? (
            <a className="natter-location-link" href={link} target="_blank" rel="noopener noreferrer">
              {s.openMap}
            </a>
          ) : null}
        </span>
      );
    }
    case 'custom':
      if (isCallSummary(message)) return <CallSummaryLine message={message} />;
      return ctx.renderCustom ? (
        <>{ctx.renderCustom(message)}</>
      ) : (
        <Unavailable text={s.customMessage(String(b.customEvent))} />
      );
    default:
      return null;
  }
}
