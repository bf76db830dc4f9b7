// Owns which URLs a message body may carry: absolute http(s) URLs, or the
// server's own file URL (a body naming an uploaded `fileId` gets its URL from
// the server's record, whatever the client wrote; a body that quotes the URL
// of a file this server stored is fine too). `javascript:`, `data:`,
// `blob:`, relative and malformed URLs are refused (4005), so apps that draw
// bodies with their own renderers never receive one.
import { ErrorCode } from '../protocol/errors';
import { carriesFile, type OutgoingBody } from '../protocol/message';
import type { CoreContext } from './context';
import { fail } from './context';

function isHttpUrl(url: string): boolean {
  // Control characters and whitespace are where scheme filters are usually fooled.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f]/.test(url)) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:';
}

/** The URL this server gave out for one of its files (the id is its last path segment). */
async function isOwnFileUrl(ctx: CoreContext, url: string): Promise<boolean> {
  const id = url.slice(url.lastIndexOf('/') + 1);
  return id !== '' && (await ctx.storage.getFile(id))?.file.url === url;
}

async function allowed(ctx: CoreContext, url: string): Promise<boolean> {
  return isHttpUrl(url) || isOwnFileUrl(ctx, url);
}

/** Throws 4005 for a file-bearing body whose URL (or video thumbnail) is not allowed. */
export async function checkBodyUrls(ctx: CoreContext, body: OutgoingBody): Promise<void> {
  if (!carriesFile(body)) return;
  if (body.fileId === undefined && !(await allowed(ctx, body.url)))
    fail(ErrorCode.URL_NOT_ALLOWED, `${body.type}.url must be an http(s) URL or one of this server's files`);
  if (body.type === 'video' && body.thumb !== undefined && body.thumb !== '' && !(await allowed(ctx, body.thumb)))
    fail(ErrorCode.URL_NOT_ALLOWED, "video.thumb must be an http(s) URL or one of this server's files");
}
