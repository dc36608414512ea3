import './export.css';
import { useEffect, useId, useState } from 'react';
import { Button } from 'react-aria-components';
import type { FileRef } from '../../shared/contracts/files';
import { errorMessage, transport } from '../api';

export interface ChosenTemplate {
  file: FileRef;
  name: string;
}

const WORD_TYPES =
  '.docx,.dotx,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.wordprocessingml.template';

const storageKey = (assessmentPath: string) => `pcs-export-template:${assessmentPath}`;

/**
 * The template last used for this assessment, if it was a file on this computer (the desktop
 * app): a browser upload cannot be used again after the server tidies it away.
 */
export function rememberedTemplate(assessmentPath: string): ChosenTemplate | null {
  try {
    const saved = JSON.parse(localStorage.getItem(storageKey(assessmentPath)) ?? 'null') as { path?: unknown; name?: unknown } | null;
    if (saved && typeof saved.path === 'string' && typeof saved.name === 'string') return { file: { kind: 'path', path: saved.path }, name: saved.name };
  } catch {
    // Nothing usable remembered.
  }
  return null;
}

export function rememberTemplate(assessmentPath: string, template: ChosenTemplate | null): void {
  try {
    if (template?.file.kind === 'path') localStorage.setItem(storageKey(assessmentPath), JSON.stringify({ path: template.file.path, name: template.name }));
    else if (!template) localStorage.removeItem(storageKey(assessmentPath));
  } catch {
    // Storage full or refused: the choice just is not remembered.
  }
}

/**
 * "Council template": a Word document or template (.docx or .dotx) whose styles the export
 * takes instead of the house style. Chosen with the ordinary file picker; whether the file is
 * usable is checked when exporting, which says plainly if it is not a Word file.
 */
export function TemplateField(props: { value: ChosenTemplate | null; onChange(value: ChosenTemplate | null): void; onError(message: string): void; isDisabled?: boolean }) {
  const id = useId();
  const [reading, setReading] = useState(false);
  // A new file input each time the choice is cleared, so choosing the same file again still counts.
  const [inputKey, setInputKey] = useState(0);
  useEffect(() => {
    if (!props.value) setInputKey((k) => k + 1);
  }, [props.value]);

  const choose = async (file: File | undefined) => {
    if (!file || !transport) return;
    if (!/\.(docx|dotx)$/i.test(file.name)) {
      props.onError(`“${file.name}” is not a Word document or template. Choose a .docx or .dotx file.`);
      setInputKey((k) => k + 1);
      return;
    }
    setReading(true);
    try {
      props.onChange({ file: await transport.fileRef(file), name: file.name });
    } catch (e) {
      props.onError(errorMessage(e));
    } finally {
      setReading(false);
    }
  };

  return (
    <div className="field export-template">
      <label htmlFor={id}>Council template (optional)</label>
      <input
        key={inputKey}
        id={id}
        className="input"
        type="file"
        accept={WORD_TYPES}
        aria-describedby={`${id}-hint`}
        disabled={props.isDisabled || reading}
        onChange={(e) => void choose(e.currentTarget.files?.[0])}
      />
      <p id={`${id}-hint`} className="field-hint" role="status">
        {reading
          ? 'Reading the template…'
          : props.value
            ? `Styles from “${props.value.name}”.`
            : 'A Word document or template (.docx or .dotx) whose fonts, colours and heading styles to use. Without one, the accessible house style is used.'}
      </p>
      {props.value ? (
        <Button className="button button-quiet" onPress={() => props.onChange(null)} isDisabled={props.isDisabled}>
          Use the house style instead
        </Button>
      ) : null}
    </div>
  );
}
