import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';

/** Makes the editor read-only while the assessment is open for reading only (see ReadOnlyBanner). */
export function ReadOnlyPlugin(props: { readOnly: boolean }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    editor.setEditable(!props.readOnly);
  }, [editor, props.readOnly]);
  return null;
}
