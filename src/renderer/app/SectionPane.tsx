import type { ComponentProps } from 'react';
import { Button } from 'react-aria-components';
import type { Section } from '../../shared/schemas/section';
import { SectionEditor } from '../editor/SectionEditor';
import type { FindTarget } from '../editor/plugins/FindHighlightPlugin';
import type { AutoSaver } from '../save/autosave';
import { SaveProblemBanner } from '../save/SaveProblemBanner';
import { ErrorMessage } from '../ui/Dialog';
import { StatusBar } from './StatusBar';
import { KeyDocumentsView } from '../evidence/KeyDocumentsView';

/** The open section, as far as it has loaded. `nonce` remounts the editor when it is reloaded. */
export type LoadedSection =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; section: Section; nonce: number };

/** The middle column: the open section's editor (or why it is not there yet), and the status bar. */
export function SectionPane(props: {
  loaded: LoadedSection;
  saver: AutoSaver;
  findTarget: FindTarget | null;
  onWordCount(sectionId: string, words: number): void;
  /** Offered when the section could not be loaded. */
  onRetry: (() => void) | null;
  status: Omit<ComponentProps<typeof StatusBar>, 'saver'>;
  /** For the unsaved-text banner: the file's name and how to reopen it here. */
  fileName: string;
  onReopen(): Promise<void>;
  /** The assessment is open for reading only: the editor does not take typing. */
  readOnly?: boolean;
}) {
  const { loaded } = props;
  return (
    <main className="main" id="main">
      {loaded.state === 'ready' ? (
        <SectionEditor
          key={`${loaded.section.id}:${loaded.nonce}`}
          section={loaded.section}
          saver={props.saver}
          onWordCount={props.onWordCount}
          findTarget={props.findTarget}
          readOnly={props.readOnly ?? false}
          // Below the chapter's own text, in the page's scroll: above the editor, a long list pushed
          // the title, the toolbar and the status bar out of sight.
          after={loaded.section.kind === 'documents' ? <KeyDocumentsView /> : undefined}
        />
      ) : loaded.state === 'error' ? (
        <div className="main-message">
          <ErrorMessage message={loaded.message} />
          {props.onRetry ? (
            <Button className="button button-secondary" onPress={props.onRetry}>
              Try again
            </Button>
          ) : null}
        </div>
      ) : (
        <div className="main-message muted" role="status">
          Opening section…
        </div>
      )}
      <SaveProblemBanner saver={props.saver} fileName={props.fileName} onReopen={props.onReopen} />
      <StatusBar saver={props.saver} {...props.status} />
    </main>
  );
}
