"""Log output as the managed runtime writes it (lambda-spec.md §3.4-§3.7).

On Lambda every record goes to a framed telemetry descriptor, so a record with newlines is still one log event.
Here records go to stdout, one line each: newlines inside a record become "\r", as Lambda's Node runtime does on
stdout, and the runner reads one line as one event.
"""
import json
import logging
import os
import sys
import time
import traceback

TEXT_FORMAT = "[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s\n"
TEXT_DATE_FORMAT = "%Y-%m-%dT%H:%M:%S"
JSON_DATE_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
ERROR_LINE_SEPARATOR = "\r"
ERROR_INDENT = "\u00a0"  # NO-BREAK SPACE: leading spaces of stack lines survive log viewers

LOG_FORMAT_JSON = (os.environ.get("AWS_LAMBDA_LOG_FORMAT") or "").upper() == "JSON"
_level = os.environ.get("AWS_LAMBDA_LOG_LEVEL")
LOG_LEVEL = {None: "", "TRACE": "DEBUG"}.get(_level, _level).upper()

# Attributes of a LogRecord that the JSON format does not copy as `extra=` fields.
_RESERVED_FIELDS = {
    "name", "msg", "args", "levelname", "levelno", "pathname", "filename", "module", "exc_info", "exc_text",
    "stack_info", "lineno", "funcName", "created", "msecs", "relativeCreated", "thread", "threadName",
    "processName", "process", "aws_request_id", "tenant_id", "_frame_type",
}


class InvokeState(object):
    """The invocation in flight, read by every log record."""

    request_id = None
    tenant_id = None


class Unbuffered(object):
    """Wraps sys.stdout/sys.stderr so that every write reaches the log at once."""

    def __init__(self, stream):
        self.stream = stream

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, exc_tb):
        pass

    def __getattr__(self, attr):
        return getattr(self.stream, attr)

    def write(self, msg):
        self.stream.write(msg)
        self.stream.flush()

    def writelines(self, msgs):
        self.stream.writelines(msgs)
        self.stream.flush()


def _one_line(text):
    if text.endswith("\n"):
        text = text[:-1]
    return text.replace("\n", "\r") + "\n"


class StdoutLogSink(object):
    def log(self, msg, frame_type=None):
        sys.stdout.write(_one_line(msg))

    def log_error(self, message_lines):
        sys.stdout.write(_one_line(ERROR_LINE_SEPARATOR.join(message_lines)))


class LambdaLoggerHandler(logging.Handler):
    def __init__(self, log_sink):
        logging.Handler.__init__(self)
        self.log_sink = log_sink  # context.log() finds the sink through this attribute

    def emit(self, record):
        self.log_sink.log(self.format(record))


class LambdaLoggerFilter(logging.Filter):
    def filter(self, record):
        record.aws_request_id = InvokeState.request_id or ""
        record.tenant_id = InvokeState.tenant_id
        return True


def _normalised_level(record):
    return min(50, max(0, record.levelno)) // 10 * 10


_encode_log_json = json.JSONEncoder(ensure_ascii=False).encode


class JsonFormatter(logging.Formatter):
    def __init__(self):
        super().__init__(datefmt=JSON_DATE_FORMAT)

    def format(self, record):
        record.levelno = _normalised_level(record)
        record.levelname = logging.getLevelName(record.levelno)
        exc_info = record.exc_info
        result = {
            "timestamp": self.formatTime(record, self.datefmt),
            "level": record.levelname,
            "message": record.getMessage(),
            "logger": record.name,
            "stackTrace": traceback.format_tb(exc_info[2]) if exc_info else None,
            "errorType": exc_info[0].__name__ if exc_info else None,
            "errorMessage": str(exc_info[1]) if exc_info else None,
            "requestId": getattr(record, "aws_request_id", None),
            "location": "%s:%s:%s" % (record.pathname, record.funcName, record.lineno) if exc_info else None,
        }
        if getattr(record, "tenant_id", None) is not None:
            result["tenantId"] = record.tenant_id
        result.update(
            (key, value) for key, value in record.__dict__.items() if key not in _RESERVED_FIELDS and key not in result
        )
        return _encode_log_json({key: value for key, value in result.items() if value is not None}) + "\n"


def setup_logging(log_sink):
    logging.Formatter.converter = time.gmtime
    root = logging.getLogger()
    handler = LambdaLoggerHandler(log_sink)
    handler.setFormatter(JsonFormatter() if LOG_FORMAT_JSON else logging.Formatter(TEXT_FORMAT, TEXT_DATE_FORMAT))
    # The root level stays Python's default (WARNING) unless AWS_LAMBDA_LOG_LEVEL names a level.
    if LOG_LEVEL in getattr(logging, "_nameToLevel", {}):
        root.setLevel(LOG_LEVEL)
    handler.addFilter(LambdaLoggerFilter())
    root.addHandler(handler)


def _indent_with_nbsp(line):
    stripped = line.lstrip(" ")
    return ERROR_INDENT * (len(line) - len(stripped)) + stripped


def log_error(error_result, log_sink):
    """The record Lambda writes for an init or invocation error: `[ERROR] type: message` and the stack (TEXT)."""
    if LOG_FORMAT_JSON:
        from .marshaller import to_json

        record = {"timestamp": time.strftime(JSON_DATE_FORMAT, logging.Formatter.converter(time.time())),
                  "log_level": "ERROR"}
        record.update(error_result)
        log_sink.log_error([to_json(record)])
        return
    description = "[ERROR]"
    error_type = error_result.get("errorType")
    if error_type:
        description += " " + error_type
    error_message = error_result.get("errorMessage")
    if error_message:
        if error_type:
            description += ":"
        description += " " + error_message
    lines = [description]
    stack_trace = error_result.get("stackTrace")
    if stack_trace is not None:
        lines.append("Traceback (most recent call last):")
        for element in stack_trace:
            if element == "":
                lines.append("")
            else:
                lines.extend(_indent_with_nbsp(line) for line in element.splitlines())
    log_sink.log_error(lines)
