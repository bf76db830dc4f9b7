// Owns reading the `natter` command lines with node:util's parseArgs, which
// refuses a string option's value that starts with a dash as ambiguous. Keys
// and secrets are base64url, so one in 64 starts with `-` (the private key
// `natter vapid-keys` prints for pasting, a secret): such a value is joined to
// its option (`--name=value`) before parsing. A value that is itself one of
// the command's flags, or starts with `--`, is left alone, so a forgotten
// value still reads as one; an option the command prints for pasting is
// written joined when its value starts with `--` (optionText).
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/** `args` with each `--name -value` of a string option written `--name=-value` (see the header). */
export function dashValuesJoined(args: readonly string[], options: Options): string[] {
  const shortFlags = new Set(Object.values(options).flatMap((o) => (o.short ? [`-${o.short}`] : [])));
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const next = args[i + 1];
    const name = arg.startsWith('--') ? arg.slice(2) : null;
    const takesValue = name !== null && Object.hasOwn(options, name) && options[name]!.type === 'string';
    if (takesValue && next !== undefined && /^-[^-]/.test(next) && !shortFlags.has(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/**
 * `--name value` as a command line reads it back: joined (`--name=value`) when the value starts
 * with `--` (one base64url key in 4,096), which would otherwise read as an option of its own.
 */
export function optionText(name: string, value: string): string {
  return value.startsWith('--') ? `--${name}=${value}` : `--${name} ${value}`;
}

/** parseArgs over `config.args` with dash-led values joined to their options. */
export function parseCommandLine<T extends ParseArgsConfig & { args: string[]; options: Options }>(
  config: T,
): ReturnType<typeof parseArgs<T>> {
  return parseArgs({ ...config, args: dashValuesJoined(config.args, config.options) });
}
