"""Demo content for the e-modules: the Learn index with modules in three tiers.

The content lives in ``demo_content/``: ``index.json`` (the index's texts and the order of
the modules), then a folder per module with its fields and checks in ``module.json``, each lesson's
body in ``<lesson>.md`` and the teachers' discussion guide and worksheet as Markdown.
"""

from decimal import Decimal

from portal.core.demo import DemoFiles, ensure_section_index
from stories.models import GlossaryTerm

from .models import LessonPage, ModuleIndexPage, ModulePage

CONTENT = DemoFiles(__file__, "demo_content")


def load_module_demo(home, created):
    """Create whatever of the e-module demo is missing; ``created`` gets a name for each thing made."""
    index_fields = CONTENT.json("index.json")
    slugs = index_fields.pop("modules")
    index = ensure_section_index(home, ModuleIndexPage, created, slug="learn", title="Learn", **index_fields)
    if index is None:
        return
    existing = set(ModulePage.objects.child_of(index).values_list("slug", flat=True))
    missing = [module_spec(slug) for slug in slugs if slug not in existing]
    if not missing:
        return
    terms = {term.slug: term for term in GlossaryTerm.objects.all()}
    modules = {module.slug: module for module in ModulePage.objects.child_of(index)}
    for spec in missing:
        modules[spec["slug"]] = ensure_module(index, spec, modules, terms, created)


def module_spec(slug):
    """A module's fields, checks, teachers' resources and lessons, read from its folder."""
    spec = CONTENT.json(f"{slug}/module.json")
    for check in ("pre_check", "post_check"):
        spec[check] = [with_decimals(question["type"], question["value"]) for question in spec[check]]
    spec["teachers"].update(
        discussion_guide=CONTENT.html(f"{slug}/discussion-guide.md"),
        worksheet=CONTENT.html(f"{slug}/worksheet.md"),
    )
    for lesson in spec["lessons"]:
        body = CONTENT.blocks(f"{slug}/{lesson['slug']}.md", paragraph_per_block=False)
        lesson["body"] = [with_decimals(block_type, value) for block_type, value in body]
    return spec


def with_decimals(block_type, value):
    """JSON has no decimals: a numeric question's answer and tolerance are written as strings."""
    if block_type == "numeric":
        value = {**value, "answer": Decimal(value["answer"]), "tolerance": Decimal(value["tolerance"])}
    return block_type, value


def with_terms(body, terms):
    """Glossary blocks name their terms by slug in the content; the block wants the snippets."""
    blocks = []
    for block_type, value in body:
        if block_type == "glossary_terms":
            value = {**value, "terms": [terms[slug] for slug in value["terms"] if slug in terms]}
            if not value["terms"]:
                continue
        blocks.append((block_type, value))
    return blocks


def ensure_module(index, spec, modules, terms, created):
    module = ModulePage(
        title=spec["title"],
        slug=spec["slug"],
        summary=spec["summary"],
        tier=spec["tier"],
        objectives="\n".join(spec["objectives"]),
        duration_minutes=spec["minutes"],
        pass_mark=spec.get("pass_mark", 70),
        pre_check=spec["pre_check"],
        post_check=spec["post_check"],
        teacher_resources=[("teacher_resources", spec["teachers"])],
        audiences=spec["audiences"],
    )
    module.topics.add(*spec["topics"])
    module.prerequisites = [modules[slug] for slug in spec.get("prerequisites", ()) if slug in modules]
    index.add_child(instance=module)
    module.save_revision().publish()
    for lesson_spec in spec["lessons"]:
        lesson = LessonPage(
            title=lesson_spec["title"],
            slug=lesson_spec["slug"],
            summary=lesson_spec["summary"],
            duration_minutes=lesson_spec["minutes"],
            body=with_terms(lesson_spec["body"], terms),
        )
        module.add_child(instance=lesson)
        lesson.save_revision().publish()
    created.append(f"e-module {spec['slug']}")
    return module
