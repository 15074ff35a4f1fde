/** Exit code thrown by a command that finished with a failure report already printed (mapped once in main.ts). */
export class ExitCode extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}
