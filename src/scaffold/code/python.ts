// Python handlers: `app.py` with `lambda_handler(event, context)`, per trigger, standard library only.
import type { TriggerKind } from '../options';
import { lineOf, type CodeRequest, type HandlerCode } from './types';

const BODIES: Record<TriggerKind, string> = {
  none: `def lambda_handler(event, context):
    name = event.get("name", "world") if isinstance(event, dict) else "world"
    print(f"Request {context.aws_request_id} for {name}")
    return {"message": f"Hello, {name}!"}
`,
  api: `import json


# API Gateway passes the request as a proxy event (payload 1.0) and answers with what this returns.
def lambda_handler(event, context):
    name = (event.get("queryStringParameters") or {}).get("name", "world")
    print(f"{event['httpMethod']} {event['path']}")
    return {
        "statusCode": 200,
        "headers": {"Content-Type": "application/json"},
        "body": json.dumps({"message": f"Hello, {name}!", "path": event["path"]}),
    }
`,
  httpapi: `import json


# The HTTP API passes the request as a payload 2.0 event and answers with what this returns.
def lambda_handler(event, context):
    name = (event.get("queryStringParameters") or {}).get("name", "world")
    print(event["routeKey"])
    return {
        "statusCode": 200,
        "headers": {"Content-Type": "application/json"},
        "body": json.dumps({"message": f"Hello, {name}!", "route": event["routeKey"]}),
    }
`,
  s3: `from urllib.parse import unquote_plus


def lambda_handler(event, context):
    for record in event["Records"]:
        bucket = record["s3"]["bucket"]["name"]
        # S3 URL-encodes object keys in its notifications, with spaces as '+'.
        key = unquote_plus(record["s3"]["object"]["key"])
        size = record["s3"]["object"].get("size", 0)
        print(f"{record['eventName']}: s3://{bucket}/{key} ({size} bytes)")
`,
  sqs: `def lambda_handler(event, context):
    batch_item_failures = []
    for record in event["Records"]:
        try:
            process_message(record)
        except Exception as error:
            print(f"Message {record['messageId']} failed: {error!r}")
            # Only the messages reported here go back to the queue (FunctionResponseTypes: ReportBatchItemFailures).
            batch_item_failures.append({"itemIdentifier": record["messageId"]})
    return {"batchItemFailures": batch_item_failures}


def process_message(record):
    print(f"Message {record['messageId']}: {record['body']}")
`,
  schedule: `def lambda_handler(event, context):
    rule = (event.get("resources") or ["a schedule"])[0]
    print(f"Scheduled run at {event['time']} by {rule}")
`,
  eventbridge: `import json


def lambda_handler(event, context):
    print(f"{event['detail-type']} from {event['source']}: {json.dumps(event['detail'])}")
`,
  dynamodb: `import json


def lambda_handler(event, context):
    for record in event["Records"]:
        print(f"{record['eventName']} {json.dumps(record['dynamodb'].get('Keys'))}")
`,
};

export function pythonCode(request: CodeRequest): HandlerCode {
  const content = `# ${request.summary}\n${BODIES[request.trigger]}`;
  return {
    files: [{ path: 'app.py', content }],
    handler: 'app.lambda_handler',
    handlerFile: 'app.py',
    handlerLine: lineOf(content, 'def lambda_handler'),
  };
}
