"""Finding the handler named by _HANDLER (lambda-spec.md §5.2): `module.function`, slashes in the module allowed."""
import importlib
import sys

from .faults import FaultException, fault


def load_handler(handler):
    try:
        modname, fname = handler.rsplit(".", 1)
    except ValueError:
        raise fault(FaultException.MALFORMED_HANDLER_NAME, handler=handler)

    try:
        if modname.split(".")[0] in sys.builtin_module_names:
            raise fault(FaultException.BUILT_IN_MODULE_CONFLICT, module=modname)
        module = importlib.import_module(modname.replace("/", "."))
    except ImportError as error:
        raise fault(FaultException.IMPORT_MODULE_ERROR, module=modname, error=str(error))
    except SyntaxError as error:
        trace = ['  File "%s" Line %s\n    %s' % (error.filename, error.lineno, error.text)]
        raise fault(FaultException.USER_CODE_SYNTAX_ERROR, trace, module=modname, error=str(error))

    try:
        return getattr(module, fname)
    except AttributeError:
        raise fault(FaultException.HANDLER_NOT_FOUND, function=fname, module=modname)
