"""Lambda Workbench's Python runtime: a Runtime API client that behaves like AWS's awslambdaric.

Standard library only, Python 3.9+. Started by ../bootstrap.py; see lambda-spec.md §5.2.
Modules: rapid_client (HTTP), loop (init and the invoke loop), handler_loader, context, marshaller, logs,
faults (error types and the shared message catalogue ../../errors.json).
"""
