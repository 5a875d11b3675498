// `Cognito` trigger: the user-pool Lambda trigger events, one shape per `Trigger` (PreSignUp, PostConfirmation, ...),
// with the triggerSource Cognito sends for the most common flow of each.
import type { EventContext } from './context';
import { EventsError } from './errors';
import { clone, type JsonObject } from './json';
import { nameOf, stringListProp, type Properties } from './properties';

interface TriggerShape {
  triggerSource: string;
  request: (user: JsonObject) => JsonObject;
  response: JsonObject;
}

const CLIENT_METADATA = { exampleKey: 'exampleValue' };
/** Custom sender triggers receive the code encrypted with the pool's KMS key; a sample can only show its form. */
const ENCRYPTED_CODE = Buffer.from('example-encrypted-code').toString('base64');

const SHAPES: Readonly<Record<string, TriggerShape>> = {
  PreSignUp: {
    triggerSource: 'PreSignUp_SignUp',
    request: (user) => ({ userAttributes: user, validationData: null, clientMetadata: CLIENT_METADATA }),
    response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
  },
  PostConfirmation: {
    triggerSource: 'PostConfirmation_ConfirmSignUp',
    request: (user) => ({ userAttributes: { ...user, 'cognito:user_status': 'CONFIRMED' }, clientMetadata: CLIENT_METADATA }),
    response: {},
  },
  PreAuthentication: {
    triggerSource: 'PreAuthentication_Authentication',
    request: (user) => ({ userAttributes: user, validationData: null, userNotFound: false }),
    response: {},
  },
  PostAuthentication: {
    triggerSource: 'PostAuthentication_Authentication',
    request: (user) => ({ userAttributes: user, newDeviceUsed: false, clientMetadata: CLIENT_METADATA }),
    response: {},
  },
  CustomMessage: {
    triggerSource: 'CustomMessage_SignUp',
    request: (user) => ({
      userAttributes: user, codeParameter: '{####}', linkParameter: '{##Click Here##}', usernameParameter: null,
      clientMetadata: CLIENT_METADATA,
    }),
    response: { smsMessage: null, emailMessage: null, emailSubject: null },
  },
  DefineAuthChallenge: {
    triggerSource: 'DefineAuthChallenge_Authentication',
    request: (user) => ({ userAttributes: user, session: [], clientMetadata: CLIENT_METADATA, userNotFound: false }),
    response: { challengeName: null, issueTokens: null, failAuthentication: null },
  },
  CreateAuthChallenge: {
    triggerSource: 'CreateAuthChallenge_Authentication',
    request: (user) => ({
      userAttributes: user, challengeName: 'CUSTOM_CHALLENGE',
      session: [{ challengeName: 'SRP_A', challengeResult: true, challengeMetadata: null }],
      clientMetadata: CLIENT_METADATA, userNotFound: false,
    }),
    response: { publicChallengeParameters: null, privateChallengeParameters: null, challengeMetadata: null },
  },
  VerifyAuthChallengeResponse: {
    triggerSource: 'VerifyAuthChallengeResponse_Authentication',
    request: (user) => ({
      userAttributes: user, privateChallengeParameters: { answer: '42' }, challengeAnswer: '42',
      clientMetadata: CLIENT_METADATA, userNotFound: false,
    }),
    response: { answerCorrect: null },
  },
  PreTokenGeneration: {
    triggerSource: 'TokenGeneration_Authentication',
    request: (user) => ({
      userAttributes: user,
      groupConfiguration: { groupsToOverride: [], iamRolesToOverride: [], preferredRole: null },
      clientMetadata: CLIENT_METADATA,
    }),
    response: { claimsOverrideDetails: null },
  },
  UserMigration: {
    triggerSource: 'UserMigration_Authentication',
    request: () => ({ password: 'Example-Passw0rd', validationData: null, clientMetadata: CLIENT_METADATA }),
    response: { userAttributes: null, finalUserStatus: null, messageAction: null, desiredDeliveryMediums: null, forceAliasCreation: null },
  },
  CustomSMSSender: {
    triggerSource: 'CustomSMSSender_SignUp',
    request: (user) => ({ type: 'customSMSSenderRequestV1', code: ENCRYPTED_CODE, clientMetadata: CLIENT_METADATA, userAttributes: user }),
    response: {},
  },
  CustomEmailSender: {
    triggerSource: 'CustomEmailSender_SignUp',
    request: (user) => ({ type: 'customEmailSenderRequestV1', code: ENCRYPTED_CODE, clientMetadata: CLIENT_METADATA, userAttributes: user }),
    response: {},
  },
};

export const COGNITO_TRIGGERS: readonly string[] = Object.keys(SHAPES);

/** The trigger's `Trigger` names (a string or a list). */
export function cognitoTriggerNames(props: Properties): string[] {
  return stringListProp(props, 'Trigger');
}

export function cognitoEvent(ctx: EventContext, props: Properties, which?: string): JsonObject {
  const names = cognitoTriggerNames(props);
  const name = which ?? names[0];
  if (name === undefined) throw new EventsError(`Cognito trigger ${ctx.trigger?.id ?? ''} has no Trigger; set one of ${COGNITO_TRIGGERS.join(', ')}`);
  const shape = Object.hasOwn(SHAPES, name) ? SHAPES[name] : undefined;
  if (!shape) throw new EventsError(`unknown Cognito Trigger "${name}"; valid triggers: ${COGNITO_TRIGGERS.join(', ')}`);
  const pool = nameOf(props.UserPool) ?? 'ExampleUserPool';
  // `!Ref` of a user pool is its id, `<region>_<id>`; an unresolved reference keeps the logical id readable.
  const userPoolId = /^[a-z]{2}(-[a-z]+)+-\d_[0-9A-Za-z]+$/.test(pool) ? pool : `${ctx.region}_${pool.replace(/[^0-9A-Za-z]/g, '')}`;
  const sub = ctx.uuid(1);
  const user = { sub, email_verified: 'true', email: 'user@example.com' };
  return clone({
    version: '1',
    triggerSource: shape.triggerSource,
    region: ctx.region,
    userPoolId,
    userName: name === 'UserMigration' ? 'user@example.com' : sub,
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: ctx.hex(26, 2) },
    request: shape.request(user),
    response: shape.response,
  });
}
