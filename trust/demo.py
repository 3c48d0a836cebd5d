"""Demo content for fact-checks: the listing (in the main menu), the misuse report form and two
illustrative fact-checks linked to the demo e-modules.

The content lives in ``demo_content/``: pages and fact-checks in ``pages.json``, each
explanation in Markdown. Made only when missing: running the loader twice changes nothing.
"""

import datetime

from django.utils import timezone
from wagtail.models import Page

from portal.core.demo import DemoFiles

from .models import FactCheckIndexPage, FactCheckModule, FactCheckPage, MisuseReportPage

CONTENT = DemoFiles(__file__)


def ensure_page(parent, model, created, *, slug, title, **fields):
    page = model.objects.filter(locale_id=parent.locale_id).first()  # in English, not a translation
    if page is not None or parent.get_children().filter(slug=slug).exists():
        return page
    page = model(title=title, slug=slug, **fields)
    Page.objects.get(pk=parent.pk).add_child(instance=page)
    page.save_revision().publish()
    created.append(slug)
    return model.objects.get(pk=page.pk)


def load_trust_demo(home, created):
    pages = CONTENT.json("pages.json")
    report_page = ensure_page(home, MisuseReportPage, created, **pages["report_page"])
    index = ensure_page(home, FactCheckIndexPage, created, **pages["index_page"], show_in_menus=True)
    if index is None:
        return
    if index.report_page_id is None and report_page is not None:
        index.report_page = report_page
        index.save_revision().publish()
    existing = set(FactCheckPage.objects.child_of(index).values_list("slug", flat=True))
    for fields in pages["fact_checks"]:
        if fields["slug"] not in existing:
            make_fact_check(index, dict(fields))
            created.append(f"fact-check {fields['slug']}")


def make_fact_check(index, fields):
    slugs = fields.pop("modules")
    days_ago = fields.pop("days_ago")
    explanation = CONTENT.html(fields.pop("explanation"))
    # Modules are found by their slugs in the page tree (named, not imported).
    found = {page.slug: page for page in Page.objects.filter(slug__in=slugs, depth__gte=3)}
    modules = [
        FactCheckModule(module=found[slug], sort_order=order)
        for order, slug in enumerate(slugs)
        if slug in found
    ]
    page = FactCheckPage(
        **fields,
        appeared_on=timezone.localdate() - datetime.timedelta(days=days_ago),
        explanation=explanation,
        related_modules=modules,
    )
    Page.objects.get(pk=index.pk).add_child(instance=page)
    page.save_revision().publish()
