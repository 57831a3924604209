import { parseRedirectEventJson } from './redirectEventSchema';
import type { PutEventOutcome, RedirectLogWriter } from './redirectLogStore';

/**
 * Stores the redirect event carried by one queue message. A redelivered message finds its event
 * stored and returns `duplicate`, which counts as success.
 *
 * @throws InvalidRedirectEventError when the body is not a valid redirect event. Such a message
 *   can never succeed. It fails alone, and SQS moves it to the dead-letter queue after the
 *   redrive policy's receive count.
 * @throws the storage error when the write fails, so the message is delivered again.
 */
export async function storeRedirectEvent(messageBody: string, writer: RedirectLogWriter): Promise<PutEventOutcome> {
  const event = parseRedirectEventJson(messageBody);

  return writer.putEvent(event);
}
