import { useCallback, useEffect, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $createParagraphNode,
  $createTextNode,
  $getSelection,
  $isRangeSelection,
  $isRootOrShadowRoot,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_CRITICAL,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  SELECTION_CHANGE_COMMAND,
  UNDO_COMMAND,
  type LexicalEditor,
} from 'lexical';
import { $setBlocksType } from '@lexical/selection';
import { $createHeadingNode, $createQuoteNode, $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import {
  $isListNode,
  INSERT_ORDERED_LIST_COMMAND,
  INSERT_UNORDERED_LIST_COMMAND,
  ListNode,
  REMOVE_LIST_COMMAND,
} from '@lexical/list';
import { $createLinkNode, $isLinkNode, TOGGLE_LINK_COMMAND } from '@lexical/link';
import { INSERT_TABLE_COMMAND } from '@lexical/table';
import { $findMatchingParent, $getNearestNodeOfType, mergeRegister } from '@lexical/utils';
import {
  Button,
  Menu,
  MenuItem,
  MenuTrigger,
  Popover,
  Separator,
  ToggleButton,
  Toolbar,
} from 'react-aria-components';
import { Icon, type IconName } from '../../../ui/Icons';
import { countRender } from '../../../perf/renderCounts';
import { $isHeadlineStatementsNode } from '../../../../document/nodes/HeadlineStatementsNode';
import { $isQuestionForPeersNode } from '../../../../document/nodes/QuestionForPeersNode';
import { INSERT_HEADLINE_STATEMENTS_COMMAND } from '../HeadlineStatementsPlugin';
import { INSERT_QUESTION_FOR_PEERS_COMMAND } from '../QuestionForPeersPlugin';
import { INSERT_RECOMMENDATIONS_TABLE_COMMAND } from '../RecommendationsTablePlugin';
import { OPEN_RECOMMENDATION_PICKER_COMMAND } from '../RecommendationReferencePlugin';
import { OPEN_PICTURE_CHOOSER_COMMAND } from '../../../images/ImagePlugin';
import { LinkDialog } from './LinkDialog';
import { CiteButton } from '../../../evidence/CiteButton';
import { TableDialog } from './TableDialog';
import { ariaShortcutFor, shortcutFor } from '../../../ui/shortcuts';

type BlockType = 'paragraph' | 'h2' | 'h3' | 'quote' | 'bullet' | 'number' | 'other';

/** The statement block the caret is in, if any: its shape is fixed, so block styles are not for it. */
type StatementBlockKind = 'question' | 'headlines' | null;

interface ToolbarState {
  block: BlockType;
  statementBlock: StatementBlockKind;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  link: string | null;
  canUndo: boolean;
  canRedo: boolean;
}


function readState(editor: LexicalEditor, prev: ToolbarState): ToolbarState {
  return editor.getEditorState().read(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return prev;
    const anchor = selection.anchor.getNode();
    let element =
      anchor.getKey() === 'root'
        ? anchor
        : $findMatchingParent(anchor, (e) => {
            const parent = e.getParent();
            return parent !== null && $isRootOrShadowRoot(parent);
          });
    if (element === null) element = anchor.getTopLevelElementOrThrow();
    let block: BlockType = 'other';
    if ($isListNode(element)) {
      const list = $getNearestNodeOfType(anchor, ListNode);
      block = (list ?? element).getListType() === 'number' ? 'number' : 'bullet';
    } else if ($isHeadingNode(element)) {
      const tag = element.getTag();
      block = tag === 'h2' ? 'h2' : tag === 'h3' ? 'h3' : 'other';
    } else if ($isQuoteNode(element)) block = 'quote';
    else if (element.getType() === 'paragraph') block = 'paragraph';
    const statementBlock: StatementBlockKind = $findMatchingParent(anchor, $isQuestionForPeersNode)
      ? 'question'
      : $findMatchingParent(anchor, $isHeadlineStatementsNode)
        ? 'headlines'
        : null;
    const parent = anchor.getParent();
    const linkNode = $isLinkNode(parent) ? parent : $isLinkNode(anchor) ? anchor : null;
    return sameOr(prev, {
      ...prev,
      block,
      statementBlock,
      bold: selection.hasFormat('bold'),
      italic: selection.hasFormat('italic'),
      underline: selection.hasFormat('underline'),
      link: linkNode ? linkNode.getURL() : null,
    });
  });
}

/**
 * The previous state when nothing in it changed: React then skips the render, so typing a
 * letter (an update, a selection change, "can undo" again) does not re-render the toolbar.
 */
function sameOr(prev: ToolbarState, next: ToolbarState): ToolbarState {
  return (Object.keys(next) as (keyof ToolbarState)[]).every((k) => prev[k] === next[k]) ? prev : next;
}

/**
 * The formatting toolbar: one Tab stop, arrow keys move between its buttons (react-aria's
 * Toolbar), toggles report their state with aria-pressed.
 */
export function ToolbarPlugin({ label }: { label: string }) {
  countRender('toolbar');
  const [editor] = useLexicalComposerContext();
  const [state, setState] = useState<ToolbarState>({
    block: 'paragraph',
    statementBlock: null,
    bold: false,
    italic: false,
    underline: false,
    link: null,
    canUndo: false,
    canRedo: false,
  });
  const [linkOpen, setLinkOpen] = useState(false);
  const [tableOpen, setTableOpen] = useState(false);

  const refresh = useCallback(() => setState((prev) => readState(editor, prev)), [editor]);

  useEffect(() => {
    return mergeRegister(
      editor.registerUpdateListener(() => refresh()),
      editor.registerCommand(
        SELECTION_CHANGE_COMMAND,
        () => {
          refresh();
          return false;
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
      editor.registerCommand(
        CAN_UNDO_COMMAND,
        (canUndo) => {
          setState((s) => sameOr(s, { ...s, canUndo }));
          return false;
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
      editor.registerCommand(
        CAN_REDO_COMMAND,
        (canRedo) => {
          setState((s) => sameOr(s, { ...s, canRedo }));
          return false;
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
    );
  }, [editor, refresh]);

  // In a question for the peers, only "Normal text" (back to a paragraph, as Backspace at its
  // start does); in headline statements, nothing: the block is its bullets. The tools stay
  // focusable (aria-disabled, not disabled), so the toolbar's arrow keys still reach them all; a
  // click on one leaves the focus (and the caret) in the editor.
  const normalDisabled = state.statementBlock === 'headlines';
  const blockStylesDisabled = state.statementBlock !== null;

  const setBlock = (block: 'paragraph' | 'h2' | 'h3' | 'quote') => {
    if (block === 'paragraph' ? normalDisabled : blockStylesDisabled) return;
    editor.update(() => {
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) return;
      const question = $findMatchingParent(selection.anchor.getNode(), $isQuestionForPeersNode);
      if (block === 'paragraph' && $isQuestionForPeersNode(question)) {
        question.toParagraph();
      } else if (block === 'paragraph' || (block === 'quote' && state.block === 'quote')) {
        $setBlocksType(selection, () => $createParagraphNode());
      } else if (block === 'quote') {
        $setBlocksType(selection, () => $createQuoteNode());
      } else {
        $setBlocksType(selection, () => $createHeadingNode(block));
      }
    });
    editor.focus();
  };

  const toggleList = (kind: 'bullet' | 'number') => {
    if (blockStylesDisabled) return;
    if (state.block === kind) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
    else editor.dispatchCommand(kind === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND, undefined);
    editor.focus();
  };

  const format = (f: 'bold' | 'italic' | 'underline') => {
    editor.dispatchCommand(FORMAT_TEXT_COMMAND, f);
    editor.focus();
  };

  return (
    <>
      <Toolbar aria-label={label} className="toolbar">
        <ToggleButton
          className="tool tool-text"
          isSelected={state.block === 'paragraph'}
          aria-disabled={normalDisabled || undefined}
          preventFocusOnPress={normalDisabled}
          onChange={() => setBlock('paragraph')}
        >
          Normal text
        </ToggleButton>
        <ToggleButton
          className="tool tool-text"
          isSelected={state.block === 'h2'}
          aria-disabled={blockStylesDisabled || undefined}
          preventFocusOnPress={blockStylesDisabled}
          onChange={() => setBlock(state.block === 'h2' ? 'paragraph' : 'h2')}
        >
          Heading 2
        </ToggleButton>
        <ToggleButton
          className="tool tool-text"
          isSelected={state.block === 'h3'}
          aria-disabled={blockStylesDisabled || undefined}
          preventFocusOnPress={blockStylesDisabled}
          onChange={() => setBlock(state.block === 'h3' ? 'paragraph' : 'h3')}
        >
          Heading 3
        </ToggleButton>
        <Separator orientation="vertical" className="tool-sep" />
        <Tool icon="bold" label={`Bold (${shortcutFor('bold')})`} name="Bold" pressed={state.bold} onPress={() => format('bold')} />
        <Tool icon="italic" label={`Italic (${shortcutFor('italic')})`} name="Italic" pressed={state.italic} onPress={() => format('italic')} />
        <Tool
          icon="underline"
          label={`Underline (${shortcutFor('underline')})`}
          name="Underline"
          pressed={state.underline}
          onPress={() => format('underline')}
        />
        <Separator orientation="vertical" className="tool-sep" />
        <Tool
          icon="bullets"
          name="Bulleted list"
          label="Bulleted list"
          pressed={state.block === 'bullet'}
          disabled={blockStylesDisabled}
          onPress={() => toggleList('bullet')}
        />
        <Tool
          icon="numbers"
          name="Numbered list"
          label="Numbered list"
          pressed={state.block === 'number'}
          disabled={blockStylesDisabled}
          onPress={() => toggleList('number')}
        />
        <Tool
          icon="quote"
          name="Quote"
          label="Block quote"
          pressed={state.block === 'quote'}
          disabled={blockStylesDisabled}
          onPress={() => setBlock('quote')}
        />
        <Separator orientation="vertical" className="tool-sep" />
        <ToggleButton
          className="tool"
          aria-label="Link"
          isSelected={state.link !== null}
          onChange={() => setLinkOpen(true)}
        >
          <Icon name="link" />
          <span className="tooltip" aria-hidden="true">
            Link
          </span>
        </ToggleButton>
        <MenuTrigger>
          <Button className="tool tool-text tool-menu" aria-label="Insert">
            <Icon name="plus" size={16} />
            Insert
            <Icon name="chevronDown" size={14} />
          </Button>
          <Popover className="popover" placement="bottom start">
            <Menu
              className="menu"
              aria-label="Insert"
              onAction={(key) => {
                if (key === 'table') {
                  setTableOpen(true);
                  return;
                }
                if (key === 'recommendation') {
                  editor.dispatchCommand(OPEN_RECOMMENDATION_PICKER_COMMAND, undefined);
                  return;
                }
                if (key === 'picture') {
                  editor.dispatchCommand(OPEN_PICTURE_CHOOSER_COMMAND, undefined);
                  return;
                }
                if (key === 'recommendations-table') {
                  editor.dispatchCommand(INSERT_RECOMMENDATIONS_TABLE_COMMAND, undefined);
                  return;
                }
                editor.dispatchCommand(
                  key === 'headlines' ? INSERT_HEADLINE_STATEMENTS_COMMAND : INSERT_QUESTION_FOR_PEERS_COMMAND,
                  undefined,
                );
                // After the menu has handed focus back to its button.
                requestAnimationFrame(() => editor.focus());
              }}
            >
              <MenuItem className="menu-item menu-item-rich" id="headlines" textValue="Headline statements">
                <span className="menu-item-title">Headline statements</span>
                <span className="menu-item-hint">Two to four short bullets that open a theme</span>
              </MenuItem>
              <MenuItem className="menu-item menu-item-rich" id="question" textValue="Question for the peers">
                <span className="menu-item-title">Question for the peers</span>
                <span className="menu-item-hint">“We ask the peers to…”, to close a theme</span>
              </MenuItem>
              <Separator className="menu-sep" />
              <MenuItem className="menu-item" id="picture" textValue="Picture">
                Picture…
              </MenuItem>
              <MenuItem className="menu-item" id="table" textValue="Table">
                Table…
              </MenuItem>
              <MenuItem className="menu-item" id="recommendation" textValue="Reference to a recommendation">
                Reference to a recommendation…
              </MenuItem>
              <MenuItem className="menu-item menu-item-rich" id="recommendations-table" textValue="Recommendations table">
                <span className="menu-item-title">Recommendations table</span>
                <span className="menu-item-hint">The register and where each stands, kept up to date</span>
              </MenuItem>
            </Menu>
          </Popover>
        </MenuTrigger>
        <Separator orientation="vertical" className="tool-sep" />
        <Button
          className="tool"
          aria-label={`Undo (${shortcutFor('undo')})`}
          aria-keyshortcuts={ariaShortcutFor('undo')}
          isDisabled={!state.canUndo}
          onPress={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}
        >
          <Icon name="undo" />
          <span className="tooltip" aria-hidden="true">
            Undo ({shortcutFor('undo')})
          </span>
        </Button>
        <Button
          className="tool"
          aria-label={`Redo (${shortcutFor('redo')})`}
          aria-keyshortcuts={ariaShortcutFor('redo')}
          isDisabled={!state.canRedo}
          onPress={() => editor.dispatchCommand(REDO_COMMAND, undefined)}
        >
          <Icon name="redo" />
          <span className="tooltip" aria-hidden="true">
            Redo ({shortcutFor('redo')})
          </span>
        </Button>
        <Separator orientation="vertical" className="tool-sep" />
        <CiteButton />
      </Toolbar>
      <LinkDialog
        isOpen={linkOpen}
        currentUrl={state.link}
        onClose={() => {
          setLinkOpen(false);
          editor.focus();
        }}
        onApply={(url, text) => {
          editor.update(() => {
            const selection = $getSelection();
            if (!$isRangeSelection(selection)) return;
            if (selection.isCollapsed() && state.link === null) {
              const link = $createLinkNode(url, { rel: 'noopener noreferrer', target: '_blank' });
              link.append($createTextNode(text || url.replace(/^mailto:/, '')));
              selection.insertNodes([link]);
            } else {
              editor.dispatchCommand(TOGGLE_LINK_COMMAND, { url, rel: 'noopener noreferrer', target: '_blank' });
            }
          });
        }}
        onRemove={() => editor.dispatchCommand(TOGGLE_LINK_COMMAND, null)}
      />
      <TableDialog
        isOpen={tableOpen}
        onClose={() => {
          setTableOpen(false);
          editor.focus();
        }}
        onInsert={(rows, columns) =>
          editor.dispatchCommand(INSERT_TABLE_COMMAND, {
            rows: String(rows),
            columns: String(columns),
            includeHeaders: { rows: true, columns: false },
          })
        }
      />
    </>
  );
}

function Tool(props: {
  icon: IconName;
  name: string;
  label: string;
  pressed: boolean;
  /** Shown as unavailable (aria-disabled) but still focusable; the caller ignores the press. */
  disabled?: boolean;
  onPress: () => void;
}) {
  return (
    <ToggleButton
      className="tool"
      aria-label={props.name}
      aria-disabled={props.disabled || undefined}
      preventFocusOnPress={props.disabled}
      isSelected={props.pressed}
      onChange={props.onPress}
    >
      <Icon name={props.icon} />
      <span className="tooltip" aria-hidden="true">
        {props.label}
      </span>
    </ToggleButton>
  );
}
