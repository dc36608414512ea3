import { useEffect, useState } from 'react';
import { Input, Label, Radio, RadioGroup, Text, TextField } from 'react-aria-components';
import type { AppInfo } from '../../shared/contract';
import type { AssessmentSummary } from '../../shared/schemas/assessment';
import type { TemplateList } from '../../shared/schemas/template';
import { api, errorMessage } from '../api';
import { SaveAsField } from './SaveAsField';
import { VisitDateField } from './VisitDateField';
import { FormDialog, useFormTask } from '../ui/FormDialog';
import { joinPath, kindLabel, suggestedFileName } from './format';
import { TemplateProblems } from './TemplateProblems';

/**
 * "Create a new assessment": council, template (which decides the kind of challenge and the
 * binder's starting structure), visit date and where to save.
 */
export function CreateDialog(props: {
  isOpen: boolean;
  appInfo: AppInfo;
  onClose(): void;
  onCreated(summary: AssessmentSummary): void;
  /** Runs before the core switches files: writes what is still queued for the open one. */
  prepare(): Promise<void>;
}) {
  const [council, setCouncil] = useState('');
  const [templates, setTemplates] = useState<TemplateList | null>(null);
  const [templatesError, setTemplatesError] = useState<string | null>(null);
  const [templateId, setTemplateId] = useState('cpc-2024');
  const [visitDate, setVisitDate] = useState('');
  const [path, setPath] = useState('');
  const [pathEdited, setPathEdited] = useState(false);
  const { error, setError, busy, run } = useFormTask(props.isOpen);

  useEffect(() => {
    if (!props.isOpen) return;
    setCouncil('');
    setTemplateId('cpc-2024');
    setTemplates(null);
    setTemplatesError(null);
    // Read afresh each time: a template saved a moment ago, or copied into the folder, appears.
    api['templates-list']({})
      .then((list) => {
        setTemplates(list);
        setTemplateId((current) => (list.templates.some((t) => t.id === current) ? current : (list.templates[0]?.id ?? current)));
      })
      .catch((e) => setTemplatesError(errorMessage(e)));
    setVisitDate('');
    setPath(props.appInfo.nativeDialogs ? '' : joinPath(props.appInfo.defaultFolder, suggestedFileName('')));
    setPathEdited(false);
  }, [props.isOpen, props.appInfo]);

  const onCouncilChange = (value: string) => {
    setCouncil(value);
    if (!props.appInfo.nativeDialogs && !pathEdited) {
      setPath(joinPath(props.appInfo.defaultFolder, suggestedFileName(value)));
    }
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

  const submit = async () => {
    if (!council.trim()) {
      setError('Enter the name of the council.');
      return;
    }
    let target = path.trim();
    if (!target && props.appInfo.nativeDialogs) {
      const chosen = await api['dialog-choose-new-file']({ suggestedName: suggestedFileName(council) }).catch(() => null);
      if (!chosen) {
        setError('Choose where to save the file.');
        return;
      }
      target = chosen;
      setPath(chosen);
    }
    if (!target) {
      setError('Choose where to save the file.');
      return;
    }
    await run(async () => {
      await props.prepare();
      const template = templates?.templates.find((t) => t.id === templateId);
      const summary = await api['assessment-create']({
        path: target,
        councilName: council.trim(),
        templateId,
        ...(template ? { kind: template.kind } : {}),
        visitDate: visitDate || null,
      });
      props.onCreated(summary);
    });
  };

  return (
    <FormDialog
      title="Create a new assessment"
      isOpen={props.isOpen}
      onClose={props.onClose}
      onSubmit={submit}
      error={error}
      busy={busy}
      submitLabel="Create assessment"
      busyLabel="Creating…"
      size="medium"
    >
      <p className="dialog-intro">Everything goes in one file. Your changes are saved automatically as you write.</p>
      <TextField className="field" value={council} onChange={onCouncilChange} autoFocus isRequired>
        <Label>Council name</Label>
        <Input className="input" placeholder="For example, Anytown Borough Council" />
      </TextField>
      <RadioGroup className="field radio-group" value={templateId} onChange={setTemplateId}>
        <Label>Template</Label>
        <Text slot="description" className="field-hint">
          The template sets the kind of challenge and the sections you start with, with guidance for each.
        </Text>
        {templates === null && !templatesError ? <p className="muted template-loading">Finding templates…</p> : null}
        {templates?.templates.map((t) => (
          <Radio key={t.id} className="radio" value={t.id}>
            <span className="radio-mark" aria-hidden="true" />
            <span>
              <span className="radio-title">{t.name}</span>
              <span className="radio-hint">
                {t.description ?? kindLabel(t.kind)}
                {t.source === 'folder' ? <span className="radio-source"> · From your templates folder</span> : null}
              </span>
            </span>
          </Radio>
        ))}
      </RadioGroup>
      {templatesError ? (
        <p className="field-hint">
          The templates could not be listed ({templatesError}). The assessment will start from the standard Corporate
          Peer Challenge template.
        </p>
      ) : null}
      {templates ? <TemplateProblems problems={templates.problems} /> : null}
      <VisitDateField value={visitDate} onChange={setVisitDate} />
      <SaveAsField
        idPrefix="save-where"
        native={props.appInfo.nativeDialogs}
        path={path}
        onChoose={() => void choose()}
        onTyped={(v) => {
          setPath(v);
          setPathEdited(true);
        }}
      />
    </FormDialog>
  );
}
