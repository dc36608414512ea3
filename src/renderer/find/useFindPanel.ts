import { useCallback, useEffect, useRef, useState } from 'react';
import { EDITOR_ID } from '../editor/SectionEditor';
import type { FindTarget } from '../editor/plugins/FindHighlightPlugin';

/**
 * Whether the find panel is open, and what the editor should highlight. Ctrl+F (⌘F) or a request
 * from the Electron menu opens it and focuses its field; closing it puts focus back where it was.
 */
export function useFindPanel(findRequest: number) {
  const [open, setOpen] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);
  const [target, setTarget] = useState<FindTarget | null>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  const openFind = useCallback(() => {
    if (!open) returnFocus.current = document.activeElement as HTMLElement | null;
    setOpen(true);
    setFocusRequest((n) => n + 1);
  }, [open]);

  useEffect(() => {
    if (findRequest > 0) openFind();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- open on a new request only, not when openFind changes because the panel opened or closed.
  }, [findRequest]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        e.stopPropagation();
        openFind();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [openFind]);

  const closeFind = () => {
    setOpen(false);
    setTarget(null);
    const el = returnFocus.current;
    if (el && document.contains(el)) el.focus();
    else document.getElementById(EDITOR_ID)?.focus();
  };

  return { open, focusRequest, target, setTarget, openFind, closeFind };
}
