"""Exceptions raised by tiepcan.

One class per kind of core error, mapped variant by variant (like polars):

* :class:`TiepcanError` — base of everything tiepcan raises itself; ``.code``
  is a stable snake_case id of the core error variant (``"impossible_date"``,
  ``"json_syntax"``, ``"date_out_of_range"`` …).
* :class:`ParseError` — input text or a file that cannot be read; also a
  :class:`ValueError`. Carries ``.file``, ``.row``, ``.column``, ``.line``
  and ``.value`` where known.
* :class:`CalendarRangeError` — a date or lunar year outside the range the
  calendar covers; also a :class:`ValueError`.
* :class:`InvalidDateError` — a lunar date that does not exist; also a
  :class:`ValueError`.
* :class:`CalendarDataError` — an official days-off file that cannot be
  used (a :class:`ParseError`).
* :class:`RuleError` — an unknown rule id; also a :class:`ValueError`.
* :class:`DeadlineError` — the law gives no deadline (no regime, regime
  unknown in strict mode, no rule); also a :class:`ValueError`.
* :class:`WriteError` — a catalog that cannot be written in the format
  asked for; also a :class:`ValueError`.
* :class:`InternalError` — a bug in tiepcan (a caught Rust panic); also a
  :class:`RuntimeError`.

Missing or unreadable files raise Python's own :class:`FileNotFoundError`,
:class:`PermissionError` or :class:`IsADirectoryError`, with ``.filename``.
An error from ``read_catalog`` (I/O or :class:`ParseError`) also carries
``.diagnostic``: core's finding for the file (rule ``R-READ-FILE`` or
``R-READ-LIMIT``), to list unreadable files beside the others.

Example:
    >>> try:
    ...     tiepcan.PartialDate.parse("31/02/2019")
    ... except tiepcan.ParseError as e:
    ...     print(e.code, e.value, isinstance(e, ValueError))
    impossible_date 31/02/2019 True
"""

from __future__ import annotations

from typing import Any, Optional

__all__ = [
    "TiepcanError",
    "ParseError",
    "CalendarRangeError",
    "InvalidDateError",
    "CalendarDataError",
    "RuleError",
    "InternalError",
    "DeadlineError",
    "WriteError",
]


class TiepcanError(Exception):
    """Base class of every exception tiepcan raises itself.

    Args:
        message: what went wrong, in English.
        code: stable snake_case id of the core error variant.
        **details: extra attributes (``row``, ``column``, ``file`` …).

    Example:
        >>> e = tiepcan.TiepcanError("boom", code="x")
        >>> (str(e), e.code)
        ('boom', 'x')
    """

    code: Optional[str]

    def __init__(self, message: str = "", *, code: Optional[str] = None, **details: Any) -> None:
        super().__init__(message)
        self.code = code
        for k, v in details.items():
            setattr(self, k, v)


class ParseError(TiepcanError, ValueError):
    """Input text or a file that cannot be read.

    Attributes ``file``, ``row`` (1-based, as a spreadsheet numbers it),
    ``column`` (header as written, or 1-based character column in a text
    file), ``line`` (1-based, text files) and ``value`` (the input as
    written) are ``None`` when unknown.

    Args:
        message: what went wrong.
        code: stable id of the core error variant.
        file: file name.
        row: 1-based row.
        column: column header or 1-based character column.
        line: 1-based line.
        value: the offending input as written.

    Example:
        >>> e = tiepcan.ParseError("bad", code="x", row=3, column="Ngày")
        >>> (e.row, e.column, e.file, isinstance(e, ValueError))
        (3, 'Ngày', None, True)
    """

    file: Optional[str]
    row: Optional[int]
    column: Optional[Any]
    line: Optional[int]
    value: Optional[str]

    def __init__(
        self,
        message: str = "",
        *,
        code: Optional[str] = None,
        file: Optional[str] = None,
        row: Optional[int] = None,
        column: Optional[Any] = None,
        line: Optional[int] = None,
        value: Optional[str] = None,
        **details: Any,
    ) -> None:
        super().__init__(message, code=code, **details)
        self.file = file
        self.row = row
        self.column = column
        self.line = line
        self.value = value


class CalendarDataError(ParseError):
    """An official days-off file (overrides) that cannot be used; ``.file``
    and ``.line`` say where.

    Example:
        >>> issubclass(tiepcan.CalendarDataError, tiepcan.ParseError)
        True
    """


class CalendarRangeError(TiepcanError, ValueError):
    """A date or lunar year outside the range the calendar covers; the
    calendar never guesses. ``.date`` or ``.year`` holds what was asked.

    Example:
        >>> issubclass(tiepcan.CalendarRangeError, ValueError)
        True
    """


class InvalidDateError(TiepcanError, ValueError):
    """A date that does not exist, e.g. lunar 30/1 of a year whose first
    month has 29 days, or a leap flag on a month that is not leap.

    Example:
        >>> issubclass(tiepcan.InvalidDateError, tiepcan.TiepcanError)
        True
    """


class RuleError(TiepcanError, ValueError):
    """An unknown rule id.

    Example:
        >>> issubclass(tiepcan.RuleError, ValueError)
        True
    """


class InternalError(TiepcanError, RuntimeError):
    """A bug in tiepcan: a Rust panic caught at the boundary. Please report it.

    Example:
        >>> issubclass(tiepcan.InternalError, tiepcan.TiepcanError)
        True
    """


class DeadlineError(TiepcanError, ValueError):
    """The law gives no deadline for this request: ``code`` is
    ``"no_regime"`` (received before 2018-07-01, when no access-to-information
    law applied), ``"regime_unknown"`` (strict mode and the periods of the
    amended Law are not verified) or ``"no_rule"`` (a user rule file left a
    gap).

    Example:
        >>> issubclass(tiepcan.DeadlineError, ValueError)
        True
    """


class WriteError(TiepcanError, ValueError):
    """A catalog that cannot be written in the format asked for: a character
    XML 1.0 cannot carry (``.pointer`` names the value), or a DCAT/CKAN
    export of a conditional-access catalog.

    Example:
        >>> issubclass(tiepcan.WriteError, tiepcan.TiepcanError)
        True
    """
