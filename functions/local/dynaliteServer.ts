import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import dynalite from 'dynalite';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, ResourceInUseException } from '@aws-sdk/client-dynamodb';
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

export interface LocalDynamo {
  /** `http://127.0.0.1:<port>` */
  endpoint: string;
  close(): Promise<void>;
}

export interface LocalDynamoOptions {
  /** LevelDB folder; in memory when omitted. LevelDB allows one process per folder. */
  path?: string;
  /** 0 picks a free port. */
  port?: number;
}

/** Starts dynalite on 127.0.0.1. Tables become ACTIVE at once, so tests need not wait. */
export async function startDynalite(options: LocalDynamoOptions = {}): Promise<LocalDynamo> {
  const server: Server = dynalite({ path: options.path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });

  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Creates each table that does not exist yet and waits until it is ACTIVE. */
export async function ensureTables(endpoint: string, tables: CreateTableCommandInput[]): Promise<void> {
  const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  try {
    for (const table of tables) {
      await createIfMissing(client, table);
    }
  } finally {
    client.destroy();
  }
}

async function createIfMissing(client: DynamoDBClient, table: CreateTableCommandInput): Promise<void> {
  try {
    await client.send(new CreateTableCommand(table));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) {
      throw error;
    }
  }

  for (let attempt = 0; attempt < 100; attempt++) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: table.TableName }));
    if (Table?.TableStatus === 'ACTIVE') {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`Table ${table.TableName} did not become ACTIVE`);
}
