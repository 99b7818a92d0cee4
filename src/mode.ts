/**
 * How the agent works on a request: `fix` changes the repository; `review`, `ask` and `plan` only
 * read it and answer with a review, an answer or a plan.
 */
export const MODES = ['fix', 'review', 'ask', 'plan'] as const;

export type Mode = (typeof MODES)[number];
