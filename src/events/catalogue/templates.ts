// The SAM CLI event templates, keyed `<service>/<Filename>` as event-mapping.json names them (see NOTICE).
// One import per file so esbuild inlines them; regenerate this list when the catalogue files change.

import albALBRequest from './events/alb/ALBRequest.json';
import alexaSkillsKitAlexaEndSession from './events/alexa-skills-kit/AlexaEndSession.json';
import alexaSkillsKitAlexaIntentAnswer from './events/alexa-skills-kit/AlexaIntentAnswer.json';
import alexaSkillsKitAlexaIntentGetNewFact from './events/alexa-skills-kit/AlexaIntentGetNewFact.json';
import alexaSkillsKitAlexaIntentMyColorIs from './events/alexa-skills-kit/AlexaIntentMyColorIs.json';
import alexaSkillsKitAlexaIntentRecipe from './events/alexa-skills-kit/AlexaIntentRecipe.json';
import alexaSkillsKitAlexaStartSession from './events/alexa-skills-kit/AlexaStartSession.json';
import alexaSmartHomeAlexaSmartHomeControlTurnOffRequest from './events/alexa-smart-home/AlexaSmartHomeControlTurnOffRequest.json';
import alexaSmartHomeAlexaSmartHomeControlTurnOnRequest from './events/alexa-smart-home/AlexaSmartHomeControlTurnOnRequest.json';
import alexaSmartHomeAlexaSmartHomeDiscoveryRequest from './events/alexa-smart-home/AlexaSmartHomeDiscoveryRequest.json';
import apigatewayApiGatewayAuthorizer from './events/apigateway/ApiGatewayAuthorizer.json';
import apigatewayApiGatewayRestRequestAuthorizer from './events/apigateway/ApiGatewayRestRequestAuthorizer.json';
import apigatewayAwsProxy from './events/apigateway/AwsProxy.json';
import apigatewayHttpApi from './events/apigateway/HttpApi.json';
import appsyncAppSyncDirectResolver from './events/appsync/AppSyncDirectResolver.json';
import batchBatchGetJob from './events/batch/BatchGetJob.json';
import batchBatchSubmitJob from './events/batch/BatchSubmitJob.json';
import cloudformationCfnCreateRequest from './events/cloudformation/CfnCreateRequest.json';
import cloudfrontCloudFrontABTest from './events/cloudfront/CloudFrontABTest.json';
import cloudfrontCloudFrontAccessRequestInResponse from './events/cloudfront/CloudFrontAccessRequestInResponse.json';
import cloudfrontCloudFrontHttpRedirect from './events/cloudfront/CloudFrontHttpRedirect.json';
import cloudfrontCloudFrontModifyQueryString from './events/cloudfront/CloudFrontModifyQueryString.json';
import cloudfrontCloudFrontModifyResponseHeader from './events/cloudfront/CloudFrontModifyResponseHeader.json';
import cloudfrontCloudFrontMultipleRemoteCallsAggregateResponse from './events/cloudfront/CloudFrontMultipleRemoteCallsAggregateResponse.json';
import cloudfrontCloudFrontNormalizeQuerystringToImproveCacheHit from './events/cloudfront/CloudFrontNormalizeQuerystringToImproveCacheHit.json';
import cloudfrontCloudFrontRedirectOnViewerCountry from './events/cloudfront/CloudFrontRedirectOnViewerCountry.json';
import cloudfrontCloudFrontRedirectUnauthenticatedUsers from './events/cloudfront/CloudFrontRedirectUnauthenticatedUsers.json';
import cloudfrontCloudFrontResponseGeneration from './events/cloudfront/CloudFrontResponseGeneration.json';
import cloudfrontCloudFrontServeObjectOnViewerDevice from './events/cloudfront/CloudFrontServeObjectOnViewerDevice.json';
import cloudfrontCloudFrontSimpleRemoteCall from './events/cloudfront/CloudFrontSimpleRemoteCall.json';
import cloudwatchCloudwatchLogs from './events/cloudwatch/CloudwatchLogs.json';
import cloudwatchScheduledEvent from './events/cloudwatch/ScheduledEvent.json';
import codecommitCodeCommit from './events/codecommit/CodeCommit.json';
import codepipelineCodePipeline from './events/codepipeline/CodePipeline.json';
import cognitoCognitoSyncTrigger from './events/cognito/CognitoSyncTrigger.json';
import configConfigurationItemChangeNotification from './events/config/ConfigurationItemChangeNotification.json';
import configOversizedConfigurationItemChangeNotification from './events/config/OversizedConfigurationItemChangeNotification.json';
import configPeriodicRule from './events/config/PeriodicRule.json';
import connectConnectContactFlowEvent from './events/connect/ConnectContactFlowEvent.json';
import dynamodbDynamoDBUpdate from './events/dynamodb/DynamoDBUpdate.json';
import kinesisKinesis from './events/kinesis/Kinesis.json';
import kinesisKinesisAnalytics from './events/kinesis/KinesisAnalytics.json';
import kinesisKinesisAnalyticsKpl from './events/kinesis/KinesisAnalyticsKpl.json';
import kinesisKinesisFirehose from './events/kinesis/KinesisFirehose.json';
import kinesisKinesisFirehoseApachelog from './events/kinesis/KinesisFirehoseApachelog.json';
import kinesisKinesisFirehoseCloudwatchLogsProcessor from './events/kinesis/KinesisFirehoseCloudwatchLogsProcessor.json';
import kinesisKinesisFirehoseStreamsAsSource from './events/kinesis/KinesisFirehoseStreamsAsSource.json';
import kinesisKinesisFirehoseSyslog from './events/kinesis/KinesisFirehoseSyslog.json';
import lexLexBookCar from './events/lex/LexBookCar.json';
import lexLexBookHotel from './events/lex/LexBookHotel.json';
import lexLexMakeAppointment from './events/lex/LexMakeAppointment.json';
import lexLexOrderFlowers from './events/lex/LexOrderFlowers.json';
import lexV2BankingBot from './events/lex-v2/BankingBot.json';
import lexV2LexBookCar from './events/lex-v2/LexBookCar.json';
import lexV2LexBookHotel from './events/lex-v2/LexBookHotel.json';
import rekognitionRekognitionS3Request from './events/rekognition/RekognitionS3Request.json';
import s3S3BatchInvocation from './events/s3/S3BatchInvocation.json';
import s3S3Delete from './events/s3/S3Delete.json';
import s3S3Put from './events/s3/S3Put.json';
import sagemakerAnnotationConsolidation from './events/sagemaker/AnnotationConsolidation.json';
import sagemakerPreHumanTask from './events/sagemaker/PreHumanTask.json';
import sesSesEmailReceiving from './events/ses/SesEmailReceiving.json';
import snsSns from './events/sns/Sns.json';
import sqsSqs from './events/sqs/Sqs.json';
import stepfunctionsStepFunctionsError from './events/stepfunctions/StepFunctionsError.json';
import workmailWorkMail from './events/workmail/WorkMail.json';

export const templates: Readonly<Record<string, unknown>> = {
  'alb/ALBRequest': albALBRequest,
  'alexa-skills-kit/AlexaEndSession': alexaSkillsKitAlexaEndSession,
  'alexa-skills-kit/AlexaIntentAnswer': alexaSkillsKitAlexaIntentAnswer,
  'alexa-skills-kit/AlexaIntentGetNewFact': alexaSkillsKitAlexaIntentGetNewFact,
  'alexa-skills-kit/AlexaIntentMyColorIs': alexaSkillsKitAlexaIntentMyColorIs,
  'alexa-skills-kit/AlexaIntentRecipe': alexaSkillsKitAlexaIntentRecipe,
  'alexa-skills-kit/AlexaStartSession': alexaSkillsKitAlexaStartSession,
  'alexa-smart-home/AlexaSmartHomeControlTurnOffRequest': alexaSmartHomeAlexaSmartHomeControlTurnOffRequest,
  'alexa-smart-home/AlexaSmartHomeControlTurnOnRequest': alexaSmartHomeAlexaSmartHomeControlTurnOnRequest,
  'alexa-smart-home/AlexaSmartHomeDiscoveryRequest': alexaSmartHomeAlexaSmartHomeDiscoveryRequest,
  'apigateway/ApiGatewayAuthorizer': apigatewayApiGatewayAuthorizer,
  'apigateway/ApiGatewayRestRequestAuthorizer': apigatewayApiGatewayRestRequestAuthorizer,
  'apigateway/AwsProxy': apigatewayAwsProxy,
  'apigateway/HttpApi': apigatewayHttpApi,
  'appsync/AppSyncDirectResolver': appsyncAppSyncDirectResolver,
  'batch/BatchGetJob': batchBatchGetJob,
  'batch/BatchSubmitJob': batchBatchSubmitJob,
  'cloudformation/CfnCreateRequest': cloudformationCfnCreateRequest,
  'cloudfront/CloudFrontABTest': cloudfrontCloudFrontABTest,
  'cloudfront/CloudFrontAccessRequestInResponse': cloudfrontCloudFrontAccessRequestInResponse,
  'cloudfront/CloudFrontHttpRedirect': cloudfrontCloudFrontHttpRedirect,
  'cloudfront/CloudFrontModifyQueryString': cloudfrontCloudFrontModifyQueryString,
  'cloudfront/CloudFrontModifyResponseHeader': cloudfrontCloudFrontModifyResponseHeader,
  'cloudfront/CloudFrontMultipleRemoteCallsAggregateResponse': cloudfrontCloudFrontMultipleRemoteCallsAggregateResponse,
  'cloudfront/CloudFrontNormalizeQuerystringToImproveCacheHit': cloudfrontCloudFrontNormalizeQuerystringToImproveCacheHit,
  'cloudfront/CloudFrontRedirectOnViewerCountry': cloudfrontCloudFrontRedirectOnViewerCountry,
  'cloudfront/CloudFrontRedirectUnauthenticatedUsers': cloudfrontCloudFrontRedirectUnauthenticatedUsers,
  'cloudfront/CloudFrontResponseGeneration': cloudfrontCloudFrontResponseGeneration,
  'cloudfront/CloudFrontServeObjectOnViewerDevice': cloudfrontCloudFrontServeObjectOnViewerDevice,
  'cloudfront/CloudFrontSimpleRemoteCall': cloudfrontCloudFrontSimpleRemoteCall,
  'cloudwatch/CloudwatchLogs': cloudwatchCloudwatchLogs,
  'cloudwatch/ScheduledEvent': cloudwatchScheduledEvent,
  'codecommit/CodeCommit': codecommitCodeCommit,
  'codepipeline/CodePipeline': codepipelineCodePipeline,
  'cognito/CognitoSyncTrigger': cognitoCognitoSyncTrigger,
  'config/ConfigurationItemChangeNotification': configConfigurationItemChangeNotification,
  'config/OversizedConfigurationItemChangeNotification': configOversizedConfigurationItemChangeNotification,
  'config/PeriodicRule': configPeriodicRule,
  'connect/ConnectContactFlowEvent': connectConnectContactFlowEvent,
  'dynamodb/DynamoDBUpdate': dynamodbDynamoDBUpdate,
  'kinesis/Kinesis': kinesisKinesis,
  'kinesis/KinesisAnalytics': kinesisKinesisAnalytics,
  'kinesis/KinesisAnalyticsKpl': kinesisKinesisAnalyticsKpl,
  'kinesis/KinesisFirehose': kinesisKinesisFirehose,
  'kinesis/KinesisFirehoseApachelog': kinesisKinesisFirehoseApachelog,
  'kinesis/KinesisFirehoseCloudwatchLogsProcessor': kinesisKinesisFirehoseCloudwatchLogsProcessor,
  'kinesis/KinesisFirehoseStreamsAsSource': kinesisKinesisFirehoseStreamsAsSource,
  'kinesis/KinesisFirehoseSyslog': kinesisKinesisFirehoseSyslog,
  'lex/LexBookCar': lexLexBookCar,
  'lex/LexBookHotel': lexLexBookHotel,
  'lex/LexMakeAppointment': lexLexMakeAppointment,
  'lex/LexOrderFlowers': lexLexOrderFlowers,
  'lex-v2/BankingBot': lexV2BankingBot,
  'lex-v2/LexBookCar': lexV2LexBookCar,
  'lex-v2/LexBookHotel': lexV2LexBookHotel,
  'rekognition/RekognitionS3Request': rekognitionRekognitionS3Request,
  's3/S3BatchInvocation': s3S3BatchInvocation,
  's3/S3Delete': s3S3Delete,
  's3/S3Put': s3S3Put,
  'sagemaker/AnnotationConsolidation': sagemakerAnnotationConsolidation,
  'sagemaker/PreHumanTask': sagemakerPreHumanTask,
  'ses/SesEmailReceiving': sesSesEmailReceiving,
  'sns/Sns': snsSns,
  'sqs/Sqs': sqsSqs,
  'stepfunctions/StepFunctionsError': stepfunctionsStepFunctionsError,
  'workmail/WorkMail': workmailWorkMail,
};
