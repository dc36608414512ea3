import { z } from 'zod';
import { assessmentContract } from './contracts/assessment';
import { backupsContract } from './contracts/backups';
import { none, type HandlersOf } from './contracts/common';
import { searchContract } from './contracts/search';
import { sectionsContract } from './contracts/sections';
import { templatesContract } from './contracts/templates';
import { uiStateContract } from './contracts/uiState';
import { exportContract } from './contracts/export';
import { importContract } from './contracts/import';
import { recommendationsContract } from './contracts/recommendations';
import { evidenceContract } from './contracts/evidence';
import { filesContract } from './contracts/files';
import { imagesContract } from './contracts/images';
import { jobsContract } from './contracts/jobs';

/**
 * The one API contract between the renderer and whatever carries it (Electron IPC or HTTP in
 * browser mode). Every method has a zod schema for its arguments, checked where they arrive,
 * and one for its result. `Handlers` below is derived from this table: the core's
 * implementation, the preload bridge and the browser-mode client are all checked against it.
 *
 * This file is the composition root. Each domain's methods live in `./contracts/<domain>.ts`
 * (`export const evidenceContract = { ... } as const` and `EvidenceHandlers`), are spread into
 * `coreContract` below with one line, and are implemented in `src/core/<domain>/handlers.ts`
 * (`createEvidenceHandlers(deps): EvidenceHandlers`), spread into the core's handler table in
 * `src/core/coreHandlers.ts` with one line.
 *
 * Method names: `<domain>-<verb>` or `<domain>-<noun>-<verb>`, all lower case, with the domain
 * in the singular when the method acts on one item (`section-get`, `backup-now`) and as the
 * domain is named when it acts on the collection (`sections-list`, `templates-set-folder`).
 * contract.test.ts checks every name against its domain's file name. Older names that do not
 * follow it, kept because the renderer, tests and saved habits use them (listed in the test):
 *   - assessment: `recent-list`, `recent-forget` (recent files)
 *   - sections:   `focus-area-add`
 *   - search:     `statement-find`, `statement-replace-all`, `statement-replace-undo`
 */
export const coreContract = {
  ...assessmentContract,
  ...sectionsContract,
  ...templatesContract,
  ...searchContract,
  ...backupsContract,
  ...uiStateContract,
  ...exportContract,
  ...importContract,
  ...recommendationsContract,
  ...evidenceContract,
  ...jobsContract,
  ...filesContract,
  ...imagesContract,
} as const;

export type { HandlersOf } from './contracts/common';
export type { AssessmentHandlers } from './contracts/assessment';
export type { BackupsHandlers } from './contracts/backups';
export type { SearchHandlers } from './contracts/search';
export type { SectionsHandlers } from './contracts/sections';
export type { TemplatesHandlers } from './contracts/templates';
export type { UiStateHandlers } from './contracts/uiState';

/**
 * Methods the shell provides rather than the core: they need a native dialog (Electron) or say
 * that there is none (browser mode, where the renderer asks for a path instead).
 */
export const AppInfoSchema = z.object({
  mode: z.enum(['electron', 'web']),
  version: z.string(),
  /** Where new assessments go by default (the user's Documents folder or similar). */
  defaultFolder: z.string(),
  /** True when `dialog-*` methods show a native dialog; false in browser mode. */
  nativeDialogs: z.boolean(),
  platform: z.string(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const shellContract = {
  'app-info': { input: none, output: AppInfoSchema },
  'dialog-choose-new-file': {
    input: z.object({ suggestedName: z.string().max(255) }),
    output: z.string().nullable(),
  },
  'dialog-choose-open-file': { input: none, output: z.string().nullable() },
  'dialog-choose-folder': { input: z.object({ title: z.string().max(200) }), output: z.string().nullable() },
  /** Where to save an export: the native save dialog in Electron; null (ask in the page) in browser mode. */
  'dialog-choose-save-file': {
    input: z.object({ title: z.string().max(200), suggestedName: z.string().max(255), extension: z.enum(['docx', 'zip']) }),
    output: z.string().nullable(),
  },
  /** Opens an exported file in its usual app (Electron only). */
  'shell-open-exported': { input: z.object({ path: z.string().min(1).max(4096) }), output: z.object({ ok: z.literal(true) }) },
  /** Shows an exported file in its folder (Electron only). */
  'shell-show-exported': { input: z.object({ path: z.string().min(1).max(4096) }), output: z.object({ ok: z.literal(true) }) },
  /** Opens an evidence item's original file in the system's own app, from a temporary copy (Electron only). */
  'shell-open-evidence': { input: z.object({ id: z.string().min(1).max(100) }), output: z.object({ ok: z.literal(true) }) },
} as const;

export const contract = { ...coreContract, ...shellContract } as const;

export type CoreHandlers = HandlersOf<typeof coreContract>;
export type ShellHandlers = HandlersOf<typeof shellContract>;
/** Everything the renderer can call. */
export type Handlers = CoreHandlers & ShellHandlers;

export type MethodName = keyof typeof contract;
/** What the caller passes: the schema's input type (defaults may be left out). */
export type ArgsOf<K extends MethodName> = z.input<(typeof contract)[K]['input']>;
export type ResultOf<K extends MethodName> = z.output<(typeof contract)[K]['output']>;

/** The client side: what the renderer's `api` object looks like, whatever carries it. */
export type Api = { [K in MethodName]: (args: ArgsOf<K>) => Promise<ResultOf<K>> };

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

// The bridge's small pieces (channel names, envelope, menu commands) live in ./ipc so that the
// preload script can import them without every schema above.
export * from './ipc';
