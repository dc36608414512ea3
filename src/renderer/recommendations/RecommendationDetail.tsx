import { useEffect, useMemo, useState } from 'react';
import { parseDate } from '@internationalized/date';
import { Button, DateField, DateInput, DateSegment, I18nProvider, Input, Label, Text, TextArea, TextField } from 'react-aria-components';
import { RECOMMENDATION_STATUSES, RECOMMENDATION_STATUS_WORDS, type Recommendation } from '../../shared/contracts/recommendations';
import type { SectionSummary } from '../../shared/schemas/section';
import { api, errorMessage } from '../api';
import { ErrorMessage } from '../ui/Dialog';
import { ChangedMark, PickField, StatusChip } from './parts';
import { progressToText, textToProgress } from './progressText';
import { RecommendationSaver } from './recommendationSaver';
import { recommendationsStore } from './recommendationsStore';
import { recordLink } from './registerHistory';

const STATUS_OPTIONS = RECOMMENDATION_STATUSES.map((s) => ({ id: s, name: RECOMMENDATION_STATUS_WORDS[s] }));

/**
 * One recommendation: status, owner, target date and progress update (autosaved), and the
 * sections and evidence that answer it (linked, verified or unlinked straight away).
 * Mounted with `key={rec.id}`: the fields' drafts belong to one recommendation.
 */
export function RecommendationDetail(props: {
  rec: Recommendation;
  sections: readonly SectionSummary[];
  evidence: ReadonlyArray<{ id: string; title: string }>;
  onDelete(rec: Recommendation): void;
}) {
  const { rec } = props;
  const [saveState, setSaveState] = useState<'saving' | 'saved' | { error: string } | null>(null);
  const saver = useMemo(() => new RecommendationSaver(rec.id, recommendationsStore, setSaveState), [rec.id]);
  useEffect(() => () => void saver.flush(), [saver]);
  const [owner, setOwner] = useState(rec.owner);
  const [progress, setProgress] = useState(() => progressToText(rec.progress));
  const [linkError, setLinkError] = useState<string | null>(null);
  const [sectionChoice, setSectionChoice] = useState<string | null>(null);
  const [evidenceChoice, setEvidenceChoice] = useState<string | null>(null);

  let date = null;
  try {
    date = rec.targetDate ? parseDate(rec.targetDate) : null;
  } catch {
    date = null;
  }

  const linkAction = async (action: 'recommendation-link' | 'recommendation-unlink' | 'recommendation-verify', target: { sectionId: string } | { evidenceItemId: string }) => {
    setLinkError(null);
    try {
      await saver.flush();
      recommendationsStore.put(await api[action]({ id: rec.id, ...target }));
      if (action !== 'recommendation-verify') recordLink(rec, action, target, linkTitle(target));
      return true;
    } catch (e) {
      setLinkError(errorMessage(e));
      return false;
    }
  };

  const linkTitle = (target: { sectionId: string } | { evidenceItemId: string }) =>
    'sectionId' in target
      ? (props.sections.find((s) => s.id === target.sectionId)?.title ?? 'a section')
      : (props.evidence.find((e) => e.id === target.evidenceItemId)?.title ?? 'an evidence item');

  const linkedSectionIds = new Set(rec.sections.filter((s) => s.linked).map((s) => s.sectionId));
  const sectionOptions = props.sections.filter((s) => !linkedSectionIds.has(s.id)).map((s) => ({ id: s.id, name: '\u2003'.repeat(Math.max(0, s.depth)) + s.title }));
  const linkedEvidence = new Set(rec.evidence.map((e) => e.evidenceItemId));
  const evidenceOptions = props.evidence.filter((e) => !linkedEvidence.has(e.id)).map((e) => ({ id: e.id, name: e.title }));

  return (
    <section className="recs-detail" aria-labelledby={`rec-${rec.id}-title`}>
      <div className="recs-detail-head">
        <h3 id={`rec-${rec.id}-title`}>Recommendation {rec.label}</h3>
        <StatusChip status={rec.status} />
        <span className="recs-save-state" role="status">
          {saveState === 'saving' ? 'Saving…' : saveState === 'saved' ? 'Saved' : null}
        </span>
      </div>
      <p className="recs-detail-text">{rec.text}</p>
      <p className="field-hint">From {rec.source}</p>
      {saveState !== null && typeof saveState === 'object' ? <ErrorMessage message={saveState.error} /> : null}
      <div className="recs-fields">
        <PickField label="Status" options={STATUS_OPTIONS} value={rec.status} onChange={(status) => saver.change({ status: status as Recommendation['status'] }, true)} />
        <TextField
          className="field"
          value={owner}
          onChange={(value) => {
            setOwner(value);
            saver.change({ owner: value });
          }}
        >
          <Label>Owner</Label>
          <Input className="input" />
        </TextField>
        <I18nProvider locale="en-GB">
          <DateField
            className="field"
            value={date}
            granularity="day"
            onChange={(value) => saver.change({ targetDate: value ? value.toString() : null }, true)}
          >
            <Label>Target date</Label>
            <DateInput className="input input-date date-input">{(segment) => <DateSegment className="date-segment" segment={segment} />}</DateInput>
            <Text slot="description" className="field-hint">
              Day, month, year.
            </Text>
          </DateField>
        </I18nProvider>
      </div>
      <TextField
        className="field"
        value={progress}
        onChange={(value) => {
          setProgress(value);
          saver.change({ progress: textToProgress(value) });
        }}
      >
        <Label>Progress update</Label>
        <TextArea className="input recs-progress" rows={4} />
        <Text slot="description" className="field-hint">
          Saved as you type. Ctrl+Z here undoes typing; outside the box it undoes the register’s last change.
        </Text>
      </TextField>

      <h4>Sections that address it</h4>
      {rec.sections.length === 0 ? <p className="recs-empty">Not addressed in any section yet.</p> : null}
      <ul className="recs-links" aria-label="Sections that address it">
        {rec.sections.map((s) => (
          <li key={s.sectionId}>
            <span className="recs-link-title">{s.title}</span>
            {s.referenced ? <span className="recs-tag">Referenced in the text</span> : null}
            {s.verifiedAt ? <span className="recs-tag">Verified</span> : null}
            {s.changedSinceVerified ? <ChangedMark /> : null}
            <Button className="button button-small" aria-label={`Verify ${s.title}`} onPress={() => void linkAction('recommendation-verify', { sectionId: s.sectionId })}>
              Verify
            </Button>
            {s.linked ? (
              <Button className="button button-small" aria-label={`Unlink ${s.title}`} onPress={() => void linkAction('recommendation-unlink', { sectionId: s.sectionId })}>
                Unlink
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      <div className="recs-add-link">
        <PickField label="Section to link" options={sectionOptions} value={sectionChoice} onChange={setSectionChoice} placeholder="Choose a section…" />
        <Button
          className="button"
          isDisabled={!sectionChoice}
          onPress={async () => {
            if (sectionChoice && (await linkAction('recommendation-link', { sectionId: sectionChoice }))) setSectionChoice(null);
          }}
        >
          Link section
        </Button>
      </div>

      <h4>Evidence that shows it</h4>
      {rec.evidence.length === 0 ? <p className="recs-empty">No evidence linked yet.</p> : null}
      <ul className="recs-links" aria-label="Evidence that shows it">
        {rec.evidence.map((e) => {
          const title = e.title ?? 'An evidence item no longer in the list';
          return (
            <li key={e.evidenceItemId}>
              <span className="recs-link-title">{title}</span>
              <span className="recs-tag">{e.cited ? 'Cited in the text' : 'Not cited in the text yet'}</span>
              {e.changedSinceVerified ? <ChangedMark /> : null}
              <Button className="button button-small" aria-label={`Verify ${title}`} onPress={() => void linkAction('recommendation-verify', { evidenceItemId: e.evidenceItemId })}>
                Verify
              </Button>
              <Button className="button button-small" aria-label={`Unlink ${title}`} onPress={() => void linkAction('recommendation-unlink', { evidenceItemId: e.evidenceItemId })}>
                Unlink
              </Button>
            </li>
          );
        })}
      </ul>
      <div className="recs-add-link">
        <PickField
          label="Evidence to link"
          options={evidenceOptions}
          value={evidenceChoice}
          onChange={setEvidenceChoice}
          placeholder={props.evidence.length === 0 ? 'No evidence in the list yet' : 'Choose evidence…'}
          isDisabled={evidenceOptions.length === 0}
        />
        <Button
          className="button"
          isDisabled={!evidenceChoice}
          onPress={async () => {
            if (evidenceChoice && (await linkAction('recommendation-link', { evidenceItemId: evidenceChoice }))) setEvidenceChoice(null);
          }}
        >
          Link evidence
        </Button>
      </div>
      <ErrorMessage message={linkError} />
      <div className="recs-detail-foot">
        <Button className="button" onPress={() => props.onDelete(rec)}>
          Delete recommendation {rec.label}
        </Button>
      </div>
    </section>
  );
}
