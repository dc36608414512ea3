import { HeadingLevel } from 'docx';

const LEVELS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

/** Word's Heading 1–6 for an outline level counted from 1; deeper levels stay at Heading 6. */
export function headingLevel(level: number): (typeof LEVELS)[number] {
  return LEVELS[Math.max(1, Math.min(level, 6)) - 1]!;
}
