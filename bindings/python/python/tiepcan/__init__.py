"""tiepcan — Vietnam's Law on Access to Information (Luật Tiếp cận thông tin).

Catalogs, validation with legal citations, the Vietnamese working-day
calendar and request deadlines, from the Rust library ``tiepcan``. Every
function calls the core: the answers are the CLI's and the web widgets'.

Dates are civil dates in Vietnam (``datetime.date``); no function reads the
host clock: ``today`` is always a parameter.

Example:
    >>> import tiepcan
    >>> str(tiepcan.rule("R-CAT-FIELDS").citation)
    'Decree 13/2018/NĐ-CP, Art. 6(3)'
"""

from __future__ import annotations

from tiepcan import exceptions, lunar
from tiepcan._tiepcan import (
    Catalog,
    Citation,
    Deadline,
    Diagnostic,
    LunarDate,
    Milestone,
    PartialDate,
    Register,
    RegisterCheck,
    Report,
    RequestStatus,
    Rule,
    SkippedDay,
    WorkingCalendar,
    __version__,
    check_catalog_set,
    deadline,
    deadlines,
    fold_key,
    read_catalog,
    read_register,
    rule,
    rules,
)
from tiepcan.exceptions import (
    CalendarDataError,
    CalendarRangeError,
    DeadlineError,
    InternalError,
    InvalidDateError,
    ParseError,
    RuleError,
    TiepcanError,
    WriteError,
)

__all__ = [
    "__version__",
    "Catalog",
    "Citation",
    "Deadline",
    "Diagnostic",
    "LunarDate",
    "Milestone",
    "PartialDate",
    "Register",
    "RegisterCheck",
    "Report",
    "RequestStatus",
    "Rule",
    "SkippedDay",
    "WorkingCalendar",
    "check_catalog_set",
    "deadline",
    "deadlines",
    "read_catalog",
    "read_register",
    "fold_key",
    "lunar",
    "rule",
    "rules",
    "exceptions",
    "TiepcanError",
    "ParseError",
    "CalendarRangeError",
    "CalendarDataError",
    "InvalidDateError",
    "RuleError",
    "DeadlineError",
    "InternalError",
    "WriteError",
]
