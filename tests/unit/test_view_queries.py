"""Views read through storage's query classes; services own the changes.

A handler that only shows something calls a `...Queries` class of storage/ (handed to it by the
container) instead of a service method that merely forwards the call. Two rules keep that
honest: what the container hands out of storage can only read, and no service forwards a read
that a query class already offers.
"""

from __future__ import annotations

import ast
import dataclasses
import importlib
import inspect
import pkgutil
import textwrap
import typing

import services
from services.container import Services

_WRITES = {"transaction", "execute", "executemany", "checkpoint"}
"""The `Database` methods that change something; a query class calls none of them."""


def _is_query_class(cls: type) -> bool:
    return cls.__module__.startswith("storage.") and cls.__name__.endswith("Queries")


def _query_classes_of(cls: type) -> list[type]:
    return [base for base in cls.__mro__ if _is_query_class(base)]


def _storage_fields() -> dict[str, type]:
    hints = typing.get_type_hints(Services)
    return {
        field.name: hints[field.name]
        for field in dataclasses.fields(Services)
        if isinstance(hints[field.name], type)
        and hints[field.name].__module__.startswith("storage.")
    }


def _calls(tree: ast.AST) -> set[str]:
    return {
        node.func.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
    }


def test_what_the_container_hands_out_of_storage_only_reads() -> None:
    fields = _storage_fields()
    assert fields, "the views read through query classes"
    for name, cls in fields.items():
        assert _is_query_class(cls), f"Services.{name} is {cls.__name__}, not a query class"
        tree = ast.parse(textwrap.dedent(inspect.getsource(cls)))
        assert not _calls(tree) & _WRITES, f"{cls.__name__} writes"


def _service_classes() -> list[type]:
    found = []
    for module in pkgutil.walk_packages(services.__path__, "services."):
        loaded = importlib.import_module(module.name)
        found += [
            cls
            for _, cls in inspect.getmembers(loaded, inspect.isclass)
            if cls.__module__ == loaded.__name__
        ]
    return found


def _held(cls: type) -> dict[str, type]:
    """What `self._x = parameter` holds, by the parameter's annotated class."""
    init = cls.__dict__.get("__init__")
    if not inspect.isfunction(init) or init.__code__.co_filename != inspect.getfile(cls):
        return {}  # none of its own, or one a dataclass wrote (its fields are not services')
    names = vars(importlib.import_module(cls.__module__))
    hints = {
        parameter: names[annotation]
        for parameter, annotation in inspect.get_annotations(init).items()
        if isinstance(annotation, str) and isinstance(names.get(annotation), type)
    }  # a plain class name (a type imported only for checking is no query class)
    held = {}
    for node in ast.walk(ast.parse(textwrap.dedent(inspect.getsource(init)))):
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Name)
            and isinstance(hints.get(node.value.id), type)
        ):
            for target in node.targets:
                if isinstance(target, ast.Attribute):
                    held[target.attr] = hints[node.value.id]
    return held


def _forwarded_reads(cls: type) -> list[str]:
    """Public methods whose whole body hands the call on to a query class's method."""
    held = _held(cls)
    forwarded = []
    for name, method in vars(cls).items():
        if name.startswith("_") or not inspect.isfunction(method):
            continue
        body = ast.parse(textwrap.dedent(inspect.getsource(method))).body[0]
        assert isinstance(body, ast.FunctionDef | ast.AsyncFunctionDef)
        statements = [
            statement
            for statement in body.body
            if not (isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant))
        ]
        if len(statements) != 1 or not isinstance(statements[0], ast.Return | ast.Expr):
            continue
        value = statements[0].value
        if isinstance(value, ast.Await):
            value = value.value
        if not (
            isinstance(value, ast.Call)
            and isinstance(value.func, ast.Attribute)
            and isinstance(value.func.value, ast.Attribute)
            and isinstance(value.func.value.value, ast.Name)
            and value.func.value.value.id == "self"
        ):
            continue
        target = held.get(value.func.value.attr)
        if target is None:
            continue
        if any(value.func.attr in vars(query) for query in _query_classes_of(target)):
            forwarded.append(f"{cls.__name__}.{name}")
    return forwarded


def test_no_service_forwards_a_read_a_query_class_offers() -> None:
    forwarded = [name for cls in _service_classes() for name in _forwarded_reads(cls)]
    assert forwarded == []
