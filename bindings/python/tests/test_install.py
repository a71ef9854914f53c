"""The package under test is the installed wheel, not the source tree."""

from __future__ import annotations

import importlib.resources
import pathlib
import sys

import tiepcan
import tiepcan._tiepcan


def test_imported_from_the_installed_wheel_not_the_source_tree():
    path = pathlib.Path(tiepcan.__file__).resolve()
    assert "site-packages" in path.parts, path
    assert pathlib.Path(tiepcan._tiepcan.__file__).parent == path.parent


def test_extension_is_abi3():
    # One wheel for CPython >= 3.9: the module file is `_tiepcan.abi3.so`.
    assert pathlib.Path(tiepcan._tiepcan.__file__).name.startswith("_tiepcan.abi3."), tiepcan._tiepcan.__file__


def test_typed_package_ships_py_typed_and_stubs():
    files = importlib.resources.files("tiepcan")
    assert files.joinpath("py.typed").is_file()
    assert files.joinpath("_tiepcan.pyi").is_file()


def test_version_matches_the_crate():
    # Cargo.toml workspace version.
    assert tiepcan.__version__ == "0.1.0"


def test_runs_on_the_supported_python():
    assert sys.version_info >= (3, 9)
