"""How long a timed-quiz run may take (WCAG 2.2.1, timing adjustable).

A player may choose, before the start or at any time during play, twice or ten times the time
or no time limit at all. The choice is kept with the run on the server, which alone decides
when time is up. Only runs played against the standard clock are ranked: scores from runs
with more time, or with no timer, are shown to the player but never go on the leaderboard.
"""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

STANDARD, DOUBLE, TENFOLD, OFF = "standard", "x2", "x10", "off"
# How many times the page's time limit each choice gives; None: no limit. Longest last.
FACTORS = {STANDARD: 1, DOUBLE: 2, TENFOLD: 10, OFF: None}
ORDER = list(FACTORS)

UNRANKED = _(
    "Scores from plays with more time or without a timer are shown to you but do not go on the leaderboard."
)


def timer_of(run):
    """The run's choice; runs begun before the choice existed were standard."""
    timer = run.get("timer", STANDARD)
    return timer if timer in FACTORS else STANDARD


def limit_seconds(base_seconds, timer):
    """The time the server allows for a run with this choice: None when the timer is off."""
    factor = FACTORS[timer]
    return None if factor is None else base_seconds * factor


def is_ranked(run):
    return timer_of(run) == STANDARD


def longer(choice, current):
    """Whether ``choice`` gives more time than ``current`` (more time is never taken back)."""
    return ORDER.index(choice) > ORDER.index(current)


def start_choices(base_seconds, describe):
    """(value, label) for the start form; ``describe`` writes a number of seconds."""
    return [
        (
            STANDARD,
            gettext("%(time)s: the standard time (your score can go on the leaderboard)")
            % {"time": describe(base_seconds)},
        ),
        (
            DOUBLE,
            gettext("%(time)s: twice the time (not on the leaderboard)")
            % {"time": describe(base_seconds * 2)},
        ),
        (
            TENFOLD,
            gettext("%(time)s: ten times the time (not on the leaderboard)")
            % {"time": describe(base_seconds * 10)},
        ),
        (OFF, gettext("No time limit (not on the leaderboard)")),
    ]


MORE_TIME_LABELS = {
    DOUBLE: _("Double my time"),
    TENFOLD: _("Ten times my time"),
    OFF: _("Turn the timer off"),
}


def more_time_choices(run):
    """(value, label) of the choices that would give this run more time than it has."""
    current = timer_of(run)
    return [(value, label) for value, label in MORE_TIME_LABELS.items() if longer(value, current)]


def describe_choice(timer):
    """E.g. "twice the time", for "You played with …" and "You now have …"."""
    return {
        STANDARD: gettext("the standard time"),
        DOUBLE: gettext("twice the time"),
        TENFOLD: gettext("ten times the time"),
        OFF: gettext("no time limit"),
    }[timer]


def confirmation(timer):
    """The message after more time was given during play."""
    return (
        gettext("The timer is off.")
        if timer == OFF
        else gettext("You now have %(time)s.") % {"time": describe_choice(timer)}
    )
