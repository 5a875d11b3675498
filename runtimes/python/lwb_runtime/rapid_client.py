"""The Runtime API client (lambda-spec.md §1): one keep-alive HTTP/1.1 connection to AWS_LAMBDA_RUNTIME_API.

It speaks HTTP on a bare socket instead of http.client: importing http.client (email, ssl, ...) costs 25-60 ms
on every cold start, and awslambdaric's own client is native code that imports none of it either. The messages
printed on failure are those of that native client (aws-lambda-cpp).
"""
import select
import socket
import sys
import time

API_PREFIX = "/2018-06-01/runtime"
NEXT_PATH = API_PREFIX + "/invocation/next"
INIT_ERROR_PATH = API_PREFIX + "/init/error"
ERROR_TYPE_HEADER = "Lambda-Runtime-Function-Error-Type"
XRAY_CAUSE_HEADER = "Lambda-Runtime-Function-XRay-Error-Cause"
# awslambdaric drops the X-Ray cause at 1 MiB; a Node server refuses request headers over 16 KiB, so we stop
# well before (the cause only feeds X-Ray, which nothing reads locally).
XRAY_CAUSE_MAX_BYTES = 8 * 1024
USER_AGENT = "aws-lambda-python/%d.%d.%d-lambda-workbench" % sys.version_info[:3]


class LambdaRuntimeClientError(Exception):
    def __init__(self, endpoint, response_code, response_body):
        super().__init__(
            "Request to Lambda Runtime '%s' endpoint failed. Reason: '%s'. Response body: '%s'"
            % (endpoint, response_code, response_body)
        )
        self.endpoint = endpoint
        self.response_code = response_code
        self.response_body = response_body


class InvocationRequest(object):
    """One event from /next, with the headers of §1.3 (None when absent or empty, as awslambdaric has them)."""

    def __init__(self, body, headers):
        self.event_body = body
        self.invoke_id = headers.get("lambda-runtime-aws-request-id")
        self.x_amzn_trace_id = headers.get("lambda-runtime-trace-id") or None
        self.invoked_function_arn = headers.get("lambda-runtime-invoked-function-arn", "")
        self.deadline_time_in_ms = _leading_int(headers.get("lambda-runtime-deadline-ms", ""))
        self.client_context = headers.get("lambda-runtime-client-context") or None
        self.cognito_identity = headers.get("lambda-runtime-cognito-identity") or None
        self.tenant_id = headers.get("lambda-runtime-aws-tenant-id") or None
        self.content_type = headers.get("content-type") or None


def _leading_int(text):
    # strtoul: the leading digits, 0 when there are none.
    digits = ""
    for char in text.strip():
        if not char.isdigit():
            break
        digits += char
    return int(digits) if digits else 0


class _ConnectionClosed(ConnectionError):
    """The server closed the connection before it had answered in full."""


class HttpConnection(object):
    """A minimal HTTP/1.1 client: one connection, reopened when the server has closed it between requests.

    A request is never sent twice (a second /response could be taken as a new one), so a dropped connection is
    detected before sending, as urllib3 does, rather than by retrying after a failure.
    """

    def __init__(self, address):
        host, _, port = address.rpartition(":")
        # A bytes host keeps getaddrinfo from loading the idna codec (a few ms of every cold start).
        self._endpoint = ((host.strip("[]") or "127.0.0.1").encode("ascii"), int(port))
        self._host = address
        self._sock = None
        self._reader = None

    def request(self, method, path, body=b"", headers=None):
        """Sends one request; returns (status, headers with lower-case names, body bytes). No timeout."""
        lines = ["%s %s HTTP/1.1" % (method, path), "Host: " + self._host, "User-Agent: " + USER_AGENT]
        for name, value in (headers or {}).items():
            lines.append("%s: %s" % (name, value))
        if method != "GET":
            lines.append("Content-Length: %d" % len(body))
        data = ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8") + body
        if self._sock is not None and self._dropped():
            self.close()
        if self._sock is None:
            self._sock = socket.create_connection(self._endpoint)
            self._sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self._reader = self._sock.makefile("rb")
        self._sock.sendall(data)
        status, headers = self._read_head()
        body = self._read_body(headers)
        if headers.get("connection", "").lower() == "close":
            self.close()
        return status, headers, body

    def _dropped(self):
        # Between requests nothing is due from the server: readable means it closed the connection (idle timeout).
        if hasattr(select, "poll"):  # select() fails on descriptors past FD_SETSIZE
            poller = select.poll()
            poller.register(self._sock, select.POLLIN)
            return bool(poller.poll(0))
        return bool(select.select([self._sock], [], [], 0)[0])

    def close(self):
        if self._reader is not None:
            self._reader.close()
        if self._sock is not None:
            self._sock.close()
        self._sock = self._reader = None

    def _read_head(self):
        status_line = self._reader.readline(65537)
        if not status_line:
            raise _ConnectionClosed()
        parts = status_line.split(None, 2)
        status = int(parts[1])
        headers = {}
        while True:
            line = self._reader.readline(65537)
            if line in (b"\r\n", b"\n", b""):
                return status, headers
            name, _, value = line.decode("utf-8", "replace").partition(":")
            headers[name.strip().lower()] = value.strip()

    def _read_body(self, headers):
        if "chunked" in headers.get("transfer-encoding", "").lower():
            chunks = []
            while True:
                size = int(self._reader.readline(65537).split(b";", 1)[0].strip() or b"0", 16)
                if size == 0:
                    while self._reader.readline(65537) not in (b"\r\n", b"\n", b""):
                        pass  # trailers
                    return b"".join(chunks)
                chunks.append(self._read_exactly(size))
                self._reader.readline(65537)
        if "content-length" in headers:
            return self._read_exactly(int(headers["content-length"]))
        body = self._reader.read()
        self.close()
        return body

    def _read_exactly(self, size):
        data = self._reader.read(size)
        if len(data) != size:
            raise _ConnectionClosed()
        return data


def _log_runtime_error(text):
    # What aws-lambda-cpp's logging prints (to stdout) when a Runtime API call fails.
    sys.stdout.write("[ERROR] [%d] LAMBDA_RUNTIME %s\n" % (int(time.time() * 1000), text))


class LambdaRuntimeClient(object):
    def __init__(self, address):
        self._connection = HttpConnection(address)

    def wait_next_invocation(self):
        try:
            status, headers, body = self._connection.request("GET", NEXT_PATH)
        except OSError:
            self._connection.close()
            _log_runtime_error("Failed to get next invocation. No Response from endpoint")
            raise RuntimeError("Failed to get next")
        if not 200 <= status < 300:
            _log_runtime_error("Failed to get next invocation. Http Response code: %d" % status)
            raise RuntimeError("Failed to get next")
        if "lambda-runtime-aws-request-id" not in headers:
            _log_runtime_error("Failed to find header lambda-runtime-aws-request-id in response")
            raise RuntimeError("Failed to get next")
        return InvocationRequest(body, headers)

    def post_invocation_result(self, invoke_id, result_data, content_type="application/json"):
        payload = result_data if isinstance(result_data, bytes) else result_data.encode("utf-8")
        self._post(
            "%s/invocation/%s/response" % (API_PREFIX, invoke_id),
            payload,
            {"Content-Type": content_type},
            "Failed to post invocation response",
        )

    def post_invocation_error(self, invoke_id, error_response_data, xray_fault):
        # No Lambda-Runtime-Function-Error-Type here: the managed runtime leaves it out (spec §1.4).
        if len(xray_fault.encode("utf-8")) >= XRAY_CAUSE_MAX_BYTES:
            xray_fault = ""
        self._post(
            "%s/invocation/%s/error" % (API_PREFIX, invoke_id),
            error_response_data.encode("utf-8"),
            {"Content-Type": "application/json", XRAY_CAUSE_HEADER: xray_fault},
            "Failed to post invocation error",
        )

    def post_init_error(self, error_response_data):
        from .marshaller import to_json

        status, _, body = self._connection.request(
            "POST",
            INIT_ERROR_PATH,
            to_json(error_response_data).encode("utf-8"),
            {ERROR_TYPE_HEADER: error_response_data["errorType"]},
        )
        if status != 202:
            raise LambdaRuntimeClientError(INIT_ERROR_PATH, status, body)

    def _post(self, path, payload, headers, failure):
        try:
            status, _, body = self._connection.request("POST", path, payload, headers)
        except OSError:
            self._connection.close()
            raise RuntimeError(failure)
        if not 200 <= status < 300:
            _log_runtime_error(
                "Failed to post handler success response. Http response code: %d. %s"
                % (status, body.decode("utf-8", "replace"))
            )
            raise RuntimeError(failure)
