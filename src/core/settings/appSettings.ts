import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * Per-machine settings in `<configDir>/settings.json` (not in any assessment). Checked on read;
 * a missing or damaged file means the defaults, so a bad settings file never stops the app.
 */

export const SETTINGS_FILE_NAME = 'settings.json';

const StoredSettingsSchema = z.object({
  version: z.literal(1),
  /** The folder templates are loaded from and saved to; null for `<configDir>/templates`. */
  templatesFolder: z.string().min(1).nullable().default(null),
});
export type AppSettings = z.infer<typeof StoredSettingsSchema>;

export const DEFAULT_SETTINGS: AppSettings = { version: 1, templatesFolder: null };

export class AppSettingsFile {
  readonly filePath: string;

  constructor(private readonly configDir: string) {
    this.filePath = path.join(configDir, SETTINGS_FILE_NAME);
  }

  read(): AppSettings {
    let text: string;
    try {
      text = fs.readFileSync(this.filePath, 'utf8');
    } catch {
      return { ...DEFAULT_SETTINGS };
    }
    try {
      const parsed = StoredSettingsSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : { ...DEFAULT_SETTINGS };
    } catch {
      return { ...DEFAULT_SETTINGS };
    }
  }

  /** Written to a temporary file and renamed over the old one, so a crash never leaves half of it. */
  update(patch: Partial<Omit<AppSettings, 'version'>>): AppSettings {
    const next: AppSettings = { ...this.read(), ...patch, version: 1 };
    fs.mkdirSync(this.configDir, { recursive: true });
    const temp = `${this.filePath}.tmp-${randomBytes(6).toString('hex')}`;
    try {
      fs.writeFileSync(temp, `${JSON.stringify(next, null, 2)}\n`);
      fs.renameSync(temp, this.filePath);
    } catch (error) {
      fs.rmSync(temp, { force: true });
      throw error;
    }
    return next;
  }
}
