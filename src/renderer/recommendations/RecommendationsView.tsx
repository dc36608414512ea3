import { useEffect, useState } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay, Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { api } from '../api';
import type { SectionsStore } from '../data/sectionsStore';
import { useStore } from '../data/store';
import { ErrorMessage } from '../ui/Dialog';
import { Icon } from '../ui/Icons';
import { RegisterPanel } from './RegisterPanel';
import { TraceabilityPanel } from './TraceabilityPanel';
import { recommendationsStore } from './recommendationsStore';
import { RegisterUndoBar, useRegisterUndo } from './RegisterUndo';
import { registerHistory } from './registerHistory';
import './recommendations.css';

/** Alt+Shift+R opens the view from anywhere on the main screen (Ctrl+Shift+R reloads a browser). */
export const RECOMMENDATIONS_SHORTCUT = 'Alt+Shift+R';

/** Opens the view on Alt+Shift+R; returns its open state. */
export function useRecommendationsShortcut(open: () => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyR') {
        e.preventDefault();
        open();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
}

/**
 * "Recommendations": the register of earlier peer recommendations and the traceability view,
 * in one large dialog with two tabs. Reloads the register, the sections and the evidence list
 * each time it opens, so it always shows the open assessment as it is now.
 */
export function RecommendationsView(props: { isOpen: boolean; onClose(): void; sections: SectionsStore }) {
  const sections = useStore(props.sections, (s) => s.list);
  const error = useStore(recommendationsStore, (s) => s.error);
  const [evidence, setEvidence] = useState<Array<{ id: string; title: string }>>([]);
  const history = useRegisterUndo();

  // The register's undo history is the open assessment's (its actions name that file's
  // recommendations). This view lives as long as the main screen of one assessment, so another
  // assessment, or none, starts with nothing to undo.
  useEffect(() => {
    registerHistory.clear();
    return () => registerHistory.clear();
  }, []);

  useEffect(() => {
    if (!props.isOpen) return;
    void recommendationsStore.reload();
    api['evidence-list']({}).then(
      (items) => setEvidence(items.map((i) => ({ id: i.id, title: i.title }))),
      () => setEvidence([]),
    );
  }, [props.isOpen]);

  return (
    <ModalOverlay className="modal-overlay" isOpen={props.isOpen} onOpenChange={(open) => !open && props.onClose()} isDismissable>
      <Modal className="modal recs-modal">
        <Dialog className="dialog recs-dialog">
          {/* Ctrl+Z / Ctrl+Y outside text fields undo and redo the register's changes. */}
          <div className="recs-dialog-body" onKeyDown={history.onKeyDown}>
          <div className="recs-dialog-head">
            <Heading slot="title" className="dialog-title">
              Recommendations
            </Heading>
            <Button className="button button-icon" aria-label="Close recommendations" onPress={props.onClose}>
              <Icon name="close" size={16} />
            </Button>
          </div>
          <ErrorMessage message={error} />
          <Tabs className="recs-tabs">
            <TabList className="recs-tablist" aria-label="Recommendations views">
              <Tab id="register" className="recs-tab">
                Register
              </Tab>
              <Tab id="traceability" className="recs-tab">
                Traceability
              </Tab>
            </TabList>
            <TabPanel id="register" className="recs-tabpanel">
              <RegisterPanel sections={sections} evidence={evidence} />
            </TabPanel>
            <TabPanel id="traceability" className="recs-tabpanel">
              <TraceabilityPanel sections={sections} />
            </TabPanel>
          </Tabs>
          <RegisterUndoBar message={history.message} onUndo={() => void history.undo()} />
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
