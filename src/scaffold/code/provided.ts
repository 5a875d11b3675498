// A custom runtime (provided.al2023) in bash, in the manner of AWS's custom runtime tutorial: an executable
// `bootstrap` that loops over the Runtime API with curl, and `function.sh` whose `handler` does the work.
import type { TriggerKind } from '../options';
import { lineOf, type CodeRequest, type HandlerCode } from './types';

const BOOTSTRAP = `#!/bin/bash
# The custom runtime: Lambda runs this executable, which loads the handler named by Handler (\`function.handler\`:
# the shell function \`handler\` in function.sh), then serves events through the Runtime API for as long as the
# environment lives — next event, run the handler, post what it printed as the response (or an error).
set -euo pipefail

RUNTIME_API="http://\${AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime"
HANDLER_FILE="\${LAMBDA_TASK_ROOT}/\${_HANDLER%%.*}.sh"
HANDLER_NAME="\${_HANDLER#*.}"

# Init: load the handler, or tell Lambda why not and stop.
if ! source "$HANDLER_FILE" || ! declare -F "$HANDLER_NAME" > /dev/null; then
  curl -sS -o /dev/null -X POST "$RUNTIME_API/init/error" \\
    -H 'Lambda-Runtime-Function-Error-Type: Runtime.HandlerNotFound' \\
    --data-raw "{\\"errorType\\":\\"Runtime.HandlerNotFound\\",\\"errorMessage\\":\\"no function $HANDLER_NAME in $HANDLER_FILE\\"}"
  exit 1
fi

# Invoke: one event at a time. The reply to /next holds the event as its body and the request id in a header.
while true; do
  REPLY="$(curl -sS -i "$RUNTIME_API/invocation/next")"
  HEADERS="\${REPLY%%$'\\r\\n\\r\\n'*}"
  EVENT="\${REPLY#*$'\\r\\n\\r\\n'}"
  REQUEST_ID="$(grep -i '^Lambda-Runtime-Aws-Request-Id:' <<< "$HEADERS" | cut -d: -f2 | tr -d '[:space:]')"
  if RESPONSE="$("$HANDLER_NAME" "$EVENT")"; then
    curl -sS -o /dev/null -X POST "$RUNTIME_API/invocation/$REQUEST_ID/response" --data-raw "$RESPONSE"
  else
    STATUS=$?
    curl -sS -o /dev/null -X POST "$RUNTIME_API/invocation/$REQUEST_ID/error" \\
      -H 'Lambda-Runtime-Function-Error-Type: Unhandled' \\
      --data-raw "{\\"errorType\\":\\"HandlerError\\",\\"errorMessage\\":\\"$HANDLER_NAME exited with status $STATUS\\"}"
  fi
done
`;

/** Reading a few values out of an event without jq (which Lambda's OS-only runtimes do not have). */
const JSON_HELPERS = `# The string values of key $1 in the JSON text $2, one a line. Enough for these events; for more, bundle jq.
json_strings() {
  grep -o "\\"$1\\" *: *\\"[^\\"]*\\"" <<< "$2" | sed 's/^.*: *"\\(.*\\)"$/\\1/' || true
}

# The first string value of key $1 in the JSON text $2.
json_string() {
  json_strings "$1" "$2" | sed -n 1p
}
`;

const HANDLERS: Record<TriggerKind, string> = {
  none: `handler() {
  local name
  name="$(json_string name "$1")"
  echo "Hello, \${name:-world}, from bash" >&2
  printf '{"message":"Hello, %s!"}\\n' "\${name:-world}"
}
`,
  api: `# API Gateway passes the request as a proxy event (payload 1.0) and answers with what this prints.
handler() {
  local method path
  method="$(json_string httpMethod "$1")"
  path="$(json_string resource "$1")"
  echo "$method $path" >&2
  printf '{"statusCode":200,"headers":{"Content-Type":"application/json"},"body":"{\\\\"message\\\\":\\\\"Hello from bash\\\\",\\\\"path\\\\":\\\\"%s\\\\"}"}\\n' "$path"
}
`,
  httpapi: `# The HTTP API passes the request as a payload 2.0 event and answers with what this prints.
handler() {
  local route
  route="$(json_string routeKey "$1")"
  echo "$route" >&2
  printf '{"statusCode":200,"headers":{"Content-Type":"application/json"},"body":"{\\\\"message\\\\":\\\\"Hello from bash\\\\",\\\\"route\\\\":\\\\"%s\\\\"}"}\\n' "$route"
}
`,
  s3: `handler() {
  local event_name bucket key
  event_name="$(json_string eventName "$1")"
  bucket="$(json_string name "$1")"
  key="$(json_string key "$1")"
  echo "$event_name: s3://$bucket/$key" >&2
  echo null
}
`,
  sqs: `handler() {
  local id
  while read -r id; do
    if [ -n "$id" ]; then echo "Message $id" >&2; fi
  done <<< "$(json_strings messageId "$1")"
  # List failed messages here ({"itemIdentifier":"<messageId>"}): only they go back to the queue.
  echo '{"batchItemFailures":[]}'
}
`,
  schedule: `handler() {
  echo "Scheduled run at $(json_string time "$1")" >&2
  echo null
}
`,
  eventbridge: `handler() {
  echo "$(json_string detail-type "$1") from $(json_string source "$1")" >&2
  echo null
}
`,
  dynamodb: `handler() {
  local change
  while read -r change; do
    if [ -n "$change" ]; then echo "$change record" >&2; fi
  done <<< "$(json_strings eventName "$1")"
  echo null
}
`,
};

export function providedCode(request: CodeRequest): HandlerCode {
  const content = `# ${request.summary}
# Called by ./bootstrap: \`handler\` gets the event (JSON text) as $1 and prints the response on stdout;
# what it writes to stderr goes to the function's log.

${JSON_HELPERS}
${HANDLERS[request.trigger]}`;
  return {
    files: [
      { path: 'bootstrap', content: BOOTSTRAP, executable: true },
      { path: 'function.sh', content, executable: true },
    ],
    handler: 'function.handler',
    handlerFile: 'function.sh',
    handlerLine: lineOf(content, 'handler()'),
  };
}
