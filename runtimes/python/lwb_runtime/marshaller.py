"""Events in and results out, as awslambdaric's simplejson-based marshaller does it, with the standard json module.

simplejson behaviours kept: Decimal written as its exact digits (NaN as NaN), NaN/Infinity allowed, bytes values and
keys decoded as UTF-8, objects with `_asdict()` written as objects, a UTF-8 BOM skipped on input, decode errors
worded as simplejson's C decoder words them, and ensure_ascii=False for python3.12+ (AWS_EXECUTION_ENV), True before.
Not kept: a namedtuple nested inside a list, tuple or dict is written as an array (simplejson writes an object); the
standard library's C encoder gives no hook for it and walking every result would cost every invoke.
"""
import json
import os
import re
import sys

from .faults import FaultException, fault

_NON_ASCII_RUNTIMES = {"AWS_Lambda_python3.12", "AWS_Lambda_python3.13", "AWS_Lambda_python3.14", "AWS_Lambda_python3.15"}
ENSURE_ASCII = os.environ.get("AWS_EXECUTION_ENV") not in _NON_ASCII_RUNTIMES

# A Decimal is first written as a string holding this marker, then swapped for its digits. The marker has NUL
# characters (always escaped as \u0000) and a per-process random part, so no user string can look like it.
_NONCE = os.urandom(6).hex()
_MARKER = "\x00%s:%%d\x00" % _NONCE
_ENCODED_MARKER = re.compile(r'"\\u0000%s:(\d+)\\u0000"' % _NONCE)


class Encoder(json.JSONEncoder):
    def __init__(self):
        super().__init__(ensure_ascii=ENSURE_ASCII, allow_nan=True)
        self._decimals = []

    def default(self, o):
        decimal = sys.modules.get("decimal")  # a Decimal can only exist once its module is loaded
        if decimal is not None and isinstance(o, decimal.Decimal):
            if o.is_nan():
                return float("nan")
            self._decimals.append(str(o))
            return _MARKER % (len(self._decimals) - 1)
        if isinstance(o, bytes):
            return str(o, "utf-8")
        as_dict = getattr(o, "_asdict", None)
        if callable(as_dict):
            result = as_dict()
            if not isinstance(result, dict):
                raise TypeError("_asdict() must return a dict, not %s" % (type(result).__name__,))
            return result
        raise TypeError("Object of type %s is not JSON serializable" % (o.__class__.__name__,))

    def encode(self, o):
        try:
            text = super().encode(o)
        except TypeError as error:
            if not str(error).endswith(", not bytes"):
                raise
            text = super().encode(_decode_bytes_keys(o, set()))
        if self._decimals:
            decimals = self._decimals
            text = _ENCODED_MARKER.sub(lambda m: decimals[int(m.group(1))], text)
        return text


def _decode_bytes_keys(value, seen):
    """A copy with bytes dict keys decoded (simplejson accepts them; the C encoder does not). Rare path."""
    if isinstance(value, (dict, list, tuple)) and not hasattr(value, "_asdict"):
        if id(value) in seen:
            return value  # leave the cycle for the encoder to report
        seen.add(id(value))
        if isinstance(value, dict):
            copy = {}
            for key, item in value.items():
                copy[str(key, "utf-8") if isinstance(key, bytes) else key] = _decode_bytes_keys(item, seen)
        else:
            copy = [_decode_bytes_keys(item, seen) for item in value]
        seen.discard(id(value))
        return copy
    return value


def to_json(obj):
    return Encoder().encode(obj)


_WHITESPACE = re.compile(r"[ \t\n\r]*")
_decoder = json.JSONDecoder()


def _loads(text):
    index = 1 if text[:1] == "\ufeff" else 0  # simplejson skips a UTF-8 BOM
    try:
        obj, end = _decoder.raw_decode(text, _WHITESPACE.match(text, index).end())
    except json.JSONDecodeError as error:
        raise ValueError(_simplejson_wording(error))
    end = _WHITESPACE.match(text, end).end()
    if end != len(text):
        raise ValueError(_extra_data_message(text, end))
    return obj


def _previous_char(doc, pos):
    return doc[:pos].rstrip(" \t\n\r")[-1:]


def _innermost_container(doc, pos):
    """'{' or '[': the bracket still open at `pos` (only called on the error path)."""
    stack, in_string, escaped = [], False, False
    for char in doc[:pos]:
        if in_string:
            escaped, in_string = (not escaped and char == "\\"), (escaped or char != '"')
        elif char == '"':
            in_string = True
        elif char in "[{":
            stack.append(char)
        elif char in "]}" and stack:
            stack.pop()
    return stack[-1] if stack else ""


def _simplejson_wording(error):
    """The message simplejson's C decoder gives where its wording differs from the json module's."""
    doc, pos, msg = error.doc, error.pos, error.msg
    at_end_after = _previous_char(doc, pos) if pos >= len(doc) else ""  # an object or array cut off empty
    if msg == "Expecting property name enclosed in double quotes" and at_end_after == "{":
        msg += " or '}'"
    elif msg == "Expecting ',' delimiter":
        msg += " or ']'" if _innermost_container(doc, pos) == "[" else " or '}'"
    elif msg == "Expecting value" and at_end_after == "[":
        msg = "Expecting value or ']'"
    elif msg == "Invalid control character at":
        msg = "Invalid control character %r at" % (doc[pos:pos + 1],)
    elif msg == "Invalid \\escape":
        msg = "Invalid \\X escape sequence %r" % (doc[pos:pos + 1],)
    elif msg == "Invalid \\uXXXX escape":
        msg = "Invalid \\uXXXX escape sequence"
    return str(json.JSONDecodeError(msg, doc, pos))


def _extra_data_message(doc, pos):
    def line_col(at):
        line = doc.count("\n", 0, at) + 1
        return line, (at + 1 if line == 1 else at - doc.rindex("\n", 0, at))

    (line, col), (end_line, end_col) = line_col(pos), line_col(len(doc))
    return "Extra data: line %d column %d - line %d column %d (char %d - %d)" % (
        line, col, end_line, end_col, pos, len(doc))


def unmarshal_request(request, content_type="application/json"):
    if content_type != "application/json":
        return request
    try:
        return _loads(str(request, "utf-8"))
    except Exception as error:
        raise fault(FaultException.UNMARSHAL_ERROR, error=str(error))


def marshal_response(response):
    if isinstance(response, bytes):
        return response, "application/unknown"
    try:
        return to_json(response), "application/json"
    except Exception as error:
        raise fault(FaultException.MARSHAL_ERROR, error=str(error))
