/** The run cannot go on, for a reason the final comment states (bad policy, missing model, …). */
export class RunFailed extends Error {}

/** The request is refused (fix on a fork PR, no plan to approve, …); said in the final comment. */
export class RunRefused extends Error {}
