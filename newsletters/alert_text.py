"""A release alert's words, written at send time in each reader's language from the data the
send stores (``Sending.alert``: the dataset's title, whether it is revised, the areas' names,
each figure's number, decimal places and period code). ``sending.prepare`` renders once per
language, under that language, so this runs once per language, never per reader.

Alerts stored before the data was kept (no ``dataset_title``, figures without ``number``) keep
their stored text: the subject and figure text are read back as they were written.
"""

from django.utils.translation import gettext, ngettext

from portal.core.formats import format_number, period_label
from portal.core.mail import single_line

SUBJECT_LENGTH = 150


def area_subject(dataset_title, names):
    """A local alert's subject: "New figures for North and 2 more: Population"."""
    if len(names) == 1:
        shown = names[0]
    else:
        more = len(names) - 1
        shown = ngettext("%(area)s and %(count)s more", "%(area)s and %(count)s more", more) % {
            "area": names[0],
            "count": more,
        }
    subject = gettext("New figures for %(areas)s: %(dataset)s") % {"areas": shown, "dataset": dataset_title}
    return single_line(subject)[:SUBJECT_LENGTH]


def alert_subject(alert):
    """The subject in the active language; an alert without its dataset's title (stored before
    the data was kept) gives its stored subject."""
    alert = alert or {}
    dataset_title = alert.get("dataset_title")
    if not dataset_title:
        return str(alert.get("subject") or "")
    areas = [area for area in alert.get("areas") or () if isinstance(area, dict)]
    names = [str(area["name"]) for area in areas if area.get("name")]
    if names:
        return area_subject(dataset_title, names)
    if alert.get("revised"):
        subject = gettext("Revised figures: %(dataset)s") % {"dataset": dataset_title}
    else:
        subject = gettext("New figures: %(dataset)s") % {"dataset": dataset_title}
    return single_line(subject)[:SUBJECT_LENGTH]


def figure_text(figure):
    """One figure with its number and period written in the active language; a figure without a
    number (none published, or stored before numbers were kept) keeps its stored text."""
    if not isinstance(figure, dict):
        return {}
    shown = dict(figure)
    number = format_number(figure.get("number"), figure.get("decimals"))
    if number:
        shown["value"] = number
    if figure.get("period_code"):
        shown["period"] = period_label(figure["period_code"])
    return shown


def alert_in_language(alert):
    """The stored alert with its subject and figures written in the active language."""
    alert = dict(alert or {})
    alert["subject"] = alert_subject(alert)
    alert["figures"] = [figure_text(figure) for figure in alert.get("figures") or ()]
    alert["areas"] = [
        {**area, "figures": [figure_text(figure) for figure in area.get("figures") or ()]}
        for area in alert.get("areas") or ()
        if isinstance(area, dict)
    ]
    return alert
