// Node.js handlers in TypeScript: `app.ts` typed with @types/aws-lambda for its trigger, a package.json with the
// build's dev dependencies, and the esbuild Metadata `sam init` writes for TypeScript functions.
import type { TriggerKind } from '../options';
import { lineOf, type CodeRequest, type HandlerCode } from './types';

/** Versions current when this was written; `npm install` takes the newest compatible ones. */
const TYPES_AWS_LAMBDA = '^8.10.164';
const ESBUILD = '^0.28.2';

function body(trigger: TriggerKind, base: string): string {
  switch (trigger) {
    case 'none':
      return `import type { Handler } from 'aws-lambda';

interface GreetingEvent {
  name?: string;
}

interface Greeting {
  message: string;
}

export const handler: Handler<GreetingEvent, Greeting> = async (event, context) => {
  const name = event?.name ?? 'world';
  console.log(\`Request \${context.awsRequestId} for \${name}\`);
  return { message: \`Hello, \${name}!\` };
};
`;
    case 'api':
      return `import type { APIGatewayProxyHandler } from 'aws-lambda';

// API Gateway passes the request as a proxy event (payload 1.0) and answers with what this returns.
export const handler: APIGatewayProxyHandler = async (event) => {
  const name = event.queryStringParameters?.name ?? 'world';
  console.log(\`\${event.httpMethod} \${event.path}\`);
  return {
    statusCode: 200,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ message: \`Hello, \${name}!\`, path: event.path }),
  };
};
`;
    case 'httpapi':
      return `import type { APIGatewayProxyHandlerV2 } from 'aws-lambda';

// The HTTP API passes the request as a payload 2.0 event and answers with what this returns.
export const handler: APIGatewayProxyHandlerV2 = async (event) => {
  const name = event.queryStringParameters?.name ?? 'world';
  console.log(event.routeKey);
  return {
    statusCode: 200,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ message: \`Hello, \${name}!\`, route: event.routeKey }),
  };
};
`;
    case 's3':
      return `import type { S3Handler } from 'aws-lambda';

export const handler: S3Handler = async (event) => {
  for (const record of event.Records) {
    const bucket = record.s3.bucket.name;
    // S3 URL-encodes object keys in its notifications, with spaces as '+'.
    const key = decodeURIComponent(record.s3.object.key.replace(/\\+/g, ' '));
    console.log(\`\${record.eventName}: s3://\${bucket}/\${key} (\${record.s3.object.size} bytes)\`);
  }
};
`;
    case 'sqs':
      return `import type { SQSBatchItemFailure, SQSHandler, SQSRecord } from 'aws-lambda';

export const handler: SQSHandler = async (event) => {
  const batchItemFailures: SQSBatchItemFailure[] = [];
  for (const record of event.Records) {
    try {
      await processMessage(record);
    } catch (error) {
      console.error(\`Message \${record.messageId} failed:\`, error);
      // Only the messages reported here go back to the queue (FunctionResponseTypes: ReportBatchItemFailures).
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
};

async function processMessage(record: SQSRecord): Promise<void> {
  console.log(\`Message \${record.messageId}: \${record.body}\`);
}
`;
    case 'schedule':
      return `import type { ScheduledHandler } from 'aws-lambda';

export const handler: ScheduledHandler = async (event) => {
  console.log(\`Scheduled run at \${event.time} by \${event.resources[0] ?? 'a schedule'}\`);
};
`;
    case 'eventbridge':
      return `import type { EventBridgeHandler } from 'aws-lambda';

type ${base}Detail = Record<string, unknown>;

export const handler: EventBridgeHandler<'${base} Updated', ${base}Detail, void> = async (event) => {
  console.log(\`\${event['detail-type']} from \${event.source}: \${JSON.stringify(event.detail)}\`);
};
`;
    case 'dynamodb':
      return `import type { DynamoDBStreamHandler } from 'aws-lambda';

export const handler: DynamoDBStreamHandler = async (event) => {
  for (const record of event.Records) {
    console.log(\`\${record.eventName} \${JSON.stringify(record.dynamodb?.Keys)}\`);
  }
};
`;
  }
}

export function typeScriptCode(request: CodeRequest): HandlerCode {
  const { names } = request;
  const content = `// ${request.summary}\n${body(request.trigger, names.base)}`;
  const packageJson = {
    name: names.kebab,
    version: '1.0.0',
    private: true,
    description: request.summary,
    devDependencies: { '@types/aws-lambda': TYPES_AWS_LAMBDA, esbuild: ESBUILD },
  };
  const tsconfig = { compilerOptions: { target: 'es2022', module: 'node16', strict: true, noEmit: true, skipLibCheck: true } };
  return {
    files: [
      { path: 'app.ts', content },
      { path: 'package.json', content: `${JSON.stringify(packageJson, null, 2)}\n` },
      { path: 'tsconfig.json', content: `${JSON.stringify(tsconfig, null, 2)}\n` },
    ],
    handler: 'app.handler',
    handlerFile: 'app.ts',
    handlerLine: lineOf(content, 'export const handler'),
    // What `sam init` writes for a TypeScript function, so `sam build` bundles app.ts with esbuild.
    metadata: {
      BuildMethod: 'esbuild',
      BuildProperties: { Minify: false, Target: 'es2022', Sourcemap: true, EntryPoints: ['app.ts'] },
    },
  };
}
