import { Logger } from '@aws-lambda-powertools/logger';

/** The one structured logger. Powertools writes JSON lines with the service name and, in Lambda, the request id. */
export const logger = new Logger({ serviceName: 'form-router' });
