'use strict';
// The Lambda-Runtime-Function-XRay-Error-Cause header sent with invocation errors (lambda-spec.md §1.4):
// `{working_directory, exceptions:[{type, message, stack:[{path, line, label}]}], paths}`.

function parseFrame(frame) {
  // "    at label (path:line:col)" or "    at path:line:col"
  const text = frame.trim().replace(/[()]/g, '');
  const rest = text.slice(text.indexOf(' ') + 1);
  const lastSpace = rest.lastIndexOf(' ');
  const label = lastSpace >= 0 ? rest.slice(0, lastSpace) : '';
  const location = (label ? rest.slice(lastSpace + 1) : rest).split(':');
  return { path: location[0], line: parseInt(location[1], 10), label: label || 'anonymous' };
}

/** The JSON text of the cause, or '' when the error cannot be described. */
function xrayErrorCause(error) {
  try {
    const frames = typeof error.stack === 'string' ? error.stack.replace(/\x7F/g, '%7F').split('\n').slice(1) : [];
    const stack = frames.map(parseFrame);
    return JSON.stringify({
      working_directory: process.cwd(),
      exceptions: [{ type: error.name?.replace(/\x7F/g, '%7F'), message: error.message?.replace(/\x7F/g, '%7F'), stack }],
      paths: [...new Set(stack.map((entry) => entry.path))],
    });
  } catch {
    return '';
  }
}

module.exports = { xrayErrorCause };
