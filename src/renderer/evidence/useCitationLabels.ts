import { useEffect } from 'react';
import { $createTextNode, $getRoot, $isElementNode, $isTextNode, HISTORY_MERGE_TAG, SKIP_DOM_SELECTION_TAG, SKIP_SCROLL_INTO_VIEW_TAG, type LexicalEditor, type LexicalNode } from 'lexical';
import { $isCitationNode, CitationNode } from '../../document/nodes/CitationNode';
import type { KeyDocument } from '../../shared/schemas/evidence';
import type { AutoSaver } from '../save/autosave';
import { ensureEvidenceLoaded, evidenceStore, refreshEvidence } from './evidenceStore';
import { describeCitations } from './useCitationPassages';

/**
 * Marks an update that only brings citations' numbers in line with the key documents list. The
 * autosave leaves such an update alone ('load'): the number a citation shows is derived from its
 * item at render time (and at export, in the core), so a reorder never rewrites any section;
 * history merges it into the last step, so Undo does not stop on it.
 */
const RELABEL_TAGS = ['load', HISTORY_MERGE_TAG, SKIP_DOM_SELECTION_TAG, SKIP_SCROLL_INTO_VIEW_TAG];

/** "[6a]" for each item in the key documents list. */
export function citationTexts(keyDocuments: readonly KeyDocument[]): Map<string, string> {
  return new Map(keyDocuments.flatMap((d) => (d.itemId ? [[d.itemId, `[${d.label}]`] as const] : [])));
}

/** Sets every citation's text to its item's current number; true if any changed. Call in an update. */
export function $relabelCitations(texts: ReadonlyMap<string, string>): boolean {
  let changed = false;
  const stack: LexicalNode[] = [$getRoot()];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if ($isCitationNode(node)) {
      const want = texts.get(node.getItemId());
      // An item no longer in the library keeps what it showed: there is no number to give it.
      if (want === undefined || node.getTextContent() === want) continue;
      const children = node.getChildren();
      const only = children.length === 1 ? children[0] : null;
      if ($isTextNode(only)) only.setTextContent(want);
      else {
        node.clear();
        node.append($createTextNode(want));
      }
      changed = true;
    } else if ($isElementNode(node)) stack.push(...node.getChildren());
  }
  return changed;
}

/**
 * Citations in the editor show the numbers of the key documents list, whatever was saved in
 * them: on load, whenever the list changes (the user reorders it, an item joins a family) and
 * when a citation is added or pasted. When the citations in the section change, the list is
 * reloaded after the save (the default order is the order of first citation, so a new citation
 * may renumber the others).
 */
export function useCitationLabels(editor: LexicalEditor, saver?: AutoSaver): void {
  useEffect(() => {
    let texts = citationTexts(evidenceStore.getState().keyDocuments);
    const apply = () => {
      if (texts.size === 0) return;
      let changed = false;
      editor.update(() => void (changed = $relabelCitations(texts)), {
        tag: RELABEL_TAGS,
        // Their accessible names say the number too.
        onUpdate: () => changed && describeCitations(editor),
      });
    };
    apply();
    let last = evidenceStore.getState().keyDocuments;
    const offStore = evidenceStore.subscribe(() => {
      const now = evidenceStore.getState().keyDocuments;
      if (now === last) return;
      last = now;
      texts = citationTexts(now);
      apply();
    });
    let citationsChanged = false;
    const offMutations = editor.registerMutationListener(
      CitationNode,
      (mutations) => {
        if ([...mutations.values()].some((kind) => kind !== 'updated')) {
          citationsChanged = true;
          apply();
        }
      },
      { skipInitialization: true },
    );
    const offSaved = saver?.onSaved(() => {
      if (!citationsChanged) return;
      citationsChanged = false;
      void refreshEvidence().catch(() => undefined);
    });
    // Loaded once per assessment (the screen starts it on opening); a section switch asks again for nothing.
    ensureEvidenceLoaded();
    return () => {
      offStore();
      offMutations();
      offSaved?.();
    };
  }, [editor, saver]);
}
