import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { ensureTables, startDynalite } from '../../functions/local/dynaliteServer';
import { rulesTableDefinition } from '../../functions/shared/tables';

describe('startDynalite', () => {
  it('serves tables on loopback', async () => {
    const dynamo = await startDynalite();
    const client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });

    try {
      await ensureTables(dynamo.endpoint, [rulesTableDefinition('rules-a')]);
      await ensureTables(dynamo.endpoint, [rulesTableDefinition('rules-a')]);
      const { TableNames } = await client.send(new ListTablesCommand({}));

      expect(dynamo.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(TableNames).toEqual(['rules-a']);
    } finally {
      client.destroy();
      await dynamo.close();
    }
  });
});
