// What `!Ref` and `!GetAtt` give for the resources of a template, made up locally the way CloudFormation would
// name them: the resource's own name property when it has one, else its logical id, inside a plausible ARN.

/** The account, region and partition a template is "deployed" to locally. */
export interface AwsEnvironment {
  region: string;
  accountId: string;
  partition: string;
  urlSuffix: string;
}

type Build = (name: string, env: AwsEnvironment) => string;

interface ResourceKind {
  /** The property that names the resource (FunctionName, QueueName, ...). */
  nameProperty?: string;
  /** What `!Ref` returns, from the name; the name itself when left out. */
  ref?: Build;
  /** What `!GetAtt <id>.<attribute>` returns. */
  attributes: Record<string, Build>;
}

const arn = (service: string, resource: string, env: AwsEnvironment, region = env.region, account = env.accountId) =>
  `arn:${env.partition}:${service}:${region}:${account}:${resource}`;
const itself: Build = (name) => name;

const functionKind: ResourceKind = {
  nameProperty: 'FunctionName',
  attributes: { Arn: (name, env) => arn('lambda', `function:${name}`, env) },
};

function tableKind(nameProperty: string): ResourceKind {
  const tableArn: Build = (name, env) => arn('dynamodb', `table/${name}`, env);
  return {
    nameProperty,
    attributes: { Arn: tableArn, StreamArn: (name, env) => `${tableArn(name, env)}/stream/1970-01-01T00:00:00.000` },
  };
}

function stateMachineKind(nameProperty: string): ResourceKind {
  const machineArn: Build = (name, env) => arn('states', `stateMachine:${name}`, env);
  return { nameProperty, ref: machineArn, attributes: { Arn: machineArn, Name: itself } };
}

function layerKind(): ResourceKind {
  const layerArn: Build = (name, env) => arn('lambda', `layer:${name}:1`, env);
  return { nameProperty: 'LayerName', ref: layerArn, attributes: {} };
}

const topicArn: Build = (name, env) => arn('sns', name, env);
const busArn: Build = (name, env) => arn('events', `event-bus/${name}`, env);
const secretArn: Build = (name, env) => arn('secretsmanager', `secret:${name}`, env);

const KINDS: Record<string, ResourceKind> = {
  'AWS::Serverless::Function': functionKind,
  'AWS::Lambda::Function': functionKind,
  'AWS::SQS::Queue': {
    nameProperty: 'QueueName',
    attributes: {
      Arn: (name, env) => arn('sqs', name, env),
      QueueName: itself,
      QueueUrl: (name, env) => `https://sqs.${env.region}.${env.urlSuffix}/${env.accountId}/${name}`,
    },
  },
  'AWS::SNS::Topic': { nameProperty: 'TopicName', ref: topicArn, attributes: { TopicArn: topicArn, TopicName: itself } },
  'AWS::S3::Bucket': {
    nameProperty: 'BucketName',
    attributes: {
      Arn: (name, env) => `arn:${env.partition}:s3:::${name}`,
      DomainName: (name, env) => `${name}.s3.${env.urlSuffix}`,
      RegionalDomainName: (name, env) => `${name}.s3.${env.region}.${env.urlSuffix}`,
      DualStackDomainName: (name, env) => `${name}.s3.dualstack.${env.region}.${env.urlSuffix}`,
      WebsiteURL: (name, env) => `http://${name}.s3-website-${env.region}.${env.urlSuffix}`,
    },
  },
  'AWS::DynamoDB::Table': tableKind('TableName'),
  'AWS::DynamoDB::GlobalTable': tableKind('TableName'),
  'AWS::Serverless::SimpleTable': tableKind('TableName'),
  'AWS::Kinesis::Stream': { nameProperty: 'Name', attributes: { Arn: (name, env) => arn('kinesis', `stream/${name}`, env) } },
  'AWS::Events::EventBus': { nameProperty: 'Name', attributes: { Arn: busArn, Name: itself } },
  'AWS::Events::Rule': { nameProperty: 'Name', attributes: { Arn: (name, env) => arn('events', `rule/${name}`, env) } },
  'AWS::StepFunctions::StateMachine': stateMachineKind('StateMachineName'),
  'AWS::Serverless::StateMachine': stateMachineKind('Name'),
  'AWS::Logs::LogGroup': {
    nameProperty: 'LogGroupName',
    attributes: { Arn: (name, env) => arn('logs', `log-group:${name}:*`, env) },
  },
  'AWS::IAM::Role': {
    nameProperty: 'RoleName',
    attributes: { Arn: (name, env) => `arn:${env.partition}:iam::${env.accountId}:role/${name}` },
  },
  'AWS::SecretsManager::Secret': { nameProperty: 'Name', ref: secretArn, attributes: { Id: secretArn } },
  'AWS::SSM::Parameter': { nameProperty: 'Name', attributes: {} },
  'AWS::KMS::Key': { attributes: { Arn: (name, env) => arn('kms', `key/${name}`, env), KeyId: itself } },
  'AWS::Serverless::LayerVersion': layerKind(),
  'AWS::Lambda::LayerVersion': layerKind(),
};

/** The property that names a resource of this type, if CloudFormation lets you set one. */
export function nameProperty(resourceType: string): string | undefined {
  return KINDS[resourceType]?.nameProperty;
}

/** `!Ref` of a resource: its name (or logical id), or for types whose Ref is an ARN, that ARN. */
export function refValue(resourceType: string, name: string, env: AwsEnvironment): string {
  const ref = KINDS[resourceType]?.ref;
  return ref ? ref(name, env) : name;
}

/** `!GetAtt` of a resource, or undefined when this attribute cannot be made up locally. */
export function attributeValue(resourceType: string, attribute: string, name: string, env: AwsEnvironment): string | undefined {
  return KINDS[resourceType]?.attributes[attribute]?.(name, env);
}
