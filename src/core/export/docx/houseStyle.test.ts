import { describe, expect, it } from 'vitest';
import { stylesWithTemplate, withUkLanguage } from './houseStyle';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

describe("a council template's styles", () => {
  it('keep UK English as the language, whatever the template had', () => {
    expect(withUkLanguage(`<w:styles ${W}><w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="en-US" w:eastAsia="ja-JP"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>`)).toContain(
      '<w:lang w:val="en-GB" w:eastAsia="ja-JP"/>',
    );
    expect(withUkLanguage(`<w:styles ${W}><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>`)).toContain(
      '<w:rPrDefault><w:rPr><w:lang w:val="en-GB"/><w:sz w:val="22"/>',
    );
    expect(withUkLanguage(`<w:styles ${W}><w:docDefaults><w:pPrDefault/></w:docDefaults></w:styles>`)).toContain(
      '<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault><w:pPrDefault/>',
    );
    expect(withUkLanguage(`<w:styles ${W}></w:styles>`)).toBe(
      `<w:styles ${W}><w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>`,
    );
  });

  it('win over the house style; only the statement block styles the template lacks are added', () => {
    const { styles } = stylesWithTemplate(`<w:styles ${W}><w:style w:type="paragraph" w:styleId="Quote"/></w:styles>`);
    expect(styles.default).toBeUndefined();
    const ids = (styles.paragraphStyles ?? []).map((s) => s.id);
    expect(ids).toContain('HeadlineStatement');
    expect(ids).not.toContain('Quote');
  });
});
