import { Button } from 'react-aria-components';
import type { Section } from '../../shared/schemas/section';
import { Icon } from '../ui/Icons';

export const GUIDANCE_PANEL_ID = 'guidance-panel';
const STORAGE_KEY = 'pcs.guidance.open';

/** Whether the guidance panel is shown, remembered on this machine (open the first time). */
export function readGuidanceOpen(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) !== 'false';
  } catch {
    return true;
  }
}

export function writeGuidanceOpen(open: boolean): void {
  try {
    localStorage.setItem(STORAGE_KEY, String(open));
  } catch {
    // private mode or storage full: the choice lasts until the window closes
  }
}

/**
 * Writing guidance beside the editor for the section in hand: the questions the peers will ask
 * and tips, from the template. Only ever shown here; never part of the statement or its export.
 */
export function GuidancePanel(props: { section: Section | null; onHide(): void }) {
  const { section } = props;
  const guidance = section?.guidance ?? null;
  const isChapter = section?.kind === 'theme' || section?.kind === 'focus-area';
  return (
    <aside className="guidance-panel" id={GUIDANCE_PANEL_ID} aria-labelledby="guidance-heading">
      <div className="guidance-head">
        <h2 className="panel-title" id="guidance-heading">
          Guidance
        </h2>
        <Button className="button-icon" aria-label="Hide guidance" onPress={props.onHide}>
          <Icon name="close" size={16} />
        </Button>
      </div>
      {section ? (
        <div className="guidance-body">
          <p className="guidance-for">{section.title}</p>
          {guidance && guidance.questions.length > 0 ? (
            <div>
              <h3 className="guidance-subhead" id="guidance-questions">
                What the peers will ask
              </h3>
              <ul className="guidance-list guidance-questions">
                {guidance.questions.map((q, i) => (
                  <li key={i}>{q}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {guidance && guidance.tips.length > 0 ? (
            <div>
              <h3 className="guidance-subhead" id="guidance-tips">
                Tips
              </h3>
              <ul className="guidance-list guidance-tips">
                {guidance.tips.map((t, i) => (
                  <li key={i}>{t}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {!guidance ? <p className="guidance-none">No guidance for this section.</p> : null}
          {isChapter ? (
            <p className="guidance-hint">
              Open the chapter with <strong>headline statements</strong> and close it with a{' '}
              <strong>question for the peers</strong>: both are on the toolbar’s Insert menu.
            </p>
          ) : null}
          <p className="guidance-foot">Guidance is here to help you write. It is never exported.</p>
        </div>
      ) : (
        <p className="guidance-none guidance-body">Choose a section to see its guidance.</p>
      )}
    </aside>
  );
}
