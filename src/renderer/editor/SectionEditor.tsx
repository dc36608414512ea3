import { useCallback, useMemo, type ReactNode } from 'react';
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { TablePlugin } from '@lexical/react/LexicalTablePlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import type { Section } from '../../shared/schemas/section';
import type { AutoSaver } from '../save/autosave';
import { EDITOR_NODES } from '../../document/registry';
import { editorTheme } from './theme';
import { ToolbarPlugin } from './plugins/ToolbarPlugin';
import { AutosavePlugin } from './plugins/AutosavePlugin';
import { PastePlugin } from './plugins/PastePlugin';
import { FileDropPlugin } from './plugins/FileDropPlugin';
import { WordCountPlugin } from './plugins/WordCountPlugin';
import { LinkPlugin } from './plugins/LinkPlugin';
import { FindHighlightPlugin, type FindTarget } from './plugins/FindHighlightPlugin';
import { HeadlineStatementsPlugin } from './plugins/HeadlineStatementsPlugin';
import { QuestionForPeersPlugin } from './plugins/QuestionForPeersPlugin';
import { ReadOnlyPlugin } from './plugins/ReadOnlyPlugin';
import { CitePlugin } from '../evidence/CitePlugin';
import { RecommendationReferencePlugin } from './plugins/RecommendationReferencePlugin';
import { ImagePlugin } from '../images/ImagePlugin';
import { RecommendationsTablePlugin } from './plugins/RecommendationsTablePlugin';

export const EDITOR_ID = 'editor';

/**
 * The editor for one section. Mounted afresh for each section (key = section id), starting from
 * the content saved in the file.
 */
export function SectionEditor(props: {
  section: Section;
  saver: AutoSaver;
  onWordCount: (sectionId: string, words: number) => void;
  findTarget: FindTarget | null;
  readOnly?: boolean;
  /** Shown on the page after the text, in the same scroll (the key documents list). */
  after?: ReactNode;
}) {
  const { section } = props;
  const initialConfig = useMemo<InitialConfigType>(
    () => ({
      namespace: 'pcs-section',
      theme: editorTheme,
      nodes: [...EDITOR_NODES],
      editorState: JSON.stringify(section.content),
      onError(error) {
        console.error(error);
      },
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only on mount: the editor owns its state from then on.
    [],
  );
  const { onWordCount } = props;
  const onCount = useCallback((words: number) => onWordCount(section.id, words), [onWordCount, section.id]);
  const titleId = `section-title-${section.id}`;
  return (
    <LexicalComposer initialConfig={initialConfig}>
      <ReadOnlyPlugin readOnly={props.readOnly ?? false} />
      <div className="editor-frame">
        <ToolbarPlugin label="Formatting" />
        <div className="editor-scroll" id="editor-scroll">
          <div className="page">
            <h1 className="section-title" id={titleId}>
              {section.title}
            </h1>
            <div className="editor-body">
            <RichTextPlugin
              contentEditable={
                <ContentEditable
                  id={EDITOR_ID}
                  className="content-editable"
                  aria-labelledby={titleId}
                  aria-multiline
                  spellCheck
                  lang="en-GB"
                  aria-placeholder="Start writing this section…"
                  placeholder={<div className="editor-placeholder">Start writing this section…</div>}
                />
              }
              ErrorBoundary={LexicalErrorBoundary}
            />
            </div>
            {props.after}
          </div>
        </div>
      </div>
      <HistoryPlugin />
      <ListPlugin />
      <LinkPlugin />
      <TablePlugin hasCellMerge={false} hasCellBackgroundColor={false} hasHorizontalScroll />
      <HeadlineStatementsPlugin />
      <QuestionForPeersPlugin />
      <RecommendationReferencePlugin />
      <RecommendationsTablePlugin />
      <PastePlugin />
      <FileDropPlugin />
      <CitePlugin saver={props.saver} />
      <ImagePlugin />
      <AutosavePlugin sectionId={section.id} saver={props.saver} />
      <WordCountPlugin onCount={onCount} />
      <FindHighlightPlugin target={props.findTarget} />
    </LexicalComposer>
  );
}
