/** Base of every error about a rule set's content. `code` is stable; Step Functions matches on `name`. */
export class RuleSetError extends Error {
  readonly code: string = 'invalid_rule_set';

  constructor(
    message: string,
    readonly brand: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'RuleSetError';
  }
}
