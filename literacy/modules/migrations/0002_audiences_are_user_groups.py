"""Who a module is written for becomes a list of user groups from the one shared vocabulary (the
user database's), instead of a separate table of learner audiences.

Each module keeps its audiences, mapped to groups: students and teachers to "teachers and
students", journalists to "media", public servants to "policymakers". An audience an editor added
is kept when its slug or name is a user group; otherwise it is reported and left out. Going back makes a learner audience of each group
in use (the four original ones for the groups they became). Revisions
move forward too (their JSON already holds the field's final name), so reverting a page brings
back groups, not ids of a table that is gone."""

from django.db import migrations
from django.utils.text import slugify

import portal.core.vocabularies
from portal.core.revisions import rewrite_revisions
from portal.core.vocabularies import UserGroup

GROUP_FOR_AUDIENCE = {
    "students": "teachers_and_students",
    "teachers": "teachers_and_students",
    "journalists": "media",
    "public-servants": "policymakers",
}
AUDIENCES_FOR_GROUP = {
    "teachers_and_students": [("students", "Students"), ("teachers", "Teachers")],
    "media": [("journalists", "Journalists")],
    "policymakers": [("public-servants", "Public servants")],
}


def group_for(audience):
    if audience.slug in GROUP_FOR_AUDIENCE:
        return GROUP_FOR_AUDIENCE[audience.slug]
    for candidate in (audience.slug.replace("-", "_"), slugify(audience.name).replace("-", "_")):
        if candidate in UserGroup.values:
            return candidate
    print(f"\n  Learner audience {audience.name!r} matches no user group; modules no longer list it.")
    return None


def ordered(groups):
    return [group for group in UserGroup.values if group in groups]


def audiences_to_groups(apps, schema_editor):
    LearnerAudience = apps.get_model("modules", "LearnerAudience")
    ModulePage = apps.get_model("modules", "ModulePage")
    groups = {audience.pk: group_for(audience) for audience in LearnerAudience.objects.all()}
    # The links are read and written through the join table: historical models are not
    # clusterable, so a parental many-to-many would never save.
    links = ModulePage.audiences.through.objects.values_list("modulepage_id", "learneraudience_id")
    groups_of = {}
    for module_id, audience_id in links:
        groups_of.setdefault(module_id, set()).add(groups[audience_id])
    for module_id, module_groups in groups_of.items():
        ModulePage.objects.filter(pk=module_id).update(user_groups=ordered(module_groups))

    def change(content):
        if "audiences" not in content:
            return False
        content["audiences"] = ordered({groups.get(int(pk)) for pk in content["audiences"] or []})
        return True

    rewrite_revisions(apps, "modules", "modulepage", change)


def groups_to_audiences(apps, schema_editor):
    LearnerAudience = apps.get_model("modules", "LearnerAudience")
    ModulePage = apps.get_model("modules", "ModulePage")
    made = {}

    def audiences_for(group):
        if group not in UserGroup.values:
            return []
        if group not in made:
            pairs = AUDIENCES_FOR_GROUP.get(group, [(group.replace("_", "-"), UserGroup(group).label)])
            order = UserGroup.values.index(group)
            made[group] = [
                LearnerAudience.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": order})[0]
                for slug, name in pairs
            ]
        return made[group]

    ModulePage.audiences.through.objects.bulk_create(
        ModulePage.audiences.through(modulepage_id=module_id, learneraudience_id=audience.pk)
        for module_id, groups in ModulePage.objects.values_list("pk", "user_groups")
        for group in groups
        for audience in audiences_for(group)
    )

    def change(content):
        if "audiences" not in content:
            return False
        groups = content["audiences"] or []
        content["audiences"] = [audience.pk for group in groups for audience in audiences_for(group)]
        return True

    rewrite_revisions(apps, "modules", "modulepage", change)


class Migration(migrations.Migration):
    dependencies = [
        ("modules", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="modulepage",
            name="user_groups",
            field=portal.core.vocabularies.UserGroupsField(blank=True, default=list),
        ),
        migrations.RunPython(audiences_to_groups, groups_to_audiences),
        migrations.RemoveField(model_name="modulepage", name="audiences"),
        migrations.DeleteModel(name="LearnerAudience"),
        migrations.RenameField(model_name="modulepage", old_name="user_groups", new_name="audiences"),
        migrations.AlterField(
            model_name="modulepage",
            name="audiences",
            field=portal.core.vocabularies.UserGroupsField(
                blank=True,
                default=list,
                help_text="The user groups the module is written for.",
                verbose_name="written for",
            ),
        ),
    ]
