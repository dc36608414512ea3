import { AlignmentType, LevelFormat, LineRuleType, type INumberingOptions, type IStylesOptions } from 'docx';

/**
 * The default house style: accessible before it is pretty. A sans-serif face (Arial, which every
 * Word and LibreOffice has), 12 pt body, left aligned (never justified: uneven word gaps are hard
 * for dyslexic readers), dark text on white, headings set apart by size and weight rather than
 * colour alone, and UK English as the language so Word's spelling and screen readers use it.
 */
export const HOUSE_FONT = 'Arial';
/** Dark blue for headings: 10.4:1 against white, well over WCAG AA. */
export const HEADING_COLOUR = '1F3864';
export const BODY_COLOUR = '1A1A1A';
export const LANGUAGE = 'en-GB';

/** Style ids of the statement's own blocks (Word shows the names). */
export const HEADLINE_STYLE = 'HeadlineStatement';
export const QUESTION_STYLE = 'QuestionForThePeers';
export const QUOTE_STYLE = 'Quote';
export const COVER_TITLE_STYLE = 'CoverTitle';
export const COVER_SUBTITLE_STYLE = 'CoverSubtitle';

/** Numbering definitions; each list gets its own instance, so every numbered list starts at 1. */
export const NUMBERED_LIST = 'pcs-numbered';
export const BULLET_LIST = 'pcs-bullet';

const pt = (points: number) => points * 2; // docx sizes are in half-points

const heading = (size: number, outlineLevel: number, before: number) => ({
  run: { font: HOUSE_FONT, size: pt(size), bold: true, color: HEADING_COLOUR },
  paragraph: { outlineLevel, spacing: { before, after: 120 }, keepNext: true, keepLines: true },
});

export function houseStyles(): IStylesOptions {
  return {
    default: {
      document: {
        run: { font: HOUSE_FONT, size: pt(12), color: BODY_COLOUR, language: { value: LANGUAGE } },
        paragraph: { spacing: { after: 160, line: 300, lineRule: LineRuleType.AUTO }, alignment: AlignmentType.LEFT },
      },
      heading1: heading(20, 0, 360),
      heading2: heading(16, 1, 280),
      heading3: heading(14, 2, 240),
      heading4: heading(13, 3, 200),
      heading5: heading(12, 4, 200),
      heading6: heading(12, 5, 200),
      listParagraph: { paragraph: { spacing: { after: 80 } } },
    },
    paragraphStyles: [
      {
        id: HEADLINE_STYLE,
        name: 'Headline statement',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { font: HOUSE_FONT, size: pt(14), bold: true, color: HEADING_COLOUR },
        paragraph: { spacing: { before: 60, after: 120 }, indent: { left: 567, hanging: 340 } },
      },
      {
        id: QUESTION_STYLE,
        name: 'Question for the peers',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { font: HOUSE_FONT, size: pt(12), bold: true, color: HEADING_COLOUR },
        paragraph: {
          spacing: { before: 240, after: 240 },
          indent: { left: 284, right: 284 },
          border: { left: { style: 'single', size: 24, color: HEADING_COLOUR, space: 8 } },
          shading: { type: 'clear', fill: 'EAF0F8', color: 'auto' },
          keepLines: true,
        },
      },
      {
        id: QUOTE_STYLE,
        name: 'Quote',
        basedOn: 'Normal',
        next: 'Normal',
        run: { italics: true },
        paragraph: { indent: { left: 567, right: 567 } },
      },
      {
        id: COVER_TITLE_STYLE,
        name: 'Cover title',
        basedOn: 'Normal',
        run: { font: HOUSE_FONT, size: pt(32), bold: true, color: HEADING_COLOUR },
        paragraph: { spacing: { before: 2400, after: 480, line: 240, lineRule: LineRuleType.AUTO } },
      },
      {
        id: COVER_SUBTITLE_STYLE,
        name: 'Cover subtitle',
        basedOn: 'Normal',
        run: { font: HOUSE_FONT, size: pt(18), color: BODY_COLOUR },
        paragraph: { spacing: { after: 240 } },
      },
    ],
  };
}

export function houseNumbering(): INumberingOptions {
  const indent = (level: number) => ({ left: 567 * (level + 1), hanging: 340 });
  const bullets = ['•', '◦', '▪'];
  const formats = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN];
  return {
    config: [
      {
        reference: NUMBERED_LIST,
        levels: Array.from({ length: 9 }, (_, level) => ({
          level,
          format: formats[level % 3]!,
          text: `%${level + 1}.`,
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: indent(level) } },
        })),
      },
      {
        reference: BULLET_LIST,
        levels: Array.from({ length: 9 }, (_, level) => ({
          level,
          format: LevelFormat.BULLET,
          text: bullets[level % 3]!,
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: indent(level) } },
        })),
      },
    ],
  };
}

/**
 * With a council's own Word template: its styles win (Normal, the headings, the page defaults),
 * so a council gets its own fonts and colours. Only the statement's own block styles the
 * template lacks (headline statement, question for the peers, cover) are added from the house
 * style, and the language stays UK English.
 */
export function stylesWithTemplate(templateStyles: string): { externalStyles: string; styles: IStylesOptions } {
  const own = houseStyles().paragraphStyles ?? [];
  return {
    externalStyles: withUkLanguage(templateStyles),
    styles: { paragraphStyles: own.filter((style) => !templateStyles.includes(`w:styleId="${style.id}"`)) },
  };
}

/** The template's default language set to en-GB (spelling and screen readers), however the template had it. */
export function withUkLanguage(styles: string): string {
  const lang = `<w:lang w:val="${LANGUAGE}"/>`;
  const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles);
  if (!defaults) return styles.replace(/(<w:styles\b[^>]*>)/, `$1<w:docDefaults><w:rPrDefault><w:rPr>${lang}</w:rPr></w:rPrDefault></w:docDefaults>`);
  let block = defaults[0];
  if (/<w:lang\b[^>]*\/>/.test(block)) {
    block = block.replace(/<w:lang\b[^>]*\/>/, (el) => (/w:val="/.test(el) ? el.replace(/w:val="[^"]*"/, `w:val="${LANGUAGE}"`) : el.replace('<w:lang', `<w:lang w:val="${LANGUAGE}"`)));
  } else if (/<w:rPrDefault>\s*<w:rPr>/.test(block)) {
    block = block.replace(/(<w:rPrDefault>\s*<w:rPr>)/, `$1${lang}`);
  } else if (/<w:rPrDefault\s*\/>|<w:rPrDefault>\s*<\/w:rPrDefault>/.test(block)) {
    block = block.replace(/<w:rPrDefault\s*\/>|<w:rPrDefault>\s*<\/w:rPrDefault>/, `<w:rPrDefault><w:rPr>${lang}</w:rPr></w:rPrDefault>`);
  } else {
    block = block.replace('<w:docDefaults>', `<w:docDefaults><w:rPrDefault><w:rPr>${lang}</w:rPr></w:rPrDefault>`);
  }
  return styles.slice(0, defaults.index) + block + styles.slice(defaults.index + defaults[0].length);
}
