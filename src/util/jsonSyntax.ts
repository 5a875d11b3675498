// Where JSON text first goes wrong, with a message a person can act on. JSON.parse's messages differ between
// Node versions and do not always give a position, so event files are checked by this small scanner instead.

export interface JsonSyntaxError {
  /** Index in the text (UTF-16 units) where the problem is. */
  offset: number;
  message: string;
}

class Failure extends Error {
  constructor(readonly offset: number, message: string) {
    super(message);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** The first syntax error of `text` as JSON (RFC 8259), or undefined when it is valid. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const fail = (message: string, at = i): never => {
    throw new Failure(at, message);
  };
  const describe = (c: string): string => (c === undefined ? 'end of file' : `'${c}'`);
  const skipWhitespace = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };

  const parseString = (): void => {
    const start = i++;
    for (;;) {
      const c = text[i];
      if (c === undefined) fail('unterminated string', start);
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        const escape = text[i + 1];
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('invalid \\u escape (needs 4 hex digits)');
          i += 6;
        } else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) {
          i += 2;
        } else {
          fail(`invalid escape '\\${escape ?? ''}' in string`);
        }
        continue;
      }
      if (c.charCodeAt(0) < 0x20) fail(c === '\n' ? 'line break inside a string (write it as \\n)' : 'control character inside a string');
      i++;
    }
  };

  const parseValue = (): void => {
    skipWhitespace();
    const c = text[i];
    if (c === '{') return parseContainer('}', true);
    if (c === '[') return parseContainer(']', false);
    if (c === '"') return parseString();
    if (c === '-' || (c >= '0' && c <= '9')) {
      NUMBER.lastIndex = i;
      if (!NUMBER.test(text)) fail('invalid number');
      i = NUMBER.lastIndex;
      return;
    }
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, i)) {
        i += literal.length;
        return;
      }
    }
    if (c === undefined) fail('unexpected end of file, a value is missing');
    const word = /^[A-Za-z_]\w*/.exec(text.slice(i))?.[0];
    fail(word ? `unexpected '${word}' (strings need double quotes)` : `unexpected ${describe(c)}`);
  };

  const parseContainer = (close: '}' | ']', isObject: boolean): void => {
    const what = isObject ? 'property value' : 'array element';
    i++;
    skipWhitespace();
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      if (isObject) {
        skipWhitespace();
        if (text[i] !== '"') fail(text[i] === '}' ? 'trailing comma before \'}\'' : `expected a property name in double quotes, found ${describe(text[i])}`);
        parseString();
        skipWhitespace();
        if (text[i] !== ':') fail(`expected ':' after the property name, found ${describe(text[i])}`);
        i++;
      }
      skipWhitespace();
      if (text[i] === close && !isObject) fail(`trailing comma before '${close}'`);
      parseValue();
      skipWhitespace();
      if (text[i] === close) {
        i++;
        return;
      }
      if (text[i] !== ',') fail(`expected ',' or '${close}' after ${what}, found ${describe(text[i])}`);
      i++;
    }
  };

  try {
    skipWhitespace();
    if (i === text.length) return { offset: 0, message: 'the file is empty' };
    parseValue();
    skipWhitespace();
    if (i < text.length) fail(`unexpected ${describe(text[i])} after the JSON value`);
    return undefined;
  } catch (error) {
    if (error instanceof Failure) return { offset: error.offset, message: error.message };
    throw error;
  }
}

/** 1-based line and column of `offset` in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}
