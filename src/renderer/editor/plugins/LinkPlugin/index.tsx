import { LinkPlugin as LexicalLinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { isValidUrl } from './url';

/**
 * One object for the life of the app, never a fresh literal per render: Lexical's LinkPlugin
 * re-registers itself whenever `attributes` changes identity, and registering marks every link in
 * the section dirty. That update puts Lexical's selection back into the DOM, which takes the focus
 * back into the editor, so any re-render of the screen (opening Find, a dialog, a save) pulled
 * the focus out of the field the user was typing in, in every section with a link (issue #9).
 */
const LINK_ATTRIBUTES = { rel: 'noopener noreferrer', target: '_blank' } as const;

/** Links: only http, https and mailto addresses are accepted (also when pasting a bare URL). */
export function LinkPlugin() {
  return <LexicalLinkPlugin validateUrl={isValidUrl} attributes={LINK_ATTRIBUTES} />;
}
