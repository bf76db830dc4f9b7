import { describe, expect, it } from 'vitest';
import { ErrorCode, NatterError, defaultErrorMessage, loadErrorMessages } from '../../src/protocol/errors';

describe('default error messages (a table loaded apart from the first screen)', () => {
  it('an error made before the table arrived reads its full message once it has, and its code meanwhile', async () => {
    const early = new NatterError(ErrorCode.INVALID_PARAMS);
    expect(defaultErrorMessage(ErrorCode.RATE_LIMITED)).toBe('error 509');
    await loadErrorMessages();
    expect(early.message).toBe('invalid parameters');
    expect(early.code).toBe(ErrorCode.INVALID_PARAMS);
    expect(defaultErrorMessage(ErrorCode.RATE_LIMITED)).toBe('too many requests');
    expect(defaultErrorMessage(1)).toBe('error');
  });

  it('a message given to the error is its message', () => {
    expect(new NatterError(ErrorCode.NOT_ALLOWED, 'only the owner may').message).toBe('only the owner may');
  });
});
