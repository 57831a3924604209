import type { StoreLogEvent } from './batchedLogWrites';
import { parseRedirectEventJson } from './redirectEventSchema';

/**
 * Stores the redirect event carried by one queue message. A redelivered message writes its event
 * again with the same content, so the table still contains one unchanged item.
 *
 * @throws InvalidRedirectEventError when the body is not a valid redirect event. Such a message
 *   can never succeed. It fails alone, and SQS moves it to the dead-letter queue after the
 *   redrive policy's receive count.
 * @throws the storage error when the write fails, so the message is delivered again.
 */
export async function storeRedirectEvent(messageBody: string, store: StoreLogEvent): Promise<void> {
  const event = parseRedirectEventJson(messageBody);

  await store(event);
}
