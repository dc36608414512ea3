import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './command';

/**
 * node:util parseArgs with strict checking, turning its errors into UsageErrors with a plain
 * message (its own messages mention internals such as "ERR_PARSE_ARGS_UNKNOWN_OPTION").
 */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
  usage: string,
) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = (error as Error).message;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const option = /'([^']+)'/.exec(message)?.[1] ?? 'that option';
      throw new UsageError(`Unknown option ${option}.`, usage);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const option = /'(--[^' ]+)/.exec(message)?.[1] ?? 'an option';
      throw new UsageError(`The option ${option} needs a value.`, usage);
    }
    throw new UsageError(message, usage);
  }
}
