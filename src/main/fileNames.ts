/** Pure helpers for the file dialogs and for files named on the command line. */
import { isAbsolute, resolve } from 'node:path';
import { FILE_EXTENSION } from '../shared/constants';

/** A name that every file system accepts, from the user's suggestion (e.g. the council name). */
export function safeFileStem(suggestedName: string): string {
  const withoutExtension = suggestedName.toLowerCase().endsWith(FILE_EXTENSION)
    ? suggestedName.slice(0, -FILE_EXTENSION.length)
    : suggestedName;
  const cleaned = withoutExtension
    // Characters Windows forbids, and control characters.
    // eslint-disable-next-line no-control-regex -- matching control characters is the point.
    .replace(/[<>:"/\\|?*\u0000-\u001f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    // Windows also refuses names ending in a dot or a space.
    .replace(/[. ]+$/, '')
    .slice(0, 120)
    .trim();
  if (!cleaned || /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(cleaned)) return 'Position statement';
  return cleaned;
}

/** `path`, ending in .pcstudio (Linux's save dialog does not add it). */
export function withAssessmentExtension(path: string): string {
  return path.toLowerCase().endsWith(FILE_EXTENSION) ? path : `${path}${FILE_EXTENSION}`;
}

/**
 * The assessment file named on a command line, if any, made absolute against `cwd`. Skips the
 * executable (and, when run as `electron <script>`, the script) and every switch.
 */
export function assessmentFromArgv(argv: readonly string[], cwd: string, isDefaultApp: boolean): string | null {
  const args = argv.slice(isDefaultApp ? 2 : 1);
  for (const arg of args) {
    if (arg.startsWith('-')) continue;
    if (!arg.toLowerCase().endsWith(FILE_EXTENSION)) continue;
    return isAbsolute(arg) ? arg : resolve(cwd, arg);
  }
  return null;
}

/** The file a second launch passed us in `requestSingleInstanceLock`'s additional data. */
export function assessmentFromInstanceData(data: unknown): string | null {
  if (typeof data !== 'object' || data === null || !('file' in data)) return null;
  const file = (data as { file: unknown }).file;
  return typeof file === 'string' && file.toLowerCase().endsWith(FILE_EXTENSION) && isAbsolute(file) ? file : null;
}
