import { Button, Label, ProgressBar } from 'react-aria-components';
import type { JobProgress as Progress } from '../../shared/contracts/jobs';

/**
 * A running job's progress bar, with what it is doing in words and a Cancel button. The bar is
 * indeterminate until the job knows how much there is to do.
 */
export function JobProgress(props: { label: string; progress: Progress; onCancel(): void; cancelling?: boolean }) {
  const { progress } = props;
  const known = progress.total > 0;
  return (
    <div className="job-progress">
      <ProgressBar
        className="job-progress-bar"
        value={known ? progress.done : undefined}
        maxValue={known ? progress.total : 100}
        isIndeterminate={!known}
        valueLabel={progress.step}
      >
        {({ percentage }) => (
          <>
            <div className="job-progress-labels">
              <Label>{props.label}</Label>
              <span className="job-progress-step">{progress.step}</span>
            </div>
            <div className="job-progress-track">
              <div className="job-progress-fill" style={{ width: known ? `${percentage ?? 0}%` : '40%' }} />
            </div>
          </>
        )}
      </ProgressBar>
      <Button className="button" onPress={props.onCancel} isDisabled={props.cancelling}>
        {props.cancelling ? 'Cancelling…' : 'Cancel'}
      </Button>
    </div>
  );
}
