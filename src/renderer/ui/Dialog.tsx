import type { ReactNode } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';

/**
 * A modal dialog: focus moves in when it opens, stays inside, and returns to where it was when it
 * closes; Esc closes it (unless `isDismissable` is false while something is in progress).
 */
export function AppDialog(props: {
  title: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  children: ReactNode;
  /** Wider dialogs for forms with more fields. */
  size?: 'small' | 'medium';
  role?: 'dialog' | 'alertdialog';
}) {
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen={props.isOpen}
      onOpenChange={props.onOpenChange}
      isDismissable
    >
      <Modal className={`modal modal-${props.size ?? 'small'}`}>
        <Dialog className="dialog" role={props.role ?? 'dialog'}>
          <Heading slot="title" className="dialog-title">
            {props.title}
          </Heading>
          {props.children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

/** An error shown inside a dialog, announced by screen readers as it appears. */
export function ErrorMessage({ message, id }: { message: string | null; id?: string }) {
  return (
    <div role="alert" id={id} className={message ? 'error-box' : 'error-box-empty'}>
      {message ? (
        <>
          <span className="error-icon" aria-hidden="true">
            !
          </span>
          <span>{message}</span>
        </>
      ) : null}
    </div>
  );
}

/** The footer of a dialog that only shows something (a sheet, a reader): one Close button, on the right. */
export function CloseOnlyActions({ onClose }: { onClose(): void }) {
  return (
    <div className="dialog-actions">
      <span className="spacer" />
      <Button className="button button-primary" onPress={onClose}>
        Close
      </Button>
    </div>
  );
}
