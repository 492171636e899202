"""The structure the code keeps: no import cycles, apps depending one way, and each case
operation spelled in few places."""

import ast
import re
from pathlib import Path

from django.test import SimpleTestCase

ROOT = Path(__file__).resolve().parent.parent
APPS = [
    "portal",
    "refdata",
    "pages",
    "cases",
    "notify",
    "intake",
    "open311",
    "accountability",
    "demo",
]


def source_files():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def is_module(name):
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def top_level_imports(path, name):
    """The project modules ``name`` imports when it is imported (not inside functions)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = []
    for node in tree.body:
        nodes.extend(ast.walk(node) if isinstance(node, ast.If | ast.Try) else [node])
    found = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                found.add(candidate if is_module(candidate) else base)
    return {module for module in found if module.split(".")[0] in APPS and module != name}


def import_graph():
    return {
        module_name(path): top_level_imports(path, module_name(path)) for path in source_files()
    }


def cycles(graph):
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in graph:
        if node not in index:
            visit(node)
    return found


class ArchitectureTests(SimpleTestCase):
    def test_no_import_cycles(self):
        self.assertEqual(cycles(import_graph()), [])

    def test_apps_depend_one_way(self):
        # Which apps each app may import (beside itself and the settings package).
        allowed = {
            "refdata": set(),
            "cases": {"refdata"},
            "pages": {"refdata"},
            "notify": {"cases", "refdata"},
            "intake": {"cases", "notify", "refdata"},
            "open311": {"cases", "intake", "notify", "refdata"},
            "accountability": {"cases", "refdata"},
            "demo": {"cases", "notify", "refdata"},
            "staff_security": set(),
            "privacy": {"cases", "intake", "notify", "refdata"},
        }
        for module, imports in import_graph().items():
            app = module.split(".")[0]
            if app == "portal":
                continue
            for imported in imports:
                target = imported.split(".")[0]
                with self.subTest(module=module, imports=imported):
                    self.assertIn(target, allowed[app] | {app, "portal"})

    def test_each_operation_is_named_in_few_source_files(self):
        from cases import registry

        files = [
            path
            for path in [*source_files(), *(ROOT / "templates").rglob("*.html")]
            if "migrations" not in path.parts
        ]
        texts = {path: path.read_text(encoding="utf-8") for path in files}
        # Names that are also everyday words or field names ("note", "close") are left out:
        # they would count English, not the operation.
        for operation in registry.all_operations():
            if "_" not in operation.name and operation.name not in {"recall", "reopen"}:
                continue
            pattern = re.compile(rf"\b{re.escape(operation.name)}\b")
            named_in = [path for path, text in texts.items() if pattern.search(text)]
            with self.subTest(operation=operation.name):
                self.assertLessEqual(len(named_in), 5, named_in)
