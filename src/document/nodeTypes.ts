/**
 * The `type` of the statement's own Lexical nodes, as saved in the file. The node classes
 * (src/document/nodes/) and anything that must name a type without loading the classes agree on
 * these names, so they live here.
 */
export const STATEMENT_NODE_TYPES = {
  /** Two to four short bullets that open a theme ("Our governance is robust"). */
  headlineStatements: 'headline-statements',
  /** A question the council asks the peers ("We ask the peers to…"), closing a theme. */
  questionForPeers: 'question-for-peers',
  /** An inline reference to an earlier challenge's recommendation ("Recommendation B"). */
  recommendationReference: 'recommendation-reference',
  /** A citation of an evidence item, shown as its key documents number ("[6a]"). */
  citation: 'citation',
  /** A picture stored inside the assessment, with its alt text. */
  image: 'image',
  /** The register of earlier recommendations as a table, drawn from the register when shown or exported. */
  recommendationsTable: 'recommendations-table',
} as const;
