// HTTP triggers: API Gateway REST (payload 1.0), HTTP API (2.0 and 1.0), function URLs and ALB, built from the
// trigger's route; shapes of lambda-spec §7.3/§7.4 and of SAM's samples.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lib } from '../helpers/invoke.mjs';
import { eventOf, fn, NOW, template } from './model.mjs';

const keysOf = (value) => Object.keys(value).sort();

test('Api: a REST proxy event for the route, with path parameters filled in', () => {
  const event = eventOf(lib, 'Api', { Path: '/items/{id}', Method: 'get' });
  assert.equal(event.resource, '/items/{id}');
  assert.equal(event.path, '/items/1');
  assert.equal(event.httpMethod, 'GET');
  assert.deepEqual(event.pathParameters, { id: '1' });
  assert.equal(event.requestContext.resourcePath, '/items/{id}');
  assert.equal(event.requestContext.httpMethod, 'GET');
  assert.equal(event.requestContext.path, '/Prod/items/1');
  assert.equal(event.requestContext.stage, 'Prod');
  assert.equal(event.requestContext.accountId, '123456789012');
  assert.equal(event.requestContext.requestTimeEpoch, NOW.getTime());
  assert.equal(event.requestContext.requestTime, '06/May/2024:07:08:09 +0000');
  assert.equal(event.requestContext.domainName, '1234567890.execute-api.us-east-1.amazonaws.com');
  assert.equal(event.headers.Host, '1234567890.execute-api.us-east-1.amazonaws.com');
  assert.deepEqual(event.multiValueHeaders.Host, [event.headers.Host]);
  assert.equal(event.body, null);
  assert.equal(event.isBase64Encoded, false);
});

test('Api: every key of SAM aws-proxy sample is there, plus the spec keys SAM leaves out', () => {
  const sample = lib.generateEvent('apigateway', 'aws-proxy');
  const event = eventOf(lib, 'Api', { Path: '/', Method: 'get' });
  for (const key of Object.keys(sample)) assert.ok(key in event, key);
  for (const key of Object.keys(sample.requestContext)) assert.ok(key in event.requestContext, key);
  for (const key of ['extendedRequestId', 'domainName']) assert.ok(key in event.requestContext, key);
  for (const key of ['apiKey', 'sourceIp', 'userAgent', 'cognitoIdentityId']) assert.ok(key in event.requestContext.identity, key);
});

test('Api: ANY becomes GET; {proxy+} takes a multi-segment sample; no parameters gives pathParameters null', () => {
  const proxy = eventOf(lib, 'Api', { Path: '/{proxy+}', Method: 'ANY' });
  assert.equal(proxy.httpMethod, 'GET');
  assert.equal(proxy.resource, '/{proxy+}');
  assert.equal(proxy.path, '/path/to/resource');
  assert.deepEqual(proxy.pathParameters, { proxy: 'path/to/resource' });
  const plain = eventOf(lib, 'Api', { Path: '/hello', Method: 'get' });
  assert.equal(plain.pathParameters, null);
  const several = eventOf(lib, 'Api', { Path: '/users/{userId}/files/{name}', Method: 'get' });
  assert.equal(several.path, '/users/1/files/example');
  assert.deepEqual(several.pathParameters, { userId: '1', name: 'example' });
});

test('Api: a method with a body carries a JSON body as text', () => {
  const event = eventOf(lib, 'Api', { Path: '/items', Method: 'post' });
  assert.equal(event.httpMethod, 'POST');
  assert.deepEqual(JSON.parse(event.body), { test: 'body' });
  assert.equal(event.isBase64Encoded, false);
  assert.equal(event.headers['Content-Type'], 'application/json');
});

test('Api: declared RequestParameters become query strings and headers', () => {
  const event = eventOf(lib, 'Api', { Path: '/search', Method: 'get', RequestParameters: [
    'method.request.querystring.q', { 'method.request.header.X-Tenant': { Required: true } },
  ] });
  assert.deepEqual(event.queryStringParameters, { q: 'example' });
  assert.deepEqual(event.multiValueQueryStringParameters, { q: ['example'] });
  assert.equal(event.headers['X-Tenant'], 'example');
  assert.deepEqual(event.multiValueHeaders['X-Tenant'], ['example']);
});

test('Api: region and account come from options, then the template, then the defaults', () => {
  const fromOptions = eventOf(lib, 'Api', { Path: '/', Method: 'get' }, { options: { region: 'eu-west-1', accountId: '111122223333' } });
  assert.equal(fromOptions.requestContext.accountId, '111122223333');
  assert.equal(fromOptions.requestContext.domainName, '1234567890.execute-api.eu-west-1.amazonaws.com');
  const fromTemplate = eventOf(lib, 'Api', { Path: '/', Method: 'get' },
    { tpl: template({ parameters: { 'AWS::Region': 'ap-south-1', 'AWS::AccountId': '222233334444' } }) });
  assert.equal(fromTemplate.requestContext.accountId, '222233334444');
  assert.equal(fromTemplate.headers.Host, '1234567890.execute-api.ap-south-1.amazonaws.com');
});

test('HttpApi: payload 2.0 with routeKey "METHOD /path", rawPath and path parameters', () => {
  const event = eventOf(lib, 'HttpApi', { Path: '/items/{id}', Method: 'get' });
  assert.equal(event.version, '2.0');
  assert.equal(event.routeKey, 'GET /items/{id}');
  assert.equal(event.rawPath, '/items/1');
  assert.deepEqual(event.pathParameters, { id: '1' });
  assert.equal(event.requestContext.routeKey, 'GET /items/{id}');
  assert.equal(event.requestContext.http.method, 'GET');
  assert.equal(event.requestContext.http.path, '/items/1');
  assert.equal(event.requestContext.stage, '$default');
  assert.equal(event.requestContext.timeEpoch, NOW.getTime());
  assert.equal(event.requestContext.time, '06/May/2024:07:08:09 +0000');
  assert.equal(event.body, undefined);
  assert.equal(event.isBase64Encoded, false);
  assert.equal(event.multiValueHeaders, undefined);
  for (const key of Object.keys(lib.generateEvent('apigateway', 'http-api-proxy'))) {
    if (key !== 'body') assert.ok(key in event, key);
  }
});

test('HttpApi: ANY keeps its route key and is sent as GET; no Path/Method is the $default route', () => {
  const any = eventOf(lib, 'HttpApi', { Path: '/{proxy+}', Method: 'ANY' });
  assert.equal(any.routeKey, 'ANY /{proxy+}');
  assert.equal(any.requestContext.http.method, 'GET');
  assert.equal(any.rawPath, '/path/to/resource');
  assert.deepEqual(any.pathParameters, { proxy: 'path/to/resource' });
  const catchAll = eventOf(lib, 'HttpApi', {});
  assert.equal(catchAll.routeKey, '$default');
  assert.equal(catchAll.rawPath, '/');
  assert.equal(catchAll.pathParameters, undefined);
  const post = eventOf(lib, 'HttpApi', { Path: '/orders', Method: 'POST' });
  assert.deepEqual(JSON.parse(post.body), { test: 'body' });
});

test('HttpApi with PayloadFormatVersion "1.0": the v1 shape with version "1.0" and the $default stage', () => {
  const event = eventOf(lib, 'HttpApi', { Path: '/items/{id}', Method: 'put', PayloadFormatVersion: '1.0' });
  assert.equal(event.version, '1.0');
  assert.equal(event.resource, '/items/{id}');
  assert.equal(event.path, '/items/1');
  assert.equal(event.httpMethod, 'PUT');
  assert.deepEqual(event.pathParameters, { id: '1' });
  assert.ok(Array.isArray(event.multiValueHeaders.Host));
  assert.equal(event.requestContext.stage, '$default');
  assert.equal(event.requestContext.path, '/items/1');
  assert.equal(event.requestContext.routeKey, 'PUT /items/{id}');
  assert.equal(event.routeKey, undefined);
  assert.equal(eventOf(lib, 'HttpApi', { Path: '/', Method: 'get', PayloadFormatVersion: 1.0 }).version, '1.0');
});

test('function URL: payload 2.0 on $default at <url-id>.lambda-url.<region>.on.aws (spec §7.3)', () => {
  const f = fn({ functionUrl: { authType: 'NONE', invokeMode: 'BUFFERED' } });
  const event = lib.eventForFunctionUrl(f, template(), { now: NOW, region: 'eu-central-1' });
  assert.deepEqual(keysOf(event), ['headers', 'isBase64Encoded', 'pathParameters', 'rawPath', 'rawQueryString', 'requestContext',
    'routeKey', 'stageVariables', 'version']);
  assert.equal(event.version, '2.0');
  assert.equal(event.routeKey, '$default');
  assert.equal(event.pathParameters, null);
  assert.equal(event.stageVariables, null);
  const rc = event.requestContext;
  assert.match(rc.domainName, /^[a-z0-9]{32}\.lambda-url\.eu-central-1\.on\.aws$/);
  assert.equal(rc.domainPrefix, rc.domainName.split('.')[0]);
  assert.equal(rc.apiId, rc.domainPrefix);
  assert.equal(rc.routeKey, '$default');
  assert.equal(rc.stage, '$default');
  assert.equal(rc.authentication, null);
  assert.equal(rc.authorizer, null);
  assert.deepEqual(keysOf(rc.http), ['method', 'path', 'protocol', 'sourceIp', 'userAgent']);
  assert.equal(event.headers.host, rc.domainName);
  for (const name of Object.keys(event.headers)) assert.equal(name, name.toLowerCase());
  const iam = lib.eventForFunctionUrl(fn({ functionUrl: { authType: 'AWS_IAM', invokeMode: 'BUFFERED' } }), template(), { now: NOW });
  assert.deepEqual(keysOf(iam.requestContext.authorizer.iam),
    ['accessKey', 'accountId', 'callerId', 'cognitoIdentity', 'principalOrgId', 'userArn', 'userId']);
  assert.throws(() => lib.eventForFunctionUrl(fn(), template()), { message: 'function HelloFunction has no FunctionUrlConfig' });
});

test('ALB (for models that list it): SAM sample for the method and path, in this region and account', () => {
  const event = eventOf(lib, 'ALB', { Path: '/health', Method: 'GET' }, { options: { region: 'eu-west-1' } });
  assert.equal(event.httpMethod, 'GET');
  assert.equal(event.path, '/health');
  assert.equal(event.body, null);
  assert.match(event.requestContext.elb.targetGroupArn, /^arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup\/HelloFunction\/[0-9a-f]{16}$/);
});

test('the same trigger gives the same event (stable ids), another trigger other ids', () => {
  const a = eventOf(lib, 'Api', { Path: '/', Method: 'get' });
  const b = eventOf(lib, 'Api', { Path: '/', Method: 'get' });
  const c = eventOf(lib, 'Api', { Path: '/', Method: 'get' }, { id: 'Other' });
  assert.deepEqual(a, b);
  assert.notEqual(a.requestContext.requestId, c.requestContext.requestId);
  assert.match(a.requestContext.requestId, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});
