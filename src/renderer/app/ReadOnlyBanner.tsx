import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { AssessmentSummary } from '../../shared/schemas/assessment';
import { api, errorMessage } from '../api';
import './readOnlyBanner.css';

/**
 * Says why the assessment is open for reading only (somebody else has it open, or the file or
 * folder cannot be written to). When the other computer seems to have gone (a stale lock), offers
 * "Take over", which opens it again for writing.
 */
export function ReadOnlyBanner(props: { summary: AssessmentSummary; onSummaryChange(summary: AssessmentSummary): void }) {
  const readOnly = props.summary.readOnly;
  const [problem, setProblem] = useState<string | null>(null);
  if (!readOnly) return null;
  const takeOver = async () => {
    try {
      setProblem(null);
      props.onSummaryChange(await api['assessment-open']({ path: props.summary.path, takeOver: true }));
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };
  return (
    <div className="read-only-banner" role="status" data-testid="read-only-banner">
      <strong>Read only.</strong> {readOnly.message}
      {readOnly.lockedBy?.stale ? (
        <Button className="button button-secondary" onPress={() => void takeOver()}>
          Take over
        </Button>
      ) : null}
      {problem ? <span role="alert"> {problem}</span> : null}
    </div>
  );
}
