import { describe, expect, it } from 'vitest';
import { THEMES } from '../../shared/constants';
import type { TemplateSection } from '../../shared/schemas/template';
import { listTemplateIds, loadTemplate, parseTemplate } from './loadTemplate';

function allKeys(sections: TemplateSection[]): string[] {
  return sections.flatMap((s) => [s.key, ...allKeys(s.children ?? [])]);
}

describe('templates', () => {
  it('ships cpc-2024, valid, with the five themes in the LGA order and unique keys', () => {
    expect(listTemplateIds()).toContain('cpc-2024');
    const template = loadTemplate('cpc-2024');
    const themes = template.sections.filter((s) => s.kind === 'theme');
    expect(themes.map((s) => s.title)).toEqual(THEMES.map((t) => t.title));
    expect(themes.map((s) => s.key)).toEqual(THEMES.map((t) => `theme.${t.key}`));
    const keys = allKeys(template.sections);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('names the template and the field path when a template is bad', () => {
    const bad = { id: 'x', name: 'X', kind: 'full', version: 1, sections: [{ key: 'a', kind: 'theme', title: '' }] };
    expect(() => parseTemplate('broken-template', bad)).toThrow(/broken-template.*sections\.0\.title/);
  });

  it('says when there is no such template', () => {
    expect(() => loadTemplate('cpc-1999')).toThrow(expect.objectContaining({ code: 'not-found' }));
  });
});
