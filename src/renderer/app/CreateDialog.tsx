import { useEffect, useState } from 'react';
import { Label, Radio, RadioGroup, Text } from 'react-aria-components';
import type { AppInfo } from '../../shared/contract';
import type { AssessmentSummary } from '../../shared/schemas/assessment';
import type { TemplateList } from '../../shared/schemas/template';
import { api, errorMessage } from '../api';
import { SaveAsField } from './SaveAsField';
import { VisitDateField } from './VisitDateField';
import { FormDialog, useFormTask } from '../ui/FormDialog';
import { kindLabel } from './format';
import { CouncilNameField } from './CouncilNameField';
import { useNewFileTarget } from './useNewFileTarget';
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
  const [templates, setTemplates] = useState<TemplateList | null>(null);
  const [templatesError, setTemplatesError] = useState<string | null>(null);
  const [templateId, setTemplateId] = useState('cpc-2024');
  const [visitDate, setVisitDate] = useState('');
  const { error, setError, busy, run } = useFormTask(props.isOpen);
  const { council, onCouncilChange, resolveTarget, saveAs } = useNewFileTarget(props.isOpen, props.appInfo, setError);

  useEffect(() => {
    if (!props.isOpen) return;
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
  }, [props.isOpen, props.appInfo]);

  const submit = async () => {
    if (!council.trim()) {
      setError('Enter the name of the council.');
      return;
    }
    const target = await resolveTarget();
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
      <CouncilNameField value={council} onChange={onCouncilChange} autoFocus />
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
      <SaveAsField idPrefix="save-where" {...saveAs} />
    </FormDialog>
  );
}
