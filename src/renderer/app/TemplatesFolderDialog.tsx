import { useEffect, useState } from 'react';
import { Button, Input, Label, Text, TextField } from 'react-aria-components';
import type { AppInfo } from '../../shared/contract';
import type { TemplateList } from '../../shared/schemas/template';
import { api, errorMessage } from '../api';
import { FormDialog, useFormTask } from '../ui/FormDialog';
import { TemplateProblems } from './TemplateProblems';

/**
 * "Templates folder…": where templates are loaded from and saved to (a shared drive, say, so the
 * whole team starts from the same ones). Shows what that folder holds.
 */
export function TemplatesFolderDialog(props: { isOpen: boolean; appInfo: AppInfo; onClose(): void }) {
  const [list, setList] = useState<TemplateList | null>(null);
  const [path, setPath] = useState('');
  const { error, setError, busy, run } = useFormTask(props.isOpen);
  const [announce, setAnnounce] = useState('');

  useEffect(() => {
    if (!props.isOpen) return;
    setAnnounce('');
    setList(null);
    api['templates-list']({})
      .then((l) => {
        setList(l);
        setPath(l.folder);
      })
      .catch((e) => setError(errorMessage(e)));
  }, [props.isOpen, setError]);

  const applyFolder = (folder: string | null) =>
    run(async () => {
      const next = await api['templates-set-folder']({ folder });
      setList(next);
      setPath(next.folder);
      setAnnounce(folder === null ? 'Using the default templates folder.' : 'Using this folder for templates.');
    });

  const choose = async () => {
    try {
      const chosen = await api['dialog-choose-folder']({ title: 'Choose a folder for templates' });
      if (chosen) await applyFolder(chosen);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const own = list?.templates.filter((t) => t.source === 'folder') ?? [];

  return (
    <FormDialog
      title="Templates folder"
      isOpen={props.isOpen}
      onClose={props.onClose}
      onSubmit={() => {
        if (!path.trim()) setError('Choose a folder.');
        else void applyFolder(path.trim());
      }}
      error={error}
      busy={busy}
      cancelLabel="Done"
      submitLabel={props.appInfo.nativeDialogs ? null : 'Use this folder'}
      extraAction={
        <Button className="button button-quiet" isDisabled={busy} onPress={() => void applyFolder(null)}>
          Use the default folder
        </Button>
      }
      size="medium"
    >
      <p className="dialog-intro">
        Templates you save go in this folder, and any templates in it are offered when you create an assessment. A
        shared folder lets your whole team use the same ones.
      </p>
      {props.appInfo.nativeDialogs ? (
        <div className="field">
          <span className="label" id="templates-folder-label">
            Folder
          </span>
          <div className="path-choose">
            <span className="path-value" aria-labelledby="templates-folder-label" id="templates-folder-value">
              {list?.folder ?? 'Loading…'}
            </span>
            <Button
              className="button button-secondary"
              onPress={() => void choose()}
              isDisabled={busy}
              aria-describedby="templates-folder-value"
            >
              Choose…
            </Button>
          </div>
        </div>
      ) : (
        <TextField className="field" value={path} onChange={setPath} autoFocus isRequired>
          <Label>Folder</Label>
          <Input className="input input-path" spellCheck={false} />
          <Text slot="description" className="field-hint">
            The full path of a folder on this computer.
          </Text>
        </TextField>
      )}
      <div className="templates-found" aria-live="polite">
        <h3 className="subheading">In this folder</h3>
        {list === null ? (
          <p className="muted">Looking…</p>
        ) : own.length === 0 ? (
          <p className="muted">No templates of your own yet. Use “Save as template…” to make one.</p>
        ) : (
          <ul className="templates-found-list">
            {own.map((t) => (
              <li key={t.id}>
                <span className="templates-found-name">{t.name}</span>
                {t.description ? <span className="templates-found-desc">{t.description}</span> : null}
              </li>
            ))}
          </ul>
        )}
        {list ? <TemplateProblems problems={list.problems} /> : null}
      </div>
      <div className="visually-hidden" role="status">
        {announce}
      </div>
    </FormDialog>
  );
}
