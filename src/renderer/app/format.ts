import { CHALLENGE_KIND_LABELS } from '../../shared/constants';
import type { ChallengeKind } from '../../shared/schemas/assessment';

export function kindLabel(kind: ChallengeKind): string {
  return CHALLENGE_KIND_LABELS[kind];
}

/** 2026-03-12 → "12 March 2026". */
export function formatDate(iso: string | null): string | null {
  if (!iso) return null;
  const d = new Date(`${iso.slice(0, 10)}T12:00:00`);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

/** A calm relative time for the recent list: "today at 14:05", "yesterday", "3 March 2026". */
export function formatWhen(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const now = new Date();
  const startOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
  const time = d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  if (d.getTime() >= startOfToday) return `today at ${time}`;
  if (d.getTime() >= startOfToday - 86_400_000) return `yesterday at ${time}`;
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

/** Characters that cannot appear in a file name on Windows, macOS or Linux. */
export function safeFileName(name: string): string {
  return name
    // eslint-disable-next-line no-control-regex -- control characters are unsafe in file names.
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 150);
}

export function joinPath(folder: string, name: string): string {
  const sep = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith(sep) ? folder + name : folder + sep + name;
}

export function suggestedFileName(councilName: string): string {
  const base = safeFileName(councilName);
  return `${base || 'Untitled'} peer challenge.pcstudio`;
}
