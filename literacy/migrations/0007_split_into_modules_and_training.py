"""Literacy is split: the e-modules' models now belong to the `modules` app and training's to the
`training` app. Nothing changes in the database but the content types' app label: the tables keep
their names (each model sets db_table), and this migration only takes the models out of
literacy's state; modules/0001 and training/0001 put them back under their new apps.

Relabelling the content types in place keeps every row that points at them (pages, revisions,
log entries, permissions and so the groups' permissions) working."""

from django.db import migrations

MOVED = {
    "modules": [
        "learneraudience",
        "moduletopic",
        "moduleindexpage",
        "modulepage",
        "lessonpage",
        "moduleprogress",
        "checkattempt",
        "modulecompletion",
        "certificate",
    ],
    "training": [
        "trainingindexpage",
        "trainingsessionpage",
        "sessionmaterial",
        "registration",
        "sessionfeedback",
    ],
}


def relabel(apps, old_label, new_label_for):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for app_label, models in MOVED.items():
        new_label = new_label_for(app_label)
        for model in models:
            moving = ContentType.objects.filter(app_label=old_label if old_label else app_label, model=model)
            moving = moving.first()
            if moving is None:
                continue
            # A content type already made under the new label (by a partial run) gives way to the
            # old one, handing over its groups' and users' permissions first.
            clash = ContentType.objects.filter(app_label=new_label, model=model).first()
            if clash is not None:
                for permission in Permission.objects.filter(content_type=clash):
                    kept = Permission.objects.filter(
                        content_type=moving, codename=permission.codename
                    ).first()
                    if kept is None:
                        permission.content_type = moving
                        permission.save(update_fields=["content_type"])
                        continue
                    kept.group_set.add(*permission.group_set.all())
                    kept.user_set.add(*permission.user_set.all())
                    permission.delete()
                clash.delete()
            moving.app_label = new_label
            moving.save(update_fields=["app_label"])


def forwards(apps, schema_editor):
    relabel(apps, "literacy", lambda app_label: app_label)


def backwards(apps, schema_editor):
    relabel(apps, None, lambda app_label: "literacy")


class Migration(migrations.Migration):
    dependencies = [
        ("literacy", "0006_communications_team_learning"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                # Those that point at others first.
                migrations.DeleteModel("ModuleTopic"),
                migrations.DeleteModel("ModuleProgress"),
                migrations.DeleteModel("CheckAttempt"),
                migrations.DeleteModel("ModuleCompletion"),
                migrations.DeleteModel("Certificate"),
                migrations.DeleteModel("LessonPage"),
                migrations.DeleteModel("ModulePage"),
                migrations.DeleteModel("ModuleIndexPage"),
                migrations.DeleteModel("LearnerAudience"),
                migrations.DeleteModel("SessionFeedback"),
                migrations.DeleteModel("Registration"),
                migrations.DeleteModel("SessionMaterial"),
                migrations.DeleteModel("TrainingSessionPage"),
                migrations.DeleteModel("TrainingIndexPage"),
            ],
        ),
        migrations.RunPython(forwards, backwards),
    ]
