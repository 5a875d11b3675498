// SAM's `--parameter-overrides` text: `Key=Value Key2="a b"` or `ParameterKey=Key,ParameterValue=Value ...`.
import { TemplateError } from './errors';

const SOURCE = '--parameter-overrides';
/** Backslash escapes only these (a Windows path keeps its backslashes), as SAM's parser does. */
const ESCAPABLE = /^[\s"'\\]$/;
const LONG_FORM = /^ParameterKey=([^,]*),ParameterValue=([\s\S]*)$/;

/** Split `--parameter-overrides` text into name → value. Quotes group words; `\` escapes the next character. */
export function parseParameterOverrides(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const token of tokens(text)) {
    const long = LONG_FORM.exec(token);
    const equals = token.indexOf('=');
    const [key, value] = long ? [long[1], long[2]] : [token.slice(0, equals), token.slice(equals + 1)];
    if (!long && equals <= 0) {
      throw new TemplateError(SOURCE, `'${token}' is not Key=Value`, 'write Key=Value or ParameterKey=Key,ParameterValue=Value, separated by spaces');
    }
    if (key === '') throw new TemplateError(SOURCE, `'${token}' has an empty ParameterKey`, 'name the parameter: ParameterKey=Key,ParameterValue=Value');
    result[key] = value;
  }
  return result;
}

/** Words separated by whitespace; '...' and "..." group words, and `\ ` `\"` `\'` `\\` escape. */
function tokens(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\\' && ESCAPABLE.test(text[i + 1] ?? '') && quote !== "'") {
      word += text[++i];
      inWord = true;
    } else if (quote) {
      if (char === quote) quote = undefined;
      else word += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      inWord = true;
    } else if (/\s/.test(char)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += char;
      inWord = true;
    }
  }
  if (quote) throw new TemplateError(SOURCE, `a ${quote} quote is not closed in: ${text}`, `close the quote`);
  if (inWord) words.push(word);
  return words;
}
