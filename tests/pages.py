"""What every app's page factories share: where a page hangs by default (the site root), how
a page is published (as an editor does), and a chart as a story's body holds it (newsletters and
feedback show stories' charts too)."""

from wagtail.models import Site

PRICES_CSV = "Month,Annual rate (%)\nJul 2026,2.9\nAug 2026,2.8\nSep 2026,2.7\nOct 2026,2.4\n"


def chart_block(title="Inflation, annual rate", chart_type="line", data=PRICES_CSV, **extra):
    """A chart as a story's body holds it: (block name, value)."""
    return (
        "chart",
        {
            "title": title,
            "chart_type": chart_type,
            "data": data,
            "x_label": extra.get("x_label", "Month"),
            "y_label": extra.get("y_label", "Annual rate"),
            "unit": extra.get("unit", "%"),
            "summary": extra.get("summary", "Inflation fell for the third month in a row."),
            "source": extra.get("source", "Consumer price index"),
            "notes": extra.get("notes", ""),
        },
    )


def site_root():
    """The default site's root page (see the ``home_page`` fixture): pages hang here by default."""
    return Site.objects.get(is_default_site=True).root_page


def publish(page, create, extracted, **kwargs):
    """Publish through a revision, as an editor does, so that the page has a first publication
    date and a live revision, and what reacts to publishing (cache purges, charts drawn ahead,
    the reference index) runs; the instance is reloaded to show them. A page made with
    ``live=False`` gets a draft revision instead. Declare it after a factory's other
    post-generation steps, so that what they add (tags) is published too."""
    if create:
        revision = page.save_revision()
        if page.live:
            revision.publish()
            page.refresh_from_db()


def translate_page(page, language, **changes):
    """``page`` translated into ``language`` as an editor does it: a copy for translation (with
    its parents, the first time), given ``changes`` (the translated fields) and published, with
    the parents copied for it. Returns the translation, reloaded."""
    from wagtail.models import Locale

    locale, _created = Locale.objects.get_or_create(language_code=language)
    translation = page.copy_for_translation(locale, copy_parents=True)
    for name, value in changes.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    for parent in translation.get_ancestors().filter(depth__gt=1, live=False).specific():
        parent.save_revision().publish()
    translation.refresh_from_db()
    return translation
