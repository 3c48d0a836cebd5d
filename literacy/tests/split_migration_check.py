"""Run in its own process against the database of DATABASE_URL (see test_split_migration.py):
migrates literacy to where it was before the split, writes a training session page and a
registration there with the models of that time, migrates forward and prints what it finds.

    DATABASE_URL=sqlite:////tmp/check.sqlite3 python -m literacy.tests.split_migration_check
"""

import datetime
import json
import os
import uuid

BEFORE = ("literacy", "0006_communications_team_learning")


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    import django

    django.setup()

    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    call_command("migrate", "literacy", BEFORE[1], verbosity=0)
    old = MigrationExecutor(connection).loader.project_state(BEFORE).apps
    ids = write_before(old)

    call_command("migrate", verbosity=0)

    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    from literacy.training.models import Registration, TrainingSessionPage

    session = Page.objects.get(pk=ids["session"]).specific
    registration = Registration.objects.get(pk=ids["registration"])
    print(
        json.dumps(
            {
                "session_class": type(session).__name__,
                "session_title": session.title,
                "session_content_type": session.content_type.app_label,
                "registration_session": registration.session_id,
                "registration_email": registration.email,
                "registrations_of_session": list(
                    TrainingSessionPage.objects.get(pk=ids["session"]).registrations.values_list(
                        "pk", flat=True
                    )
                ),
                "old_content_types": ContentType.objects.filter(app_label="literacy").count(),
                "registration_content_type": ContentType.objects.get_for_model(Registration).pk
                == ids["registration_content_type"],
            }
        )
    )


def write_before(apps):
    """A training index and a session under the root page, and one registration, as literacy's."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Locale = apps.get_model("wagtailcore", "Locale")
    locale = Locale.objects.first()
    root = Page.objects.get(depth=1)
    index_type, _ = ContentType.objects.get_or_create(app_label="literacy", model="trainingindexpage")
    session_type, _ = ContentType.objects.get_or_create(app_label="literacy", model="trainingsessionpage")
    registration_type, _ = ContentType.objects.get_or_create(app_label="literacy", model="registration")

    def page_fields(title, slug, path, content_type):
        return {
            "title": title,
            "draft_title": title,
            "slug": slug,
            "path": path,
            "depth": len(path) // 4,
            "url_path": f"/{slug}/",
            "content_type": content_type,
            "locale": locale,
            "translation_key": uuid.uuid4(),
            "live": True,
        }

    index = apps.get_model("literacy", "TrainingIndexPage").objects.create(
        **page_fields("Training before the split", "split-training", root.path + "ZZZY", index_type),
        numchild=1,
    )
    session = apps.get_model("literacy", "TrainingSessionPage").objects.create(
        **page_fields("A session before the split", "split-session", index.path + "0001", session_type),
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


if __name__ == "__main__":
    main()
