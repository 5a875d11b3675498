// Invoked directly (no trigger): greets everyone the event names. Lambda Workbench runs this file as it is;
// `sam build` and `lambda-workbench package` bundle it with esbuild (the Metadata in template.yaml). `npm install`
// here brings the types the editor checks it with (@types/aws-lambda, @types/node); running it needs none of them.
import type { Context } from 'aws-lambda';

interface GreetEvent {
  names?: string[];
}

interface Greetings {
  greetings: string[];
  stage: string;
}

export const handler = async (event: GreetEvent, context: Context): Promise<Greetings> => {
  const names: string[] = event.names?.length ? event.names : ['world'];
  console.log(`${context.functionName} greets ${names.join(', ')} in ${process.env.STAGE}`);
  return { greetings: names.map((name) => `Hello, ${name}!`), stage: process.env.STAGE ?? 'dev' };
};
