from django.db import migrations

AUDIENCES = [
    ("students", "Students"),
    ("teachers", "Teachers"),
    ("journalists", "Journalists"),
    ("public-servants", "Public servants"),
]


def add_audiences(apps, schema_editor):
    LearnerAudience = apps.get_model("literacy", "LearnerAudience")
    for order, (slug, name) in enumerate(AUDIENCES):
        LearnerAudience.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": order})


class Migration(migrations.Migration):
    dependencies = [("literacy", "0004_emodules")]

    operations = [migrations.RunPython(add_audiences, migrations.RunPython.noop)]
