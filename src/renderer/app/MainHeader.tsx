import { Button, Keyboard, Menu, MenuItem, MenuTrigger, Popover, Separator } from 'react-aria-components';
import type { ScreenMenuCommand } from '../../shared/contract';
import type { AssessmentSummary } from '../../shared/schemas/assessment';
import { GUIDANCE_PANEL_ID } from '../guidance/GuidancePanel';
import { inDesktopApp } from '../shortcuts/ShortcutsSheet';
import { Icon } from '../ui/Icons';
import { ariaShortcutFor, shortcutFor, SHORTCUTS, type Shortcut, type ShortcutId } from '../ui/shortcuts';
import { formatDate, kindLabel } from './format';

/** The File menu's items: the Electron menu's screen commands, plus new, open and close. */
export type FileMenuAction = ScreenMenuCommand | 'new' | 'new-from-previous' | 'open' | 'close' | 'save-copy' | 'evidence' | 'recommendations' | 'shortcuts';

/** The main screen's header: which assessment this is, Find, Guidance, Export and the File menu. */
export function MainHeader(props: {
  summary: AssessmentSummary;
  guidanceShown: boolean;
  onFind(): void;
  onToggleGuidance(): void;
  onExport(): void;
  onFileAction(action: FileMenuAction): void;
}) {
  const { summary, guidanceShown } = props;
  const visit = formatDate(summary.visitDate);
  return (
    <header className="app-header">
      <span className="brand-mark" aria-hidden="true">
        PC
      </span>
      <div className="header-doc">
        <span className="header-council" title={summary.councilName}>
          {summary.councilName}
        </span>
        <span className="header-meta">
          {kindLabel(summary.kind)}
          {visit ? ` · Visit ${visit}` : ''}
        </span>
      </div>
      <span className="header-file" title={summary.path}>
        <Icon name="file" size={16} />
        <span className="visually-hidden">File: </span>
        {summary.fileName}
      </span>
      <div className="header-actions">
        <Button
          className="button button-header"
          onPress={props.onFind}
          aria-keyshortcuts={ariaShortcutFor('find')}
        >
          <Icon name="search" size={16} />
          Find
          <span className="tooltip tooltip-below" aria-hidden="true">
            {shortcutFor('find')}
          </span>
        </Button>
        <Button
          className={`button button-header${guidanceShown ? ' is-on' : ''}`}
          onPress={props.onToggleGuidance}
          aria-expanded={guidanceShown}
          aria-controls={guidanceShown ? GUIDANCE_PANEL_ID : undefined}
        >
          <Icon name="guidance" size={16} />
          Guidance
        </Button>
        <Button className="button button-header" onPress={props.onExport}>
          <Icon name="export" size={16} />
          Export
        </Button>
        <FileMenu onAction={props.onFileAction} />
      </div>
    </header>
  );
}

/** The File menu, in order; null is a separator. */
const FILE_MENU: ReadonlyArray<readonly [FileMenuAction, string, ShortcutId?] | null> = [
  ['new', 'Create a new assessment…', 'newAssessment'],
  ['new-from-previous', 'New assessment from a previous one…'],
  ['open', 'Open an assessment…', 'openAssessment'],
  null,
  ['assessment-details', 'Assessment details…'],
  ['add-focus-area', 'Add focus area…'],
  ['evidence', 'Evidence library'],
  ['import-word', 'Import from Word…'],
  ['recommendations', 'Recommendations…', 'recommendations'],
  null,
  ['save-as-template', 'Save as template…'],
  ['templates-folder', 'Templates folder…'],
  null,
  ['restore-backup', 'Restore from backup…'],
  ['save-copy', 'Save a clean copy…'],
  ['export', 'Export to Word…'],
  null,
  ['shortcuts', 'Keyboard shortcuts', 'shortcuts'],
  null,
  ['close', 'Close assessment', 'closeAssessment'],
];

/** A menu item's shortcut, if it works here: the browser keeps Ctrl+N, Ctrl+O and Ctrl+W for itself. */
function menuShortcut(id: ShortcutId | undefined): ShortcutId | null {
  if (!id) return null;
  const shortcut: Shortcut = SHORTCUTS[id];
  return shortcut.desktopOnly && !inDesktopApp ? null : id;
}

function FileMenu(props: { onAction(action: FileMenuAction): void }) {
  return (
    <MenuTrigger>
      <Button className="button button-header" aria-label="File menu">
        File
      </Button>
      <Popover className="popover" placement="bottom end">
        <Menu className="menu" aria-label="File" onAction={(key) => props.onAction(key as FileMenuAction)}>
          {FILE_MENU.map((item, i) =>
            item === null ? (
              <Separator key={i} className="menu-sep" />
            ) : (
              <MenuItem key={item[0]} id={item[0]} className="menu-item menu-item-with-keys" textValue={item[1]}>
                {({ isDisabled }) => {
                  const shortcut = isDisabled ? null : menuShortcut(item[2]);
                  return (
                    <>
                      <span className="menu-item-label">{item[1]}</span>
                      {shortcut ? (
                        <Keyboard className="menu-shortcut" aria-keyshortcuts={ariaShortcutFor(shortcut)}>
                          {shortcutFor(shortcut)}
                        </Keyboard>
                      ) : null}
                    </>
                  );
                }}
              </MenuItem>
            ),
          )}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
