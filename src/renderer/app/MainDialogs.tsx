import type { AppInfo } from '../../shared/contract';
import type { AssessmentSummary } from '../../shared/schemas/assessment';
import { useToasts } from '../ui/Toasts';
import { AssessmentDetailsDialog } from './AssessmentDetailsDialog';
import { formatBackupTime, RestoreBackupDialog } from './RestoreBackupDialog';
import { SaveTemplateDialog } from './SaveTemplateDialog';
import { TemplatesFolderDialog } from './TemplatesFolderDialog';

/** The main screen's dialogs about the assessment as a whole (the binder's own are beside it). */
export type AssessmentDialog = 'assessment-details' | 'save-as-template' | 'templates-folder' | 'restore-backup';

export function MainDialogs(props: {
  open: AssessmentDialog | null;
  summary: AssessmentSummary;
  appInfo: AppInfo;
  onClose(): void;
  onSummaryChange(summary: AssessmentSummary): void;
  /** Writes what is still queued, before the core switches to a restored file. */
  prepare(): Promise<void>;
}) {
  const toasts = useToasts();
  return (
    <>
      <AssessmentDetailsDialog
        isOpen={props.open === 'assessment-details'}
        summary={props.summary}
        onClose={props.onClose}
        onSaved={(next) => {
          props.onSummaryChange(next);
          toasts.show({ message: 'Saved the assessment details.', timeout: 3000 });
        }}
      />
      <SaveTemplateDialog
        isOpen={props.open === 'save-as-template'}
        onClose={props.onClose}
        onSaved={(template) => {
          const file = template.file ? template.file.split(/[\\/]/).pop() : null;
          toasts.show({
            message: `Saved the template “${template.name}”${file ? ` as ${file} in your templates folder` : ''}. Choose it when you create an assessment.`,
            timeout: 8000,
          });
        }}
      />
      <TemplatesFolderDialog isOpen={props.open === 'templates-folder'} appInfo={props.appInfo} onClose={props.onClose} />
      <RestoreBackupDialog
        isOpen={props.open === 'restore-backup'}
        onClose={props.onClose}
        prepare={props.prepare}
        onRestored={(next, backup) => {
          props.onClose();
          props.onSummaryChange(next);
          toasts.show({
            message: `Restored the backup from ${formatBackupTime(backup.createdAt)} as “${next.fileName}”. The file you had open is unchanged.`,
            timeout: 10000,
          });
        }}
      />
    </>
  );
}
