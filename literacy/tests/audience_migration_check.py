"""Audiences becoming user groups, checked by literacy.tests.migration_check: a session, a module
and a revision of each written with the models from before the change, read after migrating
forward and again after migrating back."""

import datetime

from tests.migrations import page_row_fields

BEFORE = [("training", "0002_registration_calendar_uid"), ("modules", "0001_initial")]


def write_before(apps):
    """A session for teachers and a module for students, public servants and two audiences an
    editor added, each with an older revision naming another audience."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Revision = apps.get_model("wagtailcore", "Revision")
    LearnerAudience = apps.get_model("modules", "LearnerAudience")
    root = Page.objects.get(depth=1)
    page_type = ContentType.objects.get_for_model(Page)
    session_type, _ = ContentType.objects.get_or_create(app_label="training", model="trainingsessionpage")
    module_type, _ = ContentType.objects.get_or_create(app_label="modules", model="modulepage")

    session = apps.get_model("training", "TrainingSessionPage").objects.create(
        **page_row_fields(apps, "Census in class", "census-in-class", root.path + "ZZZW", session_type),
        summary="Written for teachers.",
        starts_at=datetime.datetime(2030, 1, 1, 9, tzinfo=datetime.UTC),
        trainer_name="Ana Trainer",
        audience="teachers",
    )
    module = apps.get_model("modules", "ModulePage").objects.create(
        **page_row_fields(apps, "Mean and median", "mean-and-median", root.path + "ZZZX", module_type),
        summary="Averages.",
        objectives="Tell the mean from the median.",
        pre_check="[]",
        post_check="[]",
        teacher_resources="[]",
    )
    audiences = {audience.slug: audience for audience in LearnerAudience.objects.all()}
    audiences["researchers"] = LearnerAudience.objects.create(slug="researchers", name="Researchers")
    audiences["pensioners"] = LearnerAudience.objects.create(slug="pensioners", name="Pensioners")
    module.audiences.through.objects.bulk_create(
        module.audiences.through(modulepage_id=module.pk, learneraudience_id=audiences[slug].pk)
        for slug in ("students", "public-servants", "researchers", "pensioners")
    )
    Page.objects.filter(pk=root.pk).update(numchild=root.numchild + 2)

    def revision(page, content_type, content):
        return Revision.objects.create(
            content_type=content_type,
            base_content_type=page_type,
            object_id=str(page.pk),
            created_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
            object_str=page.title,
            content={"pk": page.pk, "title": page.title, **content},
        )

    return {
        "session": session.pk,
        "module": module.pk,
        "session_revision": revision(session, session_type, {"audience": "journalists"}).pk,
        "module_revision": revision(module, module_type, {"audiences": [audiences["journalists"].pk]}).pk,
    }


def read_after(ids):
    from django.db import connection
    from wagtail.models import Revision

    from literacy.modules.models import ModulePage
    from literacy.training.models import TrainingSessionPage

    return {
        "session": TrainingSessionPage.objects.get(pk=ids["session"]).audience,
        "session_revision": Revision.objects.get(pk=ids["session_revision"]).content["audience"],
        "module": ModulePage.objects.get(pk=ids["module"]).audiences,
        "module_revision": Revision.objects.get(pk=ids["module_revision"]).content["audiences"],
        "learner_audience_table": "literacy_learneraudience" in connection.introspection.table_names(),
    }


def read_before(apps, ids):
    Revision = apps.get_model("wagtailcore", "Revision")
    LearnerAudience = apps.get_model("modules", "LearnerAudience")
    slugs = dict(LearnerAudience.objects.values_list("pk", "slug"))
    module = apps.get_model("modules", "ModulePage").objects.get(pk=ids["module"])
    return {
        "session": apps.get_model("training", "TrainingSessionPage").objects.get(pk=ids["session"]).audience,
        "session_revision": Revision.objects.get(pk=ids["session_revision"]).content["audience"],
        "module": sorted(
            slugs[pk]
            for pk in module.audiences.through.objects.filter(modulepage_id=module.pk).values_list(
                "learneraudience_id", flat=True
            )
        ),
        "module_revision": sorted(
            slugs[pk] for pk in Revision.objects.get(pk=ids["module_revision"]).content["audiences"]
        ),
    }
