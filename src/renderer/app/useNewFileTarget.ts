import { useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/contract';
import { api, errorMessage } from '../api';
import { joinPath, suggestedFileName } from './format';

/**
 * The council's name and where its new file goes, as both create dialogs ask for them ("Create a
 * new assessment", "New assessment from a previous one"): in browser mode a path is suggested
 * from the council's name until the user types one; with native dialogs the user chooses it.
 * Reset each time the dialog opens.
 */
export function useNewFileTarget(isOpen: boolean, appInfo: AppInfo, setError: (message: string) => void) {
  const [council, setCouncil] = useState('');
  const [path, setPath] = useState('');
  const [pathEdited, setPathEdited] = useState(false);
  const native = appInfo.nativeDialogs;

  useEffect(() => {
    if (!isOpen) return;
    setCouncil('');
    setPath(native ? '' : joinPath(appInfo.defaultFolder, suggestedFileName('')));
    setPathEdited(false);
  }, [isOpen, appInfo, native]);

  const onCouncilChange = (value: string) => {
    setCouncil(value);
    if (!native && !pathEdited) setPath(joinPath(appInfo.defaultFolder, suggestedFileName(value)));
  };

  const choose = async () => {
    try {
      const chosen = await api['dialog-choose-new-file']({ suggestedName: suggestedFileName(council) });
      if (chosen) {
        setPath(chosen);
        setPathEdited(true);
      }
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  /**
   * The path to save at when the form is sent: the one typed or chosen, or (native dialogs,
   * nothing chosen yet) one asked for now. Null when there is none: the caller says so.
   */
  const resolveTarget = async (): Promise<string | null> => {
    const typed = path.trim();
    if (typed || !native) return typed || null;
    const chosen = await api['dialog-choose-new-file']({ suggestedName: suggestedFileName(council) }).catch(() => null);
    if (chosen) setPath(chosen);
    return chosen || null;
  };

  /** Props for SaveAsField. */
  const saveAs = {
    native,
    path,
    onChoose: () => void choose(),
    onTyped: (typedPath: string) => {
      setPath(typedPath);
      setPathEdited(true);
    },
  };

  return { council, onCouncilChange, resolveTarget, saveAs };
}
