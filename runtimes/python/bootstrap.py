"""Lambda Workbench's bootstrap for the python3.x runtimes: what /var/runtime/bootstrap.py is on Lambda.

Started by the runner as `<python> bootstrap.py` in the function's code folder, with Lambda's environment
(lambda-spec.md §2). It sets up sys.path as Lambda does, then runs lwb_runtime's Runtime API client.
Standard library only; runs on Python 3.9 and later.
"""
import os
import sys

# Internal variables of the runner, never seen by user code: local layer folders, each standing in for Lambda's /opt;
# and, in a debug environment, where debugpy listens (lwb_runtime.debugger).
LAYERS_VARIABLE = "_LAMBDA_WORKBENCH_OPT"
DEBUG_VARIABLE = "_LAMBDA_WORKBENCH_DEBUG"


def _lambda_sys_path(task_root, layers):
    """The folders Lambda puts before everything else: the task root, then /opt's site-packages and python."""
    front = [task_root]
    if "PYTHONPATH" not in os.environ:
        site_packages = os.path.join("python", "lib", "python%d.%d" % sys.version_info[:2], "site-packages")
        # Layers are merged into one /opt where a later layer's files win, so later layers come first here.
        front += [os.path.join(layer, site_packages) for layer in reversed(layers)]
        front += [os.path.join(layer, "python") for layer in reversed(layers)]
    return front


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    if here not in sys.path:
        sys.path.insert(0, here)  # e.g. under -P / PYTHONSAFEPATH
    # Import the runtime (and the standard modules it needs) before user folders lead sys.path, as Lambda does.
    from lwb_runtime.loop import run
    from lwb_runtime.rapid_client import LambdaRuntimeClient

    debug_settings = os.environ.pop(DEBUG_VARIABLE, None)
    if debug_settings:
        # Before the function's folders lead sys.path, and before its module is imported: module-level code can stop.
        from lwb_runtime import debugger

        debugger.start(debug_settings)

    layers = [layer for layer in os.environ.pop(LAYERS_VARIABLE, "").split(os.pathsep) if layer]
    task_root = os.environ.get("LAMBDA_TASK_ROOT") or os.getcwd()
    front = _lambda_sys_path(task_root, layers)
    sys.path[0:0] = front
    # Lambda makes these site directories, so .pth files shipped in the code or a layer take effect.
    import site

    for folder in front:
        site.addsitedir(folder)
    if "PYTHONPATH" not in os.environ and os.environ.get("LAMBDA_RUNTIME_DIR"):
        os.environ["PYTHONPATH"] = os.environ["LAMBDA_RUNTIME_DIR"]

    run(os.environ.get("_HANDLER", ""), LambdaRuntimeClient(os.environ["AWS_LAMBDA_RUNTIME_API"]))


if __name__ == "__main__":
    main()
