"""The Vietnamese lunisolar calendar (âm lịch), computed at UTC+7 for lunar
years 1900–2199 (it differs from the Chinese calendar, computed at UTC+8, in
some years, e.g. Tết 1985 and 2007).

Example:
    >>> from tiepcan import lunar
    >>> lunar.to_lunar(datetime.date(2025, 1, 29))
    LunarDate(year=2025, month=1, day=1, leap=False)
    >>> lunar.to_solar(2025, 6, 1, leap=True)  # the leap sixth month of 2025
    datetime.date(2025, 7, 25)
"""

from __future__ import annotations

from tiepcan._tiepcan import LunarDate
from tiepcan._tiepcan import hung_kings_day as hung_kings_day
from tiepcan._tiepcan import leap_month as leap_month
from tiepcan._tiepcan import lunar_new_year as new_year
from tiepcan._tiepcan import lunar_to_solar as to_solar
from tiepcan._tiepcan import solar_to_lunar as to_lunar

__all__ = ["LunarDate", "to_solar", "to_lunar", "new_year", "hung_kings_day", "leap_month"]
