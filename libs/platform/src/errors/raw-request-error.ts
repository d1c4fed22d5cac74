// Nest turns Fastify's own errors (body parsing, media type) into plain HttpExceptions before any filter
// sees them, dropping the FST_ERR_* code; an onError hook keeps the original here so it can be mapped precisely.
const rawErrors = new WeakMap<object, Error>();

export function recordRawRequestError(request: object, error: Error): void {
  rawErrors.set(request, error);
}

export function rawRequestErrorOf(request: object): Error | undefined {
  return rawErrors.get(request);
}
