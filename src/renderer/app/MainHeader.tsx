import { Button, Menu, MenuItem, MenuTrigger, Popover, Separator } from 'react-aria-components';
import type { ScreenMenuCommand } from '../../shared/contract';
import type { AssessmentSummary } from '../../shared/schemas/assessment';
import { GUIDANCE_PANEL_ID } from '../guidance/GuidancePanel';
import { Icon } from '../ui/Icons';
import { formatDate, kindLabel } from './format';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The File menu's items: the Electron menu's screen commands, plus new, open and close. */
export type FileMenuAction = ScreenMenuCommand | 'new' | 'open' | 'close' | 'save-copy';

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
        <Button className="button button-header" onPress={props.onFind} aria-keyshortcuts={isMac ? 'Meta+F' : 'Control+F'}>
          <Icon name="search" size={16} />
          Find
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
const FILE_MENU: ReadonlyArray<readonly [FileMenuAction, string] | null> = [
  ['new', 'Create a new assessment…'],
  ['open', 'Open an assessment…'],
  null,
  ['assessment-details', 'Assessment details…'],
  ['add-focus-area', 'Add focus area…'],
  null,
  ['save-as-template', 'Save as template…'],
  ['templates-folder', 'Templates folder…'],
  null,
  ['restore-backup', 'Restore from backup…'],
  ['save-copy', 'Save a clean copy…'],
  null,
  ['close', 'Close assessment'],
];

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
              <MenuItem key={item[0]} id={item[0]} className="menu-item">
                {item[1]}
              </MenuItem>
            ),
          )}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
