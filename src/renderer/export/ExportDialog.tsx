import { useEffect, useState } from 'react';
import { Button, Checkbox, CheckboxGroup, Input, Label, Radio, RadioGroup, Text, TextField } from 'react-aria-components';
import type { AppInfo } from '../../shared/contract';
import type { AssessmentSummary } from '../../shared/schemas/assessment';
import type { ExportWarning } from '../../shared/contracts/export';
import type { SectionSummary } from '../../shared/schemas/section';
import { api, errorMessage, transport } from '../api';
import { JobDialog, useJobDialog } from '../jobs/JobDialog';
import { Icon } from '../ui/Icons';
import { rememberedTemplate, rememberTemplate, TemplateField, type ChosenTemplate } from './TemplateField';

type What = 'docx' | 'evidence-pack';

/** A file name from the council's name: "Testshire Council position statement". */
function suggestedName(summary: AssessmentSummary, what: What): string {
  return what === 'docx' ? `${summary.councilName} position statement` : `${summary.councilName} evidence pack`;
}

function joinPath(folder: string, name: string): string {
  const sep = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith(sep) ? folder + name : folder + sep + name;
}

/**
 * File → Export to Word: the whole statement or chosen chapters, an optional DRAFT watermark;
 * what would be wrong in the file (pictures without alt text, skipped heading levels) is shown
 * before anything is written, with "Export anyway". Where to save: the native save dialog in the
 * desktop app, a path in browser mode. The export runs as a job with a progress bar and Cancel,
 * so the window never freezes; at the end the desktop app offers Open and Show in folder.
 * The same dialog exports the evidence pack (a ZIP of every evidence file).
 */
export function ExportDialog(props: { isOpen: boolean; summary: AssessmentSummary; appInfo: AppInfo; onClose(): void; prepare(): Promise<void> }) {
  const [what, setWhat] = useState<What>('docx');
  const [scope, setScope] = useState<'all' | 'chosen'>('all');
  const [chapters, setChapters] = useState<SectionSummary[]>([]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [draft, setDraft] = useState(false);
  const [template, setTemplate] = useState<ChosenTemplate | null>(null);
  const [path, setPath] = useState('');
  const [warnings, setWarnings] = useState<ExportWarning[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const docx = useJobDialog('export-docx', props.isOpen, setError);
  const pack = useJobDialog('export-evidence-pack', props.isOpen, setError);
  const job = what === 'docx' ? docx : pack;
  const native = props.appInfo.nativeDialogs;

  // The core gets the export ready while the dialog is read, so choosing Export starts at once.
  // On opening, not on mounting: the dialog is mounted with the main screen.
  useEffect(() => {
    if (props.isOpen) api['export-prepare']({}).catch(() => undefined);
  }, [props.isOpen]);
  useEffect(() => {
    if (!props.isOpen) return;
    setWhat('docx');
    setScope('all');
    setChosen([]);
    setDraft(false);
    setTemplate(rememberedTemplate(props.summary.path));
    setWarnings(null);
    setError(null);
    setPath(joinPath(props.appInfo.defaultFolder, `${suggestedName(props.summary, 'docx')}.docx`));
    let live = true;
    void api['sections-list']({}).then(
      (list) => live && setChapters(list.filter((s) => s.depth === 0)),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [props.isOpen, props.summary, props.appInfo.defaultFolder]);

  const { view, working, finished } = job;

  const switchTo = (next: What) => {
    setWhat(next);
    setWarnings(null);
    setError(null);
    setPath((p) => p.replace(/[^/\\]*$/, `${suggestedName(props.summary, next)}.${next === 'docx' ? 'docx' : 'zip'}`));
  };

  const whereToSave = async (): Promise<string | null> => {
    const extension = what === 'docx' ? 'docx' : 'zip';
    if (native) {
      return api['dialog-choose-save-file']({
        title: what === 'docx' ? 'Export to Word' : 'Export the evidence pack',
        suggestedName: suggestedName(props.summary, what),
        extension,
      });
    }
    const trimmed = path.trim();
    if (!trimmed) {
      setError('Say where to save the file.');
      return null;
    }
    return trimmed.toLowerCase().endsWith(`.${extension}`) ? trimmed : `${trimmed}.${extension}`;
  };

  const submit = async () => {
    setError(null);
    if (what === 'docx' && scope === 'chosen' && chosen.length === 0) return setError('Choose at least one chapter to export, or export the whole statement.');
    const sectionIds = what === 'docx' && scope === 'chosen' ? chosen : undefined;
    try {
      // The last keystrokes go into the file too.
      await props.prepare();
      if (what === 'docx' && warnings === null) {
        const plan = await api['export-plan']({ sectionIds });
        if (plan.warnings.length > 0) {
          // Shown first; the button becomes "Export anyway".
          setWarnings(plan.warnings);
          return;
        }
      }
      const outPath = await whereToSave();
      if (!outPath) return;
      if (what === 'docx') {
        rememberTemplate(props.summary.path, template);
        await docx.start({ outPath, sectionIds, draft, ...(template ? { template } : {}) });
      }
      else await pack.start({ outPath });
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const resultPath = view.state === 'done' ? view.result.path : null;
  const shellAction = (method: 'shell-open-exported' | 'shell-show-exported') => async () => {
    if (!resultPath) return;
    try {
      await api[method]({ path: resultPath });
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  // Browser mode: the file was written on the server's computer; the browser fetches it from a
  // short-lived address and saves it as a download.
  const download = async () => {
    if (view.state !== 'done' || !transport) return;
    try {
      const link = await api['export-download-link']({ jobId: view.jobId });
      const anchor = document.createElement('a');
      anchor.href = transport.blobUrl(link.capability);
      anchor.download = link.fileName;
      anchor.click();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const outcome = resultPath ? (
    <div className="job-outcome">
      <p role="status">Exported to “{resultPath}”.</p>
      {native ? (
        <div className="export-actions">
          <Button className="button" onPress={shellAction('shell-open-exported')}>
            Open
          </Button>
          <Button className="button" onPress={shellAction('shell-show-exported')}>
            Show in folder
          </Button>
        </div>
      ) : (
        <div className="export-actions">
          <Button className="button" onPress={() => void download()}>
            Download
          </Button>
        </div>
      )}
    </div>
  ) : null;

  const submitLabel = warnings && warnings.length > 0 ? 'Export anyway' : what === 'docx' ? 'Export to Word' : 'Export the evidence pack';
  const editable = !working && !finished;

  return (
    <JobDialog
      job={job}
      title={what === 'docx' ? 'Export to Word' : 'Export the evidence pack'}
      isOpen={props.isOpen}
      onClose={props.onClose}
      onSubmit={submit}
      error={error}
      submitLabel={submitLabel}
      progressLabel={what === 'docx' ? 'Exporting to Word' : 'Exporting the evidence pack'}
      cancelledMessage="Cancelled. Nothing was written."
      outcome={outcome}
      extraAction={
        editable ? (
          <Button className="button button-quiet" onPress={() => switchTo(what === 'docx' ? 'evidence-pack' : 'docx')}>
            {what === 'docx' ? 'Export the evidence pack…' : 'Export to Word instead…'}
          </Button>
        ) : undefined
      }
    >
      {what === 'docx' ? (
        <>
          <p className="dialog-intro">Makes a Word document of the statement for the peers, with a contents page, the key documents and the recommendations.</p>
          <RadioGroup
            className="field radio-group"
            value={scope}
            onChange={(v) => {
              setScope(v as 'all' | 'chosen');
              setWarnings(null);
            }}
            isDisabled={!editable}
          >
            <Label>What to export</Label>
            <Radio className="radio" value="all">
              <span className="radio-mark" aria-hidden="true" />
              <span className="radio-title">The whole statement</span>
            </Radio>
            <Radio className="radio" value="chosen">
              <span className="radio-mark" aria-hidden="true" />
              <span className="radio-title">Chosen chapters</span>
            </Radio>
          </RadioGroup>
          {scope === 'chosen' ? (
            <CheckboxGroup
              className="field export-chapters"
              value={chosen}
              onChange={(v) => {
                setChosen(v);
                setWarnings(null);
              }}
              isDisabled={!editable}
            >
              <Label>Chapters (each with its sections)</Label>
              {chapters.map((c) => (
                <Checkbox key={c.id} value={c.id} className="checkbox">
                  <span className="checkbox-box" aria-hidden="true">
                    <Icon name="check" size={14} />
                  </span>
                  {c.title}
                </Checkbox>
              ))}
            </CheckboxGroup>
          ) : null}
          <Checkbox className="checkbox" isSelected={draft} onChange={setDraft} isDisabled={!editable}>
            <span className="checkbox-box" aria-hidden="true">
              <Icon name="check" size={14} />
            </span>
            Mark every page “DRAFT”
          </Checkbox>
          <TemplateField
            value={template}
            onChange={(next) => {
              setTemplate(next);
              setError(null);
            }}
            onError={setError}
            isDisabled={!editable}
          />
        </>
      ) : (
        <p className="dialog-intro">
          Makes a ZIP file of every evidence file, each named by its number in “Key and background documents” and its title, with an
          index to open first.
        </p>
      )}
      {native ? null : (
        <TextField className="field" value={path} onChange={setPath} isRequired isDisabled={!editable} maxLength={4096}>
          <Label>Save as</Label>
          <Input className="input" />
          <Text slot="description" className="field-hint">
            The full path of the file to write, in a folder this app may use.
          </Text>
        </TextField>
      )}
      {warnings && warnings.length > 0 && editable ? (
        <div className="export-warnings" role="alert">
          <p>
            <strong>Check these before you export.</strong> You can fix them first, or export anyway.
          </p>
          <ul>
            {warnings.map((w, i) => (
              <li key={i}>{w.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </JobDialog>
  );
}
