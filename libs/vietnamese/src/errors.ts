/**
 * Raised when a piece of Vietnamese-formatted input (a date, a number) cannot be read. The message
 * says what was expected, so a person can correct the input; callers in a domain wrap it into their
 * own DomainRuleViolation when the input is part of a command.
 */
export class VietnameseFormatError extends Error {
  constructor(
    message: string,
    readonly input: string,
    readonly expected: string,
  ) {
    super(message);
    this.name = 'VietnameseFormatError';
  }
}
