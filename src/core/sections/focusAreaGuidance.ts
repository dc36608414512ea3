import type { SectionGuidance } from '../../shared/schemas/section';

/**
 * What a council's own focus area starts with. Focus areas are the council's choice (regeneration,
 * culture, children's services improvement…), so the guidance is about why the peers are asked to
 * look there, in our own words. A saved template keeps whatever the team has made of it.
 */
export const FOCUS_AREA_GUIDANCE: SectionGuidance = {
  questions: [
    'Why has the council asked the peers to look at this area, and what does it want to learn?',
    'What is the council trying to achieve here, with whom, and what difference has it made so far?',
    'What are the risks, and how is the council managing them?',
  ],
  tips: [
    'Open with two to four headline statements, as for the five themes.',
    'End with a question for the peers, so they know what advice you want.',
    'Point to the evidence: strategies, board papers, performance data.',
  ],
};

/** A focus area is shorter than a core theme. */
export const FOCUS_AREA_WORD_TARGET = 2000;
