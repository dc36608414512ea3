import type { ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { AppDialog } from './Dialog';

/**
 * Asks before something that changes a lot at once ("Replace all?"). An alert dialog: focus
 * starts on the confirming button, Esc or Cancel backs out and puts focus back where it was.
 */
export function ConfirmDialog(props: {
  title: string;
  isOpen: boolean;
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
  children: ReactNode;
}) {
  return (
    <AppDialog title={props.title} isOpen={props.isOpen} onOpenChange={(o) => !o && props.onCancel()} role="alertdialog">
      <div className="dialog-intro">{props.children}</div>
      <div className="dialog-actions">
        <span className="spacer" />
        <Button className="button button-secondary" onPress={props.onCancel}>
          Cancel
        </Button>
        <Button className="button button-primary" autoFocus onPress={props.onConfirm}>
          {props.confirmLabel}
        </Button>
      </div>
    </AppDialog>
  );
}
