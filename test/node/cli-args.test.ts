// The `natter` command lines: a string option's value that starts with one
// dash (a base64url key or secret does one time in 64) is read as its value;
// a flag of the command, a `--` token or a value for a boolean option is not
// taken as a value, so a forgotten value is still refused.
import { describe, expect, it } from 'vitest';
import { dashValuesJoined, optionText, parseCommandLine } from '../../src/node/cli-args';

const options = {
  secret: { type: 'string' },
  port: { type: 'string' },
  dev: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

describe('natter command lines', () => {
  it('reads a value that starts with a dash as the value of its string option', () => {
    const { values } = parseCommandLine({ args: ['--secret', '-Xk_9-q', '--port', '0', '--dev'], options });
    expect(values).toEqual({ secret: '-Xk_9-q', port: '0', dev: true });
    expect(parseCommandLine({ args: ['--secret=-a', '--port', '-1'], options }).values).toEqual({
      secret: '-a',
      port: '-1',
    });
  });

  it('leaves flags, double-dash tokens and boolean options as they are, so a missing value is still refused', () => {
    expect(dashValuesJoined(['--secret', '-h'], options)).toEqual(['--secret', '-h']);
    expect(dashValuesJoined(['--secret', '--dev'], options)).toEqual(['--secret', '--dev']);
    expect(dashValuesJoined(['--dev', '-x'], options)).toEqual(['--dev', '-x']);
    expect(dashValuesJoined(['--nope', '-x'], options)).toEqual(['--nope', '-x']);
    expect(() => parseCommandLine({ args: ['--secret', '--dev'], options })).toThrow(/ambiguous/);
    expect(() => parseCommandLine({ args: ['--secret', '-h'], options })).toThrow(/ambiguous/);
  });

  it('prints an option for pasting so that it reads back as its value, even one that starts with two dashes', () => {
    for (const secret of ['abc', '-abc', '--abc-_9']) {
      const args = [...optionText('secret', secret).split(' '), '--dev'];
      expect(parseCommandLine({ args, options }).values, secret).toEqual({ secret, dev: true });
    }
    expect(optionText('secret', '--abc')).toBe('--secret=--abc');
    expect(optionText('secret', '-abc')).toBe('--secret -abc');
  });
});
