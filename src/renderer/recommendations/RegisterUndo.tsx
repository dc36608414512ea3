import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Button } from 'react-aria-components';
import { errorMessage } from '../api';
import { shortcutFor } from '../ui/shortcuts';
import { redoRegister, registerHistory, undoRegister } from './registerHistory';

interface UndoMessage {
  text: string;
  /** Shows an Undo button (the last action can be undone). */
  undo: boolean;
  tone: 'info' | 'error';
}

/**
 * The register's undo, for the Recommendations view: Ctrl+Z (outside a text field, which has its
 * own undo) and Ctrl+Y or Ctrl+Shift+Z, and a message after each action with an Undo button.
 *
 * The message is shown inside the view, not as an app toast: the view is a modal dialog, so the
 * app's toasts behind it are hidden from screen readers and a click on them would close the view.
 */
export function useRegisterUndo() {
  const [message, setMessage] = useState<UndoMessage | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const say = useCallback((next: UndoMessage | null, keep = false) => {
    if (timer.current) clearTimeout(timer.current);
    setMessage(next);
    if (next && !keep) timer.current = setTimeout(() => setMessage(null), 10_000);
  }, []);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  useEffect(
    () =>
      registerHistory.onPush((command) => {
        if (!command.quiet) say({ text: `${command.label}.`, undo: true, tone: 'info' }, command.keepUndo);
      }),
    [say],
  );

  const run = useCallback(
    async (step: typeof undoRegister, verb: string) => {
      try {
        const command = await step();
        if (command) say({ text: `${verb}: ${command.label}.`, undo: verb === 'Redone' || registerHistory.canUndo, tone: 'info' });
        else say({ text: verb === 'Undone' ? 'Nothing to undo in the register.' : 'Nothing to redo in the register.', undo: false, tone: 'info' });
      } catch (e) {
        say({ text: errorMessage(e), undo: false, tone: 'error' }, true);
      }
    },
    [say],
  );
  const undo = useCallback(() => run(undoRegister, 'Undone'), [run]);
  const redo = useCallback(() => run(redoRegister, 'Redone'), [run]);

  /** On the view: Ctrl+Z / Ctrl+Y outside text fields (the owner and progress boxes keep their own undo). */
  const onKeyDown = useCallback(
    (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      if (target.closest('input, textarea, [contenteditable="true"], [role="spinbutton"]')) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        void undo();
      } else if (key === 'y' || (key === 'z' && e.shiftKey)) {
        e.preventDefault();
        void redo();
      }
    },
    [undo, redo],
  );

  return { message, undo, onKeyDown };
}

/** The message after a register action, with its Undo, at the foot of the view. */
export function RegisterUndoBar(props: { message: UndoMessage | null; onUndo(): void }) {
  const { message } = props;
  return (
    <div className={`recs-undo-bar${message ? ` recs-undo-bar-${message.tone}` : ''}`}>
      <span role="status" aria-live="polite">
        {message?.text ?? ''}
      </span>
      {message?.undo ? (
        <Button className="button button-small" onPress={props.onUndo} aria-label={`Undo (${shortcutFor('undo')})`}>
          Undo
        </Button>
      ) : null}
    </div>
  );
}
