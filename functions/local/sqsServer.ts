import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequestHandler } from 'local-aws-sqs';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';

export interface LocalSqs {
  /** `http://127.0.0.1:<port>` */
  endpoint: string;
  /**
   * Stops accepting requests but keeps the queues and their messages, so tests can make the queue
   * unreachable for a while. `resume()` listens on the same port again.
   */
  suspend(): Promise<void>;
  resume(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts local-aws-sqs on 127.0.0.1 in this process. It keeps queues and messages in memory only,
 * so they are gone when the process stops. The AWS SDK speaks its JSON protocol to it.
 */
export async function startLocalSqs(options: { port?: number } = {}): Promise<LocalSqs> {
  // local-aws-sqs builds queue URLs from `hostname` and the port it learns once listening.
  const { service, requestHandler } = createRequestHandler({ port: options.port ?? 0, hostname: '127.0.0.1' });
  const server = createServer((request, response) => void requestHandler(request, response));
  await listen(server, options.port ?? 0);
  const { port } = server.address() as AddressInfo;
  service.PORT = port;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    suspend: () => stopListening(server),
    resume: () => listen(server, port),
    close: () => stopListening(server),
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Closes the listener and the idle keep-alive connections of SDK clients, which would hold `close` open. */
function stopListening(server: Server): Promise<void> {
  if (!server.listening) {
    return Promise.resolve();
  }

  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

export interface RedirectQueueSettings {
  queueName: string;
  deadLetterQueueName: string;
  /** Receives of one message before SQS moves it to the dead-letter queue. */
  maxReceiveCount: number;
  /** Seconds a received message stays hidden before SQS delivers it again. */
  visibilityTimeoutSeconds: number;
}

export interface RedirectQueues {
  queueUrl: string;
  queueArn: string;
  deadLetterQueueUrl: string;
}

/**
 * Creates the redirect event queue and its dead-letter queue on the local SQS at `endpoint`,
 * linked by a redrive policy. Creating them again with equal settings changes nothing.
 */
export async function createRedirectQueues(endpoint: string, settings: RedirectQueueSettings): Promise<RedirectQueues> {
  const client = new SQSClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  try {
    const deadLetter = await createQueue(client, settings.deadLetterQueueName, {});
    const redrivePolicy = { deadLetterTargetArn: deadLetter.queueArn, maxReceiveCount: settings.maxReceiveCount };
    const queue = await createQueue(client, settings.queueName, {
      VisibilityTimeout: String(settings.visibilityTimeoutSeconds),
      RedrivePolicy: JSON.stringify(redrivePolicy),
    });

    return { queueUrl: queue.queueUrl, queueArn: queue.queueArn, deadLetterQueueUrl: deadLetter.queueUrl };
  } finally {
    client.destroy();
  }
}

async function createQueue(client: SQSClient, name: string, attributes: Record<string, string>): Promise<{ queueUrl: string; queueArn: string }> {
  const { QueueUrl } = await client.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }));
  if (!QueueUrl) {
    throw new Error(`CreateQueue returned no QueueUrl for queue "${name}"`);
  }

  const { Attributes } = await client.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
  if (!Attributes?.QueueArn) {
    throw new Error(`GetQueueAttributes returned no QueueArn for queue "${QueueUrl}"`);
  }
  return { queueUrl: QueueUrl, queueArn: Attributes.QueueArn };
}
