// The code of a new function, by runtime and language.
import type { ScaffoldLanguage } from '../options';
import { javaScriptCode } from './javascript';
import { providedCode } from './provided';
import { pythonCode } from './python';
import type { CodeRequest, HandlerCode } from './types';
import { typeScriptCode } from './typescript';

export type { CodeFile, CodeRequest, HandlerCode } from './types';

export function handlerCode(request: CodeRequest, language: ScaffoldLanguage | undefined): HandlerCode {
  if (request.runtime.startsWith('nodejs')) return language === 'typescript' ? typeScriptCode(request) : javaScriptCode(request);
  if (request.runtime.startsWith('python')) return pythonCode(request);
  return providedCode(request);
}

