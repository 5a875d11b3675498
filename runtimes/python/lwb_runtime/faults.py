"""Runtime.* error types and their messages, read from the catalogue shared with the runner (runtimes/errors.json)."""
import json
import os
import re

CATALOGUE_PATH = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "errors.json")


class FaultException(Exception):
    """A failure the runtime reports with its own error type (as awslambdaric's FaultException)."""

    MARSHAL_ERROR = "Runtime.MarshalError"
    UNMARSHAL_ERROR = "Runtime.UnmarshalError"
    USER_CODE_SYNTAX_ERROR = "Runtime.UserCodeSyntaxError"
    HANDLER_NOT_FOUND = "Runtime.HandlerNotFound"
    IMPORT_MODULE_ERROR = "Runtime.ImportModuleError"
    BUILT_IN_MODULE_CONFLICT = "Runtime.BuiltInModuleConflict"
    MALFORMED_HANDLER_NAME = "Runtime.MalformedHandlerName"
    LAMBDA_CONTEXT_UNMARSHAL_ERROR = "Runtime.LambdaContextUnmarshalError"

    def __init__(self, exception_type, msg, trace=None):
        super().__init__(msg)
        self.exception_type = exception_type
        self.msg = msg
        self.trace = trace


_messages = None


def _catalogue():
    # Loaded on the first failure only: the happy path never pays for it.
    global _messages
    if _messages is None:
        with open(CATALOGUE_PATH, encoding="utf-8") as file:
            _messages = json.load(file)["python"]
    return _messages


def message(key, **values):
    """The catalogue's message for `key`, with each {name} replaced once (values are never re-expanded)."""
    template = _catalogue()[key]
    return re.sub(r"\{(\w+)\}", lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0), template)


def fault(exception_type, trace=None, **values):
    return FaultException(exception_type, message(exception_type, **values), trace)


def init_warning():
    # The catalogue's text ends with "\r" as awslambdaric's does, so the record's own "\n" follows a carriage return.
    return _catalogue()["initWarning"]


def context_unmarshal_fault(header_name, error):
    """`Unable to parse Client Context JSON: …` or `Unable to parse Cognito Identity JSON: …`."""
    key = FaultException.LAMBDA_CONTEXT_UNMARSHAL_ERROR
    text = message(key, name=header_name, error=error)
    if "{name}" not in _catalogue()[key] and header_name != "Client Context":
        # The catalogue spells the Client Context case out; awslambdaric names the header that failed.
        text = text.replace("Client Context", header_name, 1)
    return FaultException(key, text)
