import './import.css';
import { useEffect, useRef, useState } from 'react';
import { Checkbox, Radio, RadioGroup, Label } from 'react-aria-components';
import type { FileRef } from '../../shared/contracts/files';
import type { ImportPlanSummary, ImportSplitMode } from '../../shared/contracts/import';
import { api, errorMessage, transport } from '../api';
import { JobDialog, useJobDialog } from '../jobs/JobDialog';
import { Icon } from '../ui/Icons';
import { overridesFor, targetKey, targetOptions } from './targets';

const MODE_WORDS: Record<ImportSplitMode, string> = {
  headings: 'At its headings',
  'bold-lines': 'At its bold lines',
  single: 'Keep it as one section',
};

/**
 * File › Import from Word…: choose a Word statement, see where each part of it would go and
 * change it, choose whether its key documents and recommendations come too, then import (a job,
 * with progress and Cancel, all or nothing). Nothing is written before "Import".
 */
export function ImportWordDialog(props: { isOpen: boolean; onClose(): void; onImported(): Promise<unknown>; prepare(): Promise<void> }) {
  const [source, setSource] = useState<{ file: FileRef; fileName: string } | null>(null);
  const [plan, setPlan] = useState<ImportPlanSummary | null>(null);
  const [chosen, setChosen] = useState<Map<number, string>>(new Map());
  const [keyDocs, setKeyDocs] = useState(true);
  const [recs, setRecs] = useState(true);
  const [reading, setReading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const job = useJobDialog('import-statement-apply', props.isOpen, setError);
  const { view, working, finished } = job;
  const refreshed = useRef<string | null>(null);

  useEffect(() => {
    if (!props.isOpen) return;
    setSource(null);
    setPlan(null);
    setChosen(new Map());
    setError(null);
  }, [props.isOpen]);

  useEffect(() => {
    if (view.state === 'done' && refreshed.current !== view.jobId) {
      refreshed.current = view.jobId;
      void props.onImported();
    }
  }, [view, props]);

  const readPlan = async (next: { file: FileRef; fileName: string }, mode?: ImportSplitMode) => {
    setReading(true);
    setError(null);
    try {
      const planned = await api['import-statement-plan']({ file: next.file, fileName: next.fileName, ...(mode ? { mode } : {}) });
      setPlan(planned);
      setChosen(new Map(planned.parts.map((p) => [p.index, targetKey(p.proposed)])));
      setKeyDocs(planned.keyDocuments.length > 0);
      setRecs(planned.recommendations.length > 0);
    } catch (e) {
      setPlan(null);
      setError(errorMessage(e));
    } finally {
      setReading(false);
    }
  };

  const chooseFile = async (file: File | undefined) => {
    if (!file || !transport) return;
    setReading(true);
    setError(null);
    try {
      const next = { file: await transport.fileRef(file), fileName: file.name };
      setSource(next);
      await readPlan(next);
    } catch (e) {
      setError(errorMessage(e));
      setReading(false);
    }
  };

  const submit = async () => {
    if (!plan || !source) return setError('Choose a Word document to import.');
    await props.prepare();
    await job.start({
      file: source.file,
      fileName: source.fileName,
      mode: plan.mode,
      overrides: overridesFor(plan, chosen),
      sha256: plan.sha256,
      includeKeyDocuments: keyDocs && plan.keyDocuments.length > 0,
      includeRecommendations: recs && plan.recommendations.length > 0,
    });
  };

  const options = plan ? targetOptions(plan) : [];
  // A numbered entry with lettered ones under it (6, then 6a–6c) names the family: it is not a document itself.
  const placeholders = plan
    ? plan.keyDocuments.filter((d) => d.letter !== null || !plan.keyDocuments.some((o) => o.number === d.number && o.letter !== null)).length
    : 0;
  const result = view.state === 'done' ? view.result : null;
  return (
    <JobDialog
      job={job}
      title="Import from Word"
      isOpen={props.isOpen}
      onClose={props.onClose}
      onSubmit={submit}
      error={error}
      busy={reading}
      submitLabel={plan ? 'Import' : null}
      progressLabel="Importing"
      cancelledMessage="Cancelled. Nothing was imported, and this assessment was not changed."
      outcome={
        result ? (
          <p className="job-outcome" role="status">
            Imported: {result.sectionsCreated} sections added, {result.chaptersFilled} chapters filled
            {result.focusAreasCreated ? `, ${result.focusAreasCreated} focus areas added` : ''}
            {result.placeholdersAdded ? `, ${result.placeholdersAdded} evidence placeholders` : ''}
            {result.recommendationsAdded ? `, ${result.recommendationsAdded} recommendations in the register` : ''}.
          </p>
        ) : null
      }
    >
      <p className="dialog-intro">
        Brings last time’s position statement into this assessment. You will see where each part goes, and can change it, before
        anything is written.
      </p>
      <div className="field">
        <label htmlFor="import-word-file">Word document (.docx)</label>
        <input
          id="import-word-file"
          className="input"
          type="file"
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          disabled={working || finished}
          onChange={(e) => void chooseFile(e.currentTarget.files?.[0])}
        />
      </div>
      {reading ? (
        <p role="status" className="field-hint">
          Reading the document…
        </p>
      ) : null}
      {plan && !finished ? (
        <>
          {!plan.looksLikeStatement ? (
            <p className="import-warning" role="note">
              <Icon name="warning" size={16} /> “{plan.fileName}” does not look like a position statement. Check the mapping carefully.
            </p>
          ) : null}
          {plan.warnings.length > 0 ? (
            <ul className="import-warnings" aria-label="Things to know about this document">
              {plan.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          ) : null}
          {plan.modes.length > 1 ? (
            <RadioGroup
              className="radio-group"
              value={plan.mode}
              isDisabled={working}
              onChange={(mode) => source && void readPlan(source, mode as ImportSplitMode)}
            >
              <Label>The document has no headings. Split it:</Label>
              {plan.modes.map((mode) => (
                <Radio key={mode} value={mode} className="radio">
                  <span className="radio-mark" aria-hidden="true" />
                  {MODE_WORDS[mode]}
                </Radio>
              ))}
            </RadioGroup>
          ) : null}
          <div className="import-mapping-scroll">
            <table className="import-mapping">
              <caption>Where each part of “{plan.fileName}” goes</caption>
              <thead>
                <tr>
                  <th scope="col">Part of the document</th>
                  <th scope="col">Goes to</th>
                  <th scope="col">Subsections</th>
                </tr>
              </thead>
              <tbody>
                {plan.parts.map((part) => {
                  const name = part.hasHeading ? part.title : 'Text before the first heading';
                  return (
                    <tr key={part.index}>
                      <th scope="row">{name}</th>
                      <td>
                        <select
                          className="input"
                          aria-label={`Where “${name}” goes`}
                          value={chosen.get(part.index)}
                          disabled={working}
                          onChange={(e) => {
                            const value = e.currentTarget.value;
                            setChosen((prev) => new Map(prev).set(part.index, value));
                          }}
                        >
                          {options.map((o) => (
                            <option key={o.key} value={o.key}>
                              {o.label}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>{part.subsections.length}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {plan.keyDocuments.length > 0 ? (
            <Checkbox className="checkbox" isSelected={keyDocs} onChange={setKeyDocs} isDisabled={working}>
              <span className="checkbox-box" aria-hidden="true">
                <Icon name="check" size={14} />
              </span>
              Add the {placeholders} key documents as evidence placeholders, waiting for their files
            </Checkbox>
          ) : null}
          {plan.recommendations.length > 0 ? (
            <Checkbox className="checkbox" isSelected={recs} onChange={setRecs} isDisabled={working}>
              <span className="checkbox-box" aria-hidden="true">
                <Icon name="check" size={14} />
              </span>
              Add the recommendations {plan.recommendations.map((r) => r.label).join(', ')} to the register
            </Checkbox>
          ) : null}
        </>
      ) : null}
    </JobDialog>
  );
}
