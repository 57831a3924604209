import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * Key schemas of the two tables, used to create them locally. `serverless.yml` declares the same
 * keys for AWS, and the packaging test checks that the two agree.
 */
export function rulesTableDefinition(tableName: string): CreateTableCommandInput {
  return pkSkTable(tableName);
}

export function logsTableDefinition(tableName: string): CreateTableCommandInput {
  return pkSkTable(tableName);
}

function pkSkTable(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: 'S' },
      { AttributeName: 'sk', AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
  };
}
