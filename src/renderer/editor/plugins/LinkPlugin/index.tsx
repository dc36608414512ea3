import { LinkPlugin as LexicalLinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { isValidUrl } from './url';

/** Links: only http, https and mailto addresses are accepted (also when pasting a bare URL). */
export function LinkPlugin() {
  return <LexicalLinkPlugin validateUrl={isValidUrl} attributes={{ rel: 'noopener noreferrer', target: '_blank' }} />;
}
