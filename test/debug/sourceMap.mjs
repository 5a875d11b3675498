// Just enough of source maps (v3, VLQ mappings) to do what a debugger does with them: find the generated line of a
// source line, and the source line of a generated one. Lines are 0-based here, as in the Chrome DevTools Protocol.

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeVlq(segment) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/** Every mapping as { generatedLine, generatedColumn, source, sourceLine, sourceColumn }. */
export function decodeMappings(map) {
  const result = [];
  let source = 0;
  let sourceLine = 0;
  let sourceColumn = 0;
  map.mappings.split(';').forEach((line, generatedLine) => {
    let generatedColumn = 0;
    for (const segment of line.split(',').filter(Boolean)) {
      const [column, sourceDelta, lineDelta, columnDelta] = decodeVlq(segment);
      generatedColumn += column;
      if (sourceDelta === undefined) continue;
      source += sourceDelta;
      sourceLine += lineDelta;
      sourceColumn += columnDelta;
      result.push({ generatedLine, generatedColumn, source: map.sources[source], sourceLine, sourceColumn });
    }
  });
  return result;
}

/** The inline source map of a script's text (`//# sourceMappingURL=data:...;base64,...`). */
export function inlineSourceMap(scriptText) {
  const match = /\/\/# sourceMappingURL=data:application\/json;(?:charset=utf-8;)?base64,([A-Za-z0-9+/=]+)\s*$/.exec(scriptText);
  return match ? JSON.parse(Buffer.from(match[1], 'base64').toString('utf8')) : undefined;
}
