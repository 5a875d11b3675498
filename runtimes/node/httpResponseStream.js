'use strict';
// awslambda.HttpResponseStream: the HTTP-integration format of a streamed response (function URLs, API Gateway):
// a JSON prelude `{statusCode, headers, cookies}`, 8 NUL bytes, then the body. Spec: lambda-spec.md §1.6.

const PRELUDE_CONTENT_TYPE = 'application/vnd.awslambda.http-integration-response';
const DELIMITER_LENGTH = 8;

class HttpResponseStream {
  static from(underlyingStream, prelude) {
    underlyingStream.setContentType(PRELUDE_CONTENT_TYPE);
    // JSON text never contains a NUL byte, so the delimiter cannot appear inside the prelude.
    const metadata = JSON.stringify(prelude);
    underlyingStream._onBeforeFirstWrite = (write) => {
      write(metadata);
      write(new Uint8Array(DELIMITER_LENGTH));
    };
    return underlyingStream;
  }
}

module.exports = { HttpResponseStream };
