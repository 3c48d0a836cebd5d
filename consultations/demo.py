"""Demo content for consultations: the listing, one consultation open now with its questionnaire
and one closed with its outcome ("We asked, you said, we did"), each with a few invented
anonymous responses so that the staff results have something to count.

The content lives in ``demo_content/``: pages, questions and responses in ``pages.json``, long
texts in Markdown. Dates are relative to the day the loader runs. Made only when missing.
"""

import datetime

from django.utils import timezone
from wagtail.models import Page

from portal.core.demo import DemoFiles

from .models import ConsultationFormField, ConsultationIndexPage, ConsultationPage, ConsultationResponse

CONTENT = DemoFiles(__file__)


def load_consultations_demo(home, created):
    pages = CONTENT.json("pages.json")
    index = ConsultationIndexPage.objects.first()
    if index is None:
        if home.get_children().filter(slug=pages["index_page"]["slug"]).exists():
            return
        index = ConsultationIndexPage(**pages["index_page"])
        Page.objects.get(pk=home.pk).add_child(instance=index)
        index.save_revision().publish()
        created.append(index.slug)
    existing = set(ConsultationPage.objects.child_of(index).values_list("slug", flat=True))
    for fields in pages["consultations"]:
        if fields["slug"] not in existing:
            make_consultation(index, dict(fields))
            created.append(f"consultation {fields['slug']}")


def make_consultation(index, fields):
    questions = fields.pop("questions")
    responses = fields.pop("responses")
    outcome = fields.pop("outcome", {})
    intro = CONTENT.html(fields.pop("intro"))
    opened_days_ago = fields.pop("opened_days_ago")
    opens_at = timezone.now().replace(minute=0, second=0, microsecond=0) - datetime.timedelta(
        days=opened_days_ago
    )
    closes_at = opens_at + datetime.timedelta(days=fields.pop("open_days"))
    page = ConsultationPage(
        **fields,
        intro=intro,
        opens_at=opens_at,
        closes_at=closes_at,
        form_fields=[
            ConsultationFormField(sort_order=order, **question) for order, question in enumerate(questions)
        ],
        **{part: CONTENT.html(name) for part, name in outcome.items()},
    )
    Page.objects.get(pk=index.pk).add_child(instance=page)
    page.save_revision().publish()
    keys = [field.clean_name for field in page.form_fields.all()]
    for day, answers in enumerate(responses, start=1):
        response = ConsultationResponse.objects.create(
            page=page, form_data=dict(zip(keys, answers, strict=True))
        )
        # Spread over the days the consultation was open (submit_time is set on creation).
        submitted = min(opens_at + datetime.timedelta(days=day), timezone.now())
        ConsultationResponse.objects.filter(pk=response.pk).update(submit_time=submitted)
