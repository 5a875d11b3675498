"""The `context` argument of a handler (lambda-spec.md §5.2), attribute for attribute as awslambdaric's LambdaContext."""
import json
import logging
import os
import sys
import time

from . import debugger
from .faults import context_unmarshal_fault


class LambdaContext(object):
    def __init__(self, invoke_id, client_context, cognito_identity, epoch_deadline_time_in_ms,
                 invoked_function_arn=None, tenant_id=None):
        self.aws_request_id = invoke_id
        self.log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME")
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME")
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION")
        self.invoked_function_arn = invoked_function_arn
        self.tenant_id = tenant_id

        self.client_context = _object_from_dict(ClientContext, client_context)
        if self.client_context is not None:
            self.client_context.client = _object_from_dict(Client, self.client_context.client)

        # Always an object, even without a Cognito header.
        self.identity = _object_from_dict(CognitoIdentity, {})
        if cognito_identity is not None:
            self.identity.cognito_identity_id = cognito_identity.get("cognitoIdentityId")
            self.identity.cognito_identity_pool_id = cognito_identity.get("cognitoIdentityPoolId")

        self._epoch_deadline_time_in_ms = epoch_deadline_time_in_ms
        self._paused_ms_at_start = debugger.paused_ms()

    def get_remaining_time_in_millis(self):
        # Under a debugger, time spent stopped is left out, as the runner leaves it out of the timeout.
        paused = debugger.paused_ms() - self._paused_ms_at_start
        remaining = self._epoch_deadline_time_in_ms - int(time.time() * 1000) + paused
        return remaining if remaining > 0 else 0

    def log(self, msg):
        for handler in logging.getLogger().handlers:
            if hasattr(handler, "log_sink"):
                handler.log_sink.log(str(msg))
                return
        sys.stdout.write(str(msg))

    def __repr__(self):
        return (
            "%s([aws_request_id=%s,log_group_name=%s,log_stream_name=%s,function_name=%s,memory_limit_in_mb=%s,"
            "function_version=%s,invoked_function_arn=%s,client_context=%s,identity=%s,tenant_id=%s])"
            % (self.__class__.__name__, self.aws_request_id, self.log_group_name, self.log_stream_name,
               self.function_name, self.memory_limit_in_mb, self.function_version, self.invoked_function_arn,
               self.client_context, self.identity, self.tenant_id)
        )


def _slots_repr(obj):
    fields = ",".join("%s=%s" % (name, getattr(obj, name)) for name in obj.__slots__)
    return "%s([%s])" % (obj.__class__.__name__, fields)


class CognitoIdentity(object):
    __slots__ = ["cognito_identity_id", "cognito_identity_pool_id"]
    __repr__ = _slots_repr


class Client(object):
    __slots__ = ["installation_id", "app_title", "app_version_name", "app_version_code", "app_package_name"]
    __repr__ = _slots_repr


class ClientContext(object):
    __slots__ = ["custom", "env", "client"]
    __repr__ = _slots_repr


def _object_from_dict(cls, values):
    if values is None:
        return None
    obj = cls()
    for field in cls.__slots__:
        setattr(obj, field, values.get(field, None))
    return obj


def _parse_json_header(header, name):
    try:
        return json.loads(header)
    except Exception as error:
        raise context_unmarshal_fault(name, str(error))


def create_lambda_context(client_context_json, cognito_identity_json, epoch_deadline_time_in_ms, invoke_id,
                          invoked_function_arn, tenant_id):
    client_context = _parse_json_header(client_context_json, "Client Context") if client_context_json else None
    cognito_identity = _parse_json_header(cognito_identity_json, "Cognito Identity") if cognito_identity_json else None
    return LambdaContext(invoke_id, client_context, cognito_identity, epoch_deadline_time_in_ms,
                         invoked_function_arn, tenant_id)
