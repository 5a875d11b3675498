// HTTP events: API Gateway REST (payload 1.0), HTTP API (2.0, or 1.0 on request), function URLs, ALB.
// REST and HTTP API events start from SAM's samples (same keys and defaults as `generate-event apigateway ...`)
// and take the route, method, stage, account and region from the trigger (lambda-spec §7.3, §7.4).
import { generateEvent } from './catalogue';
import { clfTime, type EventContext } from './context';
import { asObject, child, type JsonObject } from './json';
import { isObject, stringProp, type Properties } from './properties';
import { hasBody, SAMPLE_BODY, sampleMethod, sampleRoute, type SampleRoute } from './routes';

/** SAM's implicit REST API (ServerlessRestApi) deploys the stage `Prod`. */
const IMPLICIT_REST_STAGE = 'Prod';
const REST_API_ID = '1234567890';

interface HttpRequest {
  method: string;
  route: SampleRoute;
  stage: string;
}

/** `Api` trigger: an API Gateway REST proxy event (payload 1.0). */
export function restApiEvent(ctx: EventContext, props: Properties): JsonObject {
  const request = { method: sampleMethod(stringProp(props, 'Method')), route: sampleRoute(stringProp(props, 'Path')),
    stage: IMPLICIT_REST_STAGE };
  const event = payloadV1(ctx, request);
  applyRequestParameters(event, props.RequestParameters);
  return event;
}

/** `HttpApi` trigger: an HTTP API event, payload 2.0 unless `PayloadFormatVersion: "1.0"`. */
export function httpApiEvent(ctx: EventContext, props: Properties): JsonObject {
  const declaredMethod = stringProp(props, 'Method');
  const declaredPath = stringProp(props, 'Path');
  // Without Path and Method SAM routes every request to the function: the `$default` route.
  const isDefaultRoute = declaredPath === undefined && declaredMethod === undefined;
  const route = sampleRoute(isDefaultRoute ? '/' : declaredPath);
  const upperMethod = (declaredMethod ?? 'ANY').toUpperCase();
  const routeMethod = upperMethod === 'X-AMAZON-APIGATEWAY-ANY-METHOD' ? 'ANY' : upperMethod;
  const routeKey = isDefaultRoute ? '$default' : `${routeMethod} ${route.resource}`;
  const request: HttpRequest = { method: sampleMethod(declaredMethod), route, stage: '$default' };
  // An unquoted `1.0` in YAML arrives as the number 1.
  if (['1.0', '1'].includes(stringProp(props, 'PayloadFormatVersion') ?? '')) return httpApiPayloadV1(ctx, request, routeKey);
  return payloadV2(ctx, request, routeKey);
}

function payloadV1(ctx: EventContext, { method, route, stage }: HttpRequest): JsonObject {
  const event = asObject(generateEvent('apigateway', 'aws-proxy', {
    method, path: route.path.slice(1), resource: route.resource, stage,
    'account-id': ctx.accountId, 'dns-suffix': `${ctx.region}.amazonaws.com`,
  }));
  setBodyV1(event, method);
  event.pathParameters = route.pathParameters;
  const headers = child(event, 'headers');
  const multiValueHeaders = child(event, 'multiValueHeaders');
  // SAM's sample names two different hosts; a real request has one.
  multiValueHeaders.Host = [headers.Host];
  if (event.body !== null) {
    headers['Content-Type'] = 'application/json';
    multiValueHeaders['Content-Type'] = ['application/json'];
  }
  const requestContext = child(event, 'requestContext');
  const apiId = typeof requestContext.apiId === 'string' ? requestContext.apiId : REST_API_ID;
  Object.assign(requestContext, {
    requestId: ctx.uuid(1),
    extendedRequestId: Buffer.from(ctx.hex(22, 2), 'hex').toString('base64'),
    requestTime: clfTime(ctx.now),
    requestTimeEpoch: ctx.now.getTime(),
    domainName: `${apiId}.execute-api.${ctx.region}.amazonaws.com`,
  });
  Object.assign(child(requestContext, 'identity'), { apiKey: null, apiKeyId: null, principalOrgId: null });
  return event;
}

function httpApiPayloadV1(ctx: EventContext, request: HttpRequest, routeKey: string): JsonObject {
  const event = { version: '1.0', ...payloadV1(ctx, request) };
  const requestContext = child(event, 'requestContext');
  const apiId = typeof requestContext.apiId === 'string' ? requestContext.apiId : REST_API_ID;
  Object.assign(requestContext, {
    path: request.route.path,
    resourceId: routeKey,
    routeKey,
    domainPrefix: apiId,
  });
  return event;
}

function payloadV2(ctx: EventContext, { method, route, stage }: HttpRequest, routeKey: string): JsonObject {
  const event = asObject(generateEvent('apigateway', 'http-api-proxy', {
    method, path: route.path.slice(1), stage,
    'account-id': ctx.accountId, 'dns-suffix': `${ctx.region}.amazonaws.com`,
  }));
  event.routeKey = routeKey;
  Object.assign(child(event, 'requestContext'), {
    routeKey, requestId: Buffer.from(ctx.hex(12, 1), 'hex').toString('base64'),
    time: clfTime(ctx.now), timeEpoch: ctx.now.getTime(),
  });
  setBodyV2(event, method);
  if (route.pathParameters) event.pathParameters = route.pathParameters;
  else delete event.pathParameters;
  return event;
}

/** A function URL request (lambda-spec §7.3): payload 2.0 on the `$default` route of `<url-id>.lambda-url.<region>.on.aws`. */
export function functionUrlEvent(ctx: EventContext, authType: 'NONE' | 'AWS_IAM'): JsonObject {
  const urlId = ctx.hex(32, 7).replace(/^[0-9]/, 'a');
  const domainName = `${urlId}.lambda-url.${ctx.region}.on.aws`;
  const authorizer = authType === 'AWS_IAM' ? {
    iam: {
      accessKey: 'AKIAIOSFODNN7EXAMPLE', accountId: ctx.accountId, callerId: 'AIDACKCEVSQ6C2EXAMPLE', cognitoIdentity: null,
      principalOrgId: null, userArn: `arn:${ctx.partition}:iam::${ctx.accountId}:user/example-user`, userId: 'AIDACKCEVSQ6C2EXAMPLE',
    },
  } : null;
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: '/',
    rawQueryString: '',
    headers: {
      accept: '*/*',
      host: domainName,
      'user-agent': 'curl/8.5.0',
      'x-amzn-trace-id': `Root=1-${Math.floor(ctx.now.getTime() / 1000).toString(16)}-${ctx.hex(24, 8)}`,
      'x-forwarded-for': '127.0.0.1',
      'x-forwarded-port': '443',
      'x-forwarded-proto': 'https',
    },
    requestContext: {
      accountId: ctx.accountId,
      apiId: urlId,
      authentication: null,
      authorizer,
      domainName,
      domainPrefix: urlId,
      http: { method: 'GET', path: '/', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'curl/8.5.0' },
      requestId: ctx.uuid(1),
      routeKey: '$default',
      stage: '$default',
      time: clfTime(ctx.now),
      timeEpoch: ctx.now.getTime(),
    },
    pathParameters: null,
    isBase64Encoded: false,
    stageVariables: null,
  };
}

/** An Application Load Balancer request to a Lambda target group (SAM's sample, in this region and account). */
export function albEvent(ctx: EventContext, props: Properties): JsonObject {
  const method = sampleMethod(stringProp(props, 'Method'));
  const route = sampleRoute(stringProp(props, 'Path'));
  const event = asObject(generateEvent('alb', 'request', {
    method, path: route.path.slice(1), 'account-id': ctx.accountId, 'dns-suffix': `${ctx.region}.elb.amazonaws.com`,
  }));
  child(event, 'requestContext').elb = {
    targetGroupArn: `arn:${ctx.partition}:elasticloadbalancing:${ctx.region}:${ctx.accountId}:targetgroup/` +
      `${ctx.fn.functionName.slice(0, 24)}/${ctx.hex(16, 9)}`,
  };
  setBodyV1(event, method);
  return event;
}

function setBodyV1(event: JsonObject, method: string): void {
  event.body = hasBody(method) ? SAMPLE_BODY : null;
  event.isBase64Encoded = false;
}

function setBodyV2(event: JsonObject, method: string): void {
  if (hasBody(method)) event.body = SAMPLE_BODY;
  else delete event.body;
  event.isBase64Encoded = false;
}

/**
 * `RequestParameters` of an `Api` event declare the query strings and headers a method takes
 * (`method.request.querystring.page`, or `{ method.request.header.X-Key: { Required: true } }`): put sample values in.
 */
function applyRequestParameters(event: JsonObject, declared: unknown): void {
  const names = Array.isArray(declared)
    ? declared.flatMap((item) => (typeof item === 'string' ? [item] : isObject(item) ? Object.keys(item) : []))
    : isObject(declared) ? Object.keys(declared) : [];
  const query: Record<string, string> = {};
  for (const name of names) {
    const match = /^method\.request\.(querystring|header)\.(.+)$/.exec(name);
    if (!match) continue;
    if (match[1] === 'querystring') {
      query[match[2]] = 'example';
    } else {
      child(event, 'headers')[match[2]] = 'example';
      child(event, 'multiValueHeaders')[match[2]] = ['example'];
    }
  }
  if (Object.keys(query).length > 0) {
    event.queryStringParameters = query;
    event.multiValueQueryStringParameters = Object.fromEntries(Object.entries(query).map(([k, v]) => [k, [v]]));
  }
}

