import type { EditorThemeClasses } from 'lexical';

/** Lexical's theme: node types mapped to class names, styled in styles/editor.css. */
export const editorTheme: EditorThemeClasses = {
  root: 'doc-root',
  paragraph: 'doc-p',
  heading: { h1: 'doc-h2', h2: 'doc-h2', h3: 'doc-h3', h4: 'doc-h4', h5: 'doc-h4', h6: 'doc-h4' },
  quote: 'doc-quote',
  list: {
    ul: 'doc-ul',
    ol: 'doc-ol',
    listitem: 'doc-li',
    nested: { listitem: 'doc-li-nested' },
  },
  link: 'doc-link',
  text: {
    bold: 'doc-bold',
    italic: 'doc-italic',
    underline: 'doc-underline',
    strikethrough: 'doc-strike',
    underlineStrikethrough: 'doc-underline-strike',
    subscript: 'doc-sub',
    superscript: 'doc-sup',
    code: 'doc-code',
  },
  table: 'doc-table',
  tableRow: 'doc-tr',
  tableCell: 'doc-td',
  tableCellHeader: 'doc-th',
  tableSelection: 'doc-table-selection',
  tableCellSelected: 'doc-td-selected',
  tableScrollableWrapper: 'doc-table-wrap',
  // The statement's own blocks (src/document/nodes/HeadlineStatementsNode.ts, QuestionForPeersNode.ts).
  headlineStatements: 'doc-headlines',
  questionForPeers: 'doc-question',
};
