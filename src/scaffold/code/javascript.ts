// Node.js handlers in JavaScript: one ES module (`app.mjs`) with an async `handler`, per trigger.
import type { TriggerKind } from '../options';
import { lineOf, type CodeRequest, type HandlerCode } from './types';

const BODIES: Record<TriggerKind, string> = {
  none: `export const handler = async (event, context) => {
  const name = event?.name ?? 'world';
  console.log(\`Request \${context.awsRequestId} for \${name}\`);
  return { message: \`Hello, \${name}!\` };
};
`,
  api: `// API Gateway passes the request as a proxy event (payload 1.0) and answers with what this returns.
export const handler = async (event) => {
  const name = event.queryStringParameters?.name ?? 'world';
  console.log(\`\${event.httpMethod} \${event.path}\`);
  return {
    statusCode: 200,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ message: \`Hello, \${name}!\`, path: event.path }),
  };
};
`,
  httpapi: `// The HTTP API passes the request as a payload 2.0 event and answers with what this returns.
export const handler = async (event) => {
  const name = event.queryStringParameters?.name ?? 'world';
  console.log(event.routeKey);
  return {
    statusCode: 200,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ message: \`Hello, \${name}!\`, route: event.routeKey }),
  };
};
`,
  s3: `export const handler = async (event) => {
  for (const record of event.Records) {
    const bucket = record.s3.bucket.name;
    // S3 URL-encodes object keys in its notifications, with spaces as '+'.
    const key = decodeURIComponent(record.s3.object.key.replace(/\\+/g, ' '));
    console.log(\`\${record.eventName}: s3://\${bucket}/\${key} (\${record.s3.object.size} bytes)\`);
  }
};
`,
  sqs: `export const handler = async (event) => {
  const batchItemFailures = [];
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

async function processMessage(record) {
  console.log(\`Message \${record.messageId}: \${record.body}\`);
}
`,
  schedule: `export const handler = async (event) => {
  console.log(\`Scheduled run at \${event.time} by \${event.resources?.[0] ?? 'a schedule'}\`);
};
`,
  eventbridge: `export const handler = async (event) => {
  console.log(\`\${event['detail-type']} from \${event.source}: \${JSON.stringify(event.detail)}\`);
};
`,
  dynamodb: `export const handler = async (event) => {
  for (const record of event.Records) {
    console.log(\`\${record.eventName} \${JSON.stringify(record.dynamodb.Keys)}\`);
  }
};
`,
};

export function javaScriptCode(request: CodeRequest): HandlerCode {
  const content = `// ${request.summary}\n${BODIES[request.trigger]}`;
  return {
    files: [{ path: 'app.mjs', content }],
    handler: 'app.handler',
    handlerFile: 'app.mjs',
    handlerLine: lineOf(content, 'export const handler'),
  };
}
