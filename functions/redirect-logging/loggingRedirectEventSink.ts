import type { RedirectEvent, RedirectEventSink } from './redirectEvent';
import type { UnsentEventRecorder } from './unsentRedirectEvents';

/**
 * Sink used when no queue is configured: every event goes to the structured log under the
 * unsent-event message, where `form-router logs replay` can pick it up later.
 */
export class LoggingRedirectEventSink implements RedirectEventSink {
  constructor(private readonly unsent: UnsentEventRecorder) {}

  async send(event: RedirectEvent): Promise<void> {
    this.unsent.record([event], 'no_queue_configured');
  }

  async flush(): Promise<void> {
    // Nothing is buffered: every event was written when it was sent.
  }
}
