/**
 * GET /hello?name=… — answers with a greeting in API Gateway's proxy response format.
 * @param {import('aws-lambda').APIGatewayProxyEvent} event
 */
export const handler = async (event, context) => {
  const name = event.queryStringParameters?.name ?? 'world';
  console.log(`greeting ${name} in ${process.env.STAGE}`);
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ message: `${process.env.GREETING}, ${name}!`, requestId: context.awsRequestId }),
  };
};
