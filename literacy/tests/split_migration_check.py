"""Literacy's split into the modules and training apps, checked by literacy.tests.migration_check:
a training session page and a registration written with literacy's models before the split."""

import datetime

from tests.migrations import page_row_fields

BEFORE = ("literacy", "0006_communications_team_learning")


def read_after(ids):
    """What became of the rows written before the split."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    from literacy.training.models import Registration, TrainingSessionPage

    session = Page.objects.get(pk=ids["session"]).specific
    registration = Registration.objects.get(pk=ids["registration"])
    return {
        "session_class": type(session).__name__,
        "session_title": session.title,
        "session_content_type": session.content_type.app_label,
        "registration_session": registration.session_id,
        "registration_email": registration.email,
        "registrations_of_session": list(
            TrainingSessionPage.objects.get(pk=ids["session"]).registrations.values_list("pk", flat=True)
        ),
        "old_content_types": ContentType.objects.filter(app_label="literacy").count(),
        "registration_content_type": ContentType.objects.get_for_model(Registration).pk
        == ids["registration_content_type"],
    }


def write_before(apps):
    """A training index and a session under the root page, and one registration, as literacy's."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    root = Page.objects.get(depth=1)
    index_type, _ = ContentType.objects.get_or_create(app_label="literacy", model="trainingindexpage")
    session_type, _ = ContentType.objects.get_or_create(app_label="literacy", model="trainingsessionpage")
    registration_type, _ = ContentType.objects.get_or_create(app_label="literacy", model="registration")

    index = apps.get_model("literacy", "TrainingIndexPage").objects.create(
        **page_row_fields(
            apps, "Training before the split", "split-training", root.path + "ZZZY", index_type
        ),
        numchild=1,
    )
    session = apps.get_model("literacy", "TrainingSessionPage").objects.create(
        **page_row_fields(
            apps, "A session before the split", "split-session", index.path + "0001", session_type
        ),
        summary="Made at literacy's last migration.",
        starts_at=datetime.datetime(2030, 1, 1, 9, tzinfo=datetime.UTC),
        trainer_name="Ana Trainer",
    )
    Page.objects.filter(pk=root.pk).update(numchild=root.numchild + 1)
    contact = apps.get_model("contacts", "Contact").objects.create(email="before.split@example.org")
    registration = apps.get_model("literacy", "Registration").objects.create(
        session=session, contact=contact, name="Before Split", email=contact.email, status="confirmed"
    )
    return {
        "session": session.pk,
        "registration": registration.pk,
        "registration_content_type": registration_type.pk,
    }
