/**
 * Input that could not even be read as JSON: pushed like a record so the normalise stage
 * rejects it with its own reason and source, the same way in both transports.
 */
export class InvalidInput {
  constructor(readonly reason: string) {}
}
