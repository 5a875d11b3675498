"""Init, then the invoke loop: /next, run the handler, /response or /error (awslambdaric's bootstrap.run)."""
import logging
import os
import sys
import traceback

from . import logs
from .context import create_lambda_context
from .faults import FaultException, init_warning
from .handler_loader import load_handler
from .marshaller import marshal_response, to_json, unmarshal_request


def _own_dirs():
    here = os.path.dirname(os.path.abspath(__file__))
    dirs = {here, os.path.dirname(here)}  # lwb_runtime/ and the folder of bootstrap.py
    return frozenset(dirs | {os.path.realpath(d) for d in dirs})


_OWN_DIRS = _own_dirs()


def _is_own_frame(filename):
    return os.path.dirname(os.path.abspath(filename)) in _OWN_DIRS


def user_frames(tb):
    """The traceback as (file, line, function, text) tuples, without the runtime's own leading frames.

    As awslambdaric: when every frame is the runtime's, all of them are kept. Tuples (not FrameSummary objects)
    so that format_list prints no column markers on 3.11+.
    """
    frames = [(f.filename, f.lineno, f.name, f.line) for f in traceback.extract_tb(tb)]
    for index, frame in enumerate(frames):
        if not _is_own_frame(frame[0]):
            return frames[index:]
    return frames


def make_error(error_message, error_type, stack_trace, invoke_id=None):
    return {
        "errorMessage": error_message if error_message else "",
        "errorType": error_type if error_type else "",
        "requestId": invoke_id if invoke_id is not None else "",
        "stackTrace": stack_trace if stack_trace else [],
    }


def make_xray_fault(ex_type, ex_msg, working_dir, frames):
    stack = [{"label": name, "path": path, "line": line} for path, line, name, _ in frames]
    return {
        "working_directory": working_dir,
        "exceptions": [{"message": ex_msg, "type": ex_type, "stack": stack}],
        "paths": list({path for path, _, _, _ in frames}),
    }


def build_fault_result(exc_info, msg):
    etype, value, tb = exc_info
    return make_error(msg if msg else str(value), etype.__name__, traceback.format_list(user_frames(tb)))


def update_xray_env_variable(xray_trace_id):
    if xray_trace_id is not None:
        os.environ["_X_AMZN_TRACE_ID"] = xray_trace_id
    else:
        os.environ.pop("_X_AMZN_TRACE_ID", None)


def handle_event_request(client, request_handler, request, log_sink):
    invoke_id = request.invoke_id
    error_result = None
    try:
        context = create_lambda_context(request.client_context, request.cognito_identity,
                                        request.deadline_time_in_ms, invoke_id, request.invoked_function_arn,
                                        request.tenant_id)
        event = unmarshal_request(request.event_body, request.content_type)
        response = request_handler(event, context)
        result, result_content_type = marshal_response(response)
    except FaultException as error:
        xray_fault = make_xray_fault("LambdaValidationError", error.msg, os.getcwd(), [])
        error_result = make_error(error.msg, error.exception_type, error.trace, invoke_id)
    except Exception:
        etype, value, tb = sys.exc_info()
        frames = user_frames(tb)
        del tb  # keep the handler's frames (and their locals) from outliving the invoke
        xray_fault = make_xray_fault(etype.__name__, str(value), os.getcwd(), frames)
        error_result = make_error(str(value), etype.__name__, traceback.format_list(frames), invoke_id)

    if error_result is not None:
        logs.log_error(error_result, log_sink)
        client.post_invocation_error(invoke_id, to_json(error_result), to_json(xray_fault))
    else:
        client.post_invocation_result(invoke_id, result, result_content_type)


def run(handler, client):
    sys.stdout = logs.Unbuffered(sys.stdout)
    sys.stderr = logs.Unbuffered(sys.stderr)
    log_sink = logs.StdoutLogSink()

    error_result = None
    try:
        logs.setup_logging(log_sink)
        request_handler = load_handler(handler)
    except FaultException as error:
        error_result = make_error(error.msg, error.exception_type, error.trace)
    except Exception:
        error_result = build_fault_result(sys.exc_info(), None)

    if error_result is not None:
        logging.warning(init_warning())
        logs.log_error(error_result, log_sink)
        client.post_init_error(error_result)
        sys.exit(1)

    while True:
        request = client.wait_next_invocation()
        logs.InvokeState.request_id = request.invoke_id
        logs.InvokeState.tenant_id = request.tenant_id
        update_xray_env_variable(request.x_amzn_trace_id)
        handle_event_request(client, request_handler, request, log_sink)
