/** Thrown when the work queue is full: the answer is a 503 with `Retry-After`. */
export class ServiceBusyError extends Error {
  override readonly name = 'ServiceBusyError';
  constructor(
    /** Seconds after which a retry is likely to be accepted. */
    readonly retryAfter: number,
    detail = 'the service is busy: its work queue is full',
  ) {
    super(detail);
  }
}
