/** `sandbox: namespaces` was asked for and cannot be set up here; the message says what is missing. */
export class SandboxUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SandboxUnavailableError';
  }
}
