"""The case operations registry, in the style of ``wagtail.actions.action_registry``.

Each operation class (``cases.operations``) registers itself here when it is defined; every
table that used to restate an operation (staff permissions, actor rules, workbench forms and
labels, timeline labels, response-template choices, notify's event map) is read from here.
This module imports nothing from the models, so they may ask it too; ``CasesConfig.ready()``
imports the operations, so the registry is full before any request or command runs.
"""

_operations = {}


def register(operation_class):
    name = operation_class.name
    if name in _operations and _operations[name] is not operation_class:
        raise ValueError(f"Two case operations are called {name!r}.")
    _operations[name] = operation_class
    return operation_class


def get(name):
    """The operation class called ``name``, or None."""
    return _operations.get(name)


def for_log_action(action):
    """The operation that writes timeline entries with this action code ("cases.forward")."""
    prefix, _dot, name = (action or "").partition(".")
    return _operations.get(name) if prefix == "cases" else None


def all_operations():
    """Every operation, in the order they are defined (the workflow's order)."""
    return list(_operations.values())


def with_forms():
    """The operations the workbench offers as a form on a case, by name."""
    return {op.name: op for op in all_operations() if op.form_class}


def response_template_choices():
    """The ``ResponseTemplate.transition`` choices: operations whose form takes a text."""
    return [(op.name, op.label) for op in all_operations() if op.takes_response_template]
