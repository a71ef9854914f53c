"""Every public function documents Args / Returns / Raises / Example, and
every example in a docstring runs as a test (doctest over the extension
module and the pure-Python modules)."""

from __future__ import annotations

import datetime
import doctest
import inspect

import pytest

import tiepcan
import tiepcan._tiepcan as ext
import tiepcan.exceptions

MODULES = [ext, tiepcan, tiepcan.exceptions]
for _name in ("lunar",):
    _mod = getattr(tiepcan, _name, None)
    if _mod is not None:
        MODULES.append(_mod)

GLOBS = {"tiepcan": tiepcan, "datetime": datetime}


def _tests():
    finder = doctest.DocTestFinder(exclude_empty=True)
    out = []
    for mod in MODULES:
        for t in finder.find(mod, mod.__name__, globs=dict(GLOBS)):
            if t.examples:
                out.append(t)
    return out


DOCTESTS = _tests()


def test_there_are_doctests():
    assert len(DOCTESTS) >= 30, len(DOCTESTS)


@pytest.mark.parametrize("test", DOCTESTS, ids=[t.name for t in DOCTESTS])
def test_docstring_example(test):
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    out: list[str] = []
    result = runner.run(test, out=out.append)
    assert result.failed == 0, "".join(out)


def _public_callables():
    for name in dir(ext):
        if name.startswith("_"):
            continue
        obj = getattr(ext, name)
        if inspect.isclass(obj):
            yield name, obj
            for m, v in vars(obj).items():
                if m.startswith("_") or isinstance(v, type(type.__dict__["__doc__"])):
                    continue  # getters are documented by one line
                if callable(v) or isinstance(v, (staticmethod, classmethod)):
                    yield f"{name}.{m}", getattr(obj, m)
        elif callable(obj):
            yield name, obj


PUBLIC = list(_public_callables())


@pytest.mark.parametrize("name,obj", PUBLIC, ids=[n for n, _ in PUBLIC])
def test_public_callable_is_documented(name, obj):
    doc = inspect.getdoc(obj) or ""
    assert "Example:" in doc, f"{name} has no Example section"
    if not inspect.isclass(obj):
        assert "Returns:" in doc, f"{name} has no Returns section"
        sig = getattr(obj, "__text_signature__", None) or ""
        params = [p for p in sig.strip("()").replace("$", "").split(",") if p.strip() and p.strip() not in ("self", "cls", "/", "*", "type")]
        if params:
            assert "Args:" in doc, f"{name} takes arguments but has no Args section"
