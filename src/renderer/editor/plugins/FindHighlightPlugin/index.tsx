import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createRangeSelection, $getRoot, $setSelection } from 'lexical';

export interface FindTarget {
  query: string;
  matchCase: boolean;
  wholeWord: boolean;
  /** Changes each time the user asks to go to a match again. */
  nonce: number;
  /** Select the first match (after clicking a result); otherwise only highlight. */
  select: boolean;
}

export function findRegExp(target: Pick<FindTarget, 'query' | 'matchCase' | 'wholeWord'>): RegExp {
  const escaped = target.query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const body = target.wholeWord ? `(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])` : escaped;
  return new RegExp(body, target.matchCase ? 'gu' : 'giu');
}

const HIGHLIGHT = 'pcs-find';

/**
 * Shows where the find query matches in the open section (CSS Custom Highlights, so the
 * document itself is untouched) and, when asked, selects the first match and scrolls to it.
 */
export function FindHighlightPlugin({ target }: { target: FindTarget | null }): null {
  const [editor] = useLexicalComposerContext();

  // Select the first match.
  useEffect(() => {
    if (!target || !target.select || !target.query) return;
    const re = findRegExp(target);
    let found = false;
    editor.update(
      () => {
        for (const node of $getRoot().getAllTextNodes()) {
          re.lastIndex = 0;
          const m = re.exec(node.getTextContent());
          if (m) {
            const selection = $createRangeSelection();
            selection.anchor.set(node.getKey(), m.index, 'text');
            selection.focus.set(node.getKey(), m.index + m[0].length, 'text');
            $setSelection(selection);
            found = true;
            return;
          }
        }
      },
      {
        onUpdate: () => {
          if (!found) return;
          const dom = window.getSelection();
          const el = dom?.anchorNode?.parentElement;
          el?.scrollIntoView({ block: 'center' });
        },
      },
    );
    if (found) editor.focus(undefined, { defaultSelection: 'rootStart' });
  }, [editor, target]);

  // Highlight every match, kept up to date as the text changes.
  useEffect(() => {
    const highlights = (CSS as unknown as { highlights?: Map<string, unknown> }).highlights;
    const HighlightCtor = (window as unknown as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;
    if (!highlights || !HighlightCtor) return;
    if (!target || !target.query) {
      highlights.delete(HIGHLIGHT);
      return;
    }
    const re = findRegExp(target);
    const paint = () => {
      const root = editor.getRootElement();
      if (!root) return;
      const ranges: Range[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const text = walker.currentNode as Text;
        re.lastIndex = 0;
        for (const m of text.data.matchAll(re)) {
          const range = document.createRange();
          range.setStart(text, m.index);
          range.setEnd(text, m.index + m[0].length);
          ranges.push(range);
        }
      }
      highlights.set(HIGHLIGHT, new HighlightCtor(...ranges));
    };
    paint();
    const off = editor.registerUpdateListener(() => paint());
    return () => {
      off();
      highlights.delete(HIGHLIGHT);
    };
  }, [editor, target]);

  return null;
}
