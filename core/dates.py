"""The names of the months, as Syrians say them.

Django's date formats name a month with these strings (`django.utils.dates.MONTHS`, the `F` of
`{{ value|date:"j F Y" }}`). Listed here, they are in the project's own catalogue, which Django
reads before its own: Arabic pages say كانون الثاني, شباط, آذار … as in the Levant, where
Django's Arabic says يناير, فبراير, مارس ….
"""

from django.utils.translation import gettext_noop

MONTHS = [
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
]
