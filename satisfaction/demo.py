"""Demo content for the satisfaction survey: its page at /survey/ and, so that the dashboard has
something to show, six months of made-up answers (scores and user groups only, no comments).
Made only when missing: running the loader twice changes nothing."""

import datetime
import random

from django.utils import timezone
from wagtail.models import Page

from portal.core.demo import DemoFiles
from portal.core.vocabularies import UserGroup

from .models import SatisfactionSurveyPage, SurveyResponse

CONTENT = DemoFiles(__file__)
DEMO_ANSWERS = 180


def load_satisfaction_demo(home, created):
    fields = CONTENT.json("page.json")
    if (
        not SatisfactionSurveyPage.objects.exists()
        and not home.get_children().filter(slug=fields["slug"]).exists()
    ):
        page = SatisfactionSurveyPage(**fields)
        Page.objects.get(pk=home.pk).add_child(instance=page)
        page.save_revision().publish()
        created.append(fields["slug"])
    if not SurveyResponse.objects.exists():
        chance = random.Random(23)  # noqa: S311 - repeatable demo data, not security
        now = timezone.now()
        groups = [*UserGroup.values, "", ""]
        SurveyResponse.objects.bulk_create(
            SurveyResponse(
                overall=chance.choices((1, 2, 3, 4, 5), weights=(1, 2, 3, 6, 4))[0],
                ease=chance.choices((1, 2, 3, 4, 5), weights=(2, 3, 4, 5, 2))[0],
                trust=chance.choices((1, 2, 3, 4, 5), weights=(1, 1, 2, 6, 6))[0],
                user_group=chance.choice(groups),
                from_path=chance.choice(["/", "/stories/", "/data/", "/learn/"]),
                created_at=now - datetime.timedelta(days=chance.randint(0, 180), hours=chance.randint(0, 23)),
            )
            for _ in range(DEMO_ANSWERS)
        )
        created.append("satisfaction survey answers")
