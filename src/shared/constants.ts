/** Facts about the assessment file and the statement that every layer agrees on. */

/** The extension of an assessment file. One file holds everything. */
export const FILE_EXTENSION = '.pcstudio';

/**
 * Written to SQLite's `PRAGMA application_id` so a `.pcstudio` file can be told apart from any
 * other SQLite database before we touch it. ASCII "PCSt".
 */
export const APPLICATION_ID = 0x50435374;

/** The kinds of challenge a statement can be written for. */
export const CHALLENGE_KINDS = ['full', 'progress'] as const;

/** Human names for the kinds of challenge, in British English. */
export const CHALLENGE_KIND_LABELS: Record<(typeof CHALLENGE_KINDS)[number], string> = {
  full: 'Corporate Peer Challenge',
  progress: 'Progress review',
};

/**
 * The five themes every Corporate Peer Challenge covers, in the LGA's fixed order.
 * Keys are stable identifiers stored in the file; titles are what users see.
 */
export const THEMES = [
  { key: 'local-priorities', title: 'Local priorities and outcomes' },
  { key: 'leadership', title: 'Organisational and place leadership' },
  { key: 'governance', title: 'Governance and culture' },
  { key: 'finance', title: 'Financial planning and management' },
  { key: 'capacity', title: 'Capacity for improvement' },
] as const;

/** How deep the binder may nest: a top-level section, its subsections and theirs. */
export const MAX_SECTION_DEPTH = 3;

/** Longest section title we accept, in characters. */
export const MAX_TITLE_LENGTH = 200;

/** Largest serialised section content we accept over the bridge, in characters (~ 8 MB). */
export const MAX_CONTENT_LENGTH = 8_000_000;
