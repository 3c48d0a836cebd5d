"""Demo content for the e-modules: the Learn index with modules in three tiers."""

from home.demo import ensure_section_index
from stories.models import GlossaryTerm

from .learning_models import LearnerAudience, LessonPage, ModuleIndexPage, ModulePage
from .module_demo_content import INDEX, MODULES


def load_module_demo(home, created):
    """Create whatever of the e-module demo is missing; ``created`` gets a name for each thing made."""
    index = ensure_section_index(home, ModuleIndexPage, created, slug="learn", title="Learn", **INDEX)
    if index is None:
        return
    existing = set(ModulePage.objects.child_of(index).values_list("slug", flat=True))
    missing = [spec for spec in MODULES if spec["slug"] not in existing]
    if not missing:
        return
    terms = {term.slug: term for term in GlossaryTerm.objects.all()}
    audiences = {audience.slug: audience for audience in LearnerAudience.objects.all()}
    modules = {module.slug: module for module in ModulePage.objects.child_of(index)}
    for spec in missing:
        modules[spec["slug"]] = ensure_module(index, spec, modules, audiences, terms, created)


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


def ensure_module(index, spec, modules, audiences, terms, created):
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
    )
    module.topics.add(*spec["topics"])
    module.audiences = [audiences[slug] for slug in spec["audiences"] if slug in audiences]
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
