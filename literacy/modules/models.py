"""E-modules in statistical literacy: the Learn index, modules in three tiers, their lessons,
and what learners leave behind (saved progress, check attempts, completions, certificates).

Their tables keep the names they had in the former literacy app (see migrations/0001_initial.py).
"""

import secrets

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.core.pages import SubpageViewsMixin
from portal.core.vocabularies import Tier, UserGroup, UserGroupsField

from .blocks import CheckBlocks, LessonBlocks, TeacherResourcesBlock
from .forms import PREREQUISITE_LOOP, ModulePageForm

TIER_ORDER = [Tier.BASIC, Tier.INTERMEDIATE, Tier.ADVANCED]


class ModuleTopic(TaggedItemBase):
    content_object = ParentalKey("modules.ModulePage", on_delete=models.CASCADE, related_name="topic_items")

    class Meta:
        db_table = "literacy_moduletopic"


class ModuleIndexPage(SubpageViewsMixin, Page):
    """Learn: every module, grouped by tier, with the UNECE definition of each tier
    (``literacy.modules.urls.module_index_urls``: the filtered listing is views.module_index)."""

    intro = models.TextField(max_length=600, blank=True)
    basic_definition = models.TextField(
        max_length=800, help_text=_("What a learner at the basic tier can do, in plain words.")
    )
    intermediate_definition = models.TextField(max_length=800)
    advanced_definition = models.TextField(max_length=800)
    tiers_source = models.CharField(
        max_length=250,
        blank=True,
        help_text=_("Where the tier definitions come from, shown under them."),
    )
    save_progress_text = models.TextField(
        max_length=500,
        default=(
            "Your progress is kept in this browser for now. Sign in to keep it in your account, "
            "pick up on another device and get a certificate when you finish a module."
        ),
    )
    certificate_statement = models.CharField(
        max_length=200,
        default="has completed the statistical literacy e-module",
        help_text=_("The words between the learner's name and the module's title on a certificate."),
    )
    certificate_signatory = models.CharField(max_length=120, default="The national statistics office")

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("basic_definition"),
                FieldPanel("intermediate_definition"),
                FieldPanel("advanced_definition"),
                FieldPanel("tiers_source"),
            ],
            heading=_("The three tiers"),
        ),
        FieldPanel("save_progress_text"),
        MultiFieldPanel(
            [FieldPanel("certificate_statement"), FieldPanel("certificate_signatory")],
            heading=_("Certificates"),
        ),
    ]
    subpage_types = ["modules.ModulePage"]
    max_count = 1

    class Meta:
        db_table = "literacy_moduleindexpage"
        verbose_name = _("module index")

    def tier_definition(self, tier):
        return getattr(self, f"{tier}_definition", "")

    subpage_urls = "literacy.modules.urls.module_index_urls"
    # The same for every visitor without progress (those with some have a session, which the
    # page cache never serves); its modules' publishing purges it.
    cache_anonymous_responses = True


class ModulePage(SubpageViewsMixin, Page):
    """One e-module: a pre-check, lessons in order, a post-check, a certificate, a teachers' section
    (``literacy.modules.urls.module_urls``, served by views.py and certificates.py)."""

    collects_feedback = True  # learners are asked "Was this page useful?" (feedback)

    summary = models.TextField(
        max_length=400, help_text=_("What the module is about, in one or two sentences.")
    )
    tier = models.CharField(max_length=20, choices=Tier.choices, default=Tier.BASIC)
    topics = ClusterTaggableManager(through=ModuleTopic, blank=True)
    audiences = UserGroupsField(
        "written for", default=list, blank=True, help_text=_("The user groups the module is written for.")
    )
    objectives = models.TextField(
        max_length=2000, help_text=_("What learners will be able to do, one objective per line.")
    )
    duration_minutes = models.PositiveSmallIntegerField(
        _("estimated time (minutes)"), default=30, validators=[MinValueValidator(1), MaxValueValidator(600)]
    )
    prerequisites = ParentalManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="required_by",
        help_text=_("Modules to take first. A module cannot require itself, directly or through others."),
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"),
        default=70,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("The post-check score, out of 100, that earns the certificate."),
    )
    pre_check = StreamField(
        CheckBlocks(min_num=1), help_text=_("A few questions on the objectives, before the first lesson.")
    )
    post_check = StreamField(
        CheckBlocks(min_num=1), help_text=_("Questions on the same objectives, after the last lesson.")
    )
    teacher_resources = StreamField(
        [("teacher_resources", TeacherResourcesBlock())],
        blank=True,
        max_num=1,
        verbose_name=_("for teachers"),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("tier"), FieldPanel("duration_minutes"), FieldPanel("pass_mark")]),
        FieldPanel("topics"),
        FieldPanel("audiences"),
        FieldPanel("objectives"),
        FieldPanel("prerequisites", widget=forms.CheckboxSelectMultiple),
        FieldPanel("pre_check"),
        FieldPanel("post_check"),
        FieldPanel("teacher_resources"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("objectives"),
        index.FilterField("tier"),
        index.RelatedFields("topics", [index.SearchField("name")]),
    ]
    parent_page_types = ["modules.ModuleIndexPage"]
    subpage_types = ["modules.LessonPage"]
    base_form_class = ModulePageForm
    subpage_urls = "literacy.modules.urls.module_urls"

    class Meta:
        db_table = "literacy_modulepage"
        verbose_name = _("e-module")

    def objective_list(self):
        return [line.strip() for line in self.objectives.splitlines() if line.strip()]

    def lessons(self):
        """Live lessons, in the order editors gave them in the page tree."""
        return LessonPage.objects.live().child_of(self).order_by("path")

    def audience_labels(self):
        """The names of the user groups the module is written for, in the vocabulary's order."""
        return [group.label for group in UserGroup if group in self.audiences]

    def clean(self):
        super().clean()
        if self.pk and self.prerequisite_cycle([module.pk for module in self.prerequisites.all()]):
            raise ValidationError({"prerequisites": PREREQUISITE_LOOP})

    def prerequisite_cycle(self, prerequisite_ids):
        """True if these prerequisites of this module, and the saved ones of the others, lead back here."""
        through = ModulePage.prerequisites.through
        graph = {}
        for module_id, required_id in through.objects.values_list("from_modulepage_id", "to_modulepage_id"):
            graph.setdefault(module_id, set()).add(required_id)
        graph[self.pk] = set(prerequisite_ids)
        seen, stack = set(), list(graph[self.pk])
        while stack:
            module_id = stack.pop()
            if module_id == self.pk:
                return True
            if module_id not in seen:
                seen.add(module_id)
                stack.extend(graph.get(module_id, ()))
        return False


class LessonPage(SubpageViewsMixin, Page):
    """One lesson: text, charts, glossary terms, worked examples, videos and questions
    (``literacy.modules.urls.lesson_urls``: the page is views.lesson).

    Cached whole for visitors without progress. Its forms post to plain addresses (literacy/modules/urls.py)
    that check the browser's Origin instead of a CSRF token, which would set a cookie and keep the
    page out of the cache. It shows its module's title and its sibling lessons in its navigation,
    so publishing any of those purges it too."""

    collects_feedback = True
    cache_anonymous_responses = True
    cache_purge_with_family = True

    summary = models.TextField(max_length=300, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(
        _("estimated time (minutes)"), default=10, validators=[MinValueValidator(1), MaxValueValidator(240)]
    )
    body = StreamField(LessonBlocks())

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("duration_minutes"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["modules.ModulePage"]
    subpage_types = []

    class Meta:
        db_table = "literacy_lessonpage"
        verbose_name = _("lesson")

    subpage_urls = "literacy.modules.urls.lesson_urls"


class ModuleProgress(models.Model):
    """A signed-in learner's place in a module (anonymous learners keep this in their session)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="module_progress"
    )
    module = models.ForeignKey(ModulePage, on_delete=models.CASCADE, related_name="progress")
    completed_lessons = models.JSONField(default=list, blank=True)
    answers = models.JSONField(default=dict, blank=True, help_text=_("Lesson answers by question id."))
    check_answers = models.JSONField(default=dict, blank=True, help_text=_("Latest pre/post-check answers."))
    last_lesson = models.ForeignKey(
        LessonPage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    pre_score = models.PositiveSmallIntegerField(null=True, blank=True)
    post_score = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text=_("The best post-check score.")
    )
    started_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "literacy_moduleprogress"
        verbose_name_plural = _("module progress")
        constraints = [
            models.UniqueConstraint(fields=["user", "module"], name="literacy_one_progress_per_module")
        ]

    def __str__(self):
        return f"{self.user} in {self.module.title}"


class CheckAttempt(models.Model):
    """One pre-check or post-check taken: the baseline and end-of-module measures of learning."""

    class Kind(models.TextChoices):
        PRE = "pre", _("Pre-check")
        POST = "post", _("Post-check")

    module = models.ForeignKey(ModulePage, on_delete=models.CASCADE, related_name="check_attempts")
    kind = models.CharField(max_length=4, choices=Kind.choices)
    learner = models.CharField(
        max_length=40, help_text=_("Who took it: an account, or an anonymous browser.")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    correct = models.PositiveSmallIntegerField()
    total = models.PositiveSmallIntegerField()
    score = models.PositiveSmallIntegerField(help_text=_("Out of 100."))
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        db_table = "literacy_checkattempt"
        indexes = [models.Index(fields=["module", "kind", "learner"])]
        permissions = [("view_learning_statistics", "Can see e-module statistics")]

    def __str__(self):
        return f"{self.get_kind_display()} {self.score}% ({self.module.title})"


class ModuleCompletion(models.Model):
    """A learner finished a module: every lesson done and the post-check passed."""

    module = models.ForeignKey(ModulePage, on_delete=models.CASCADE, related_name="completions")
    learner = models.CharField(max_length=40)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    completed_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        db_table = "literacy_modulecompletion"
        constraints = [
            models.UniqueConstraint(fields=["module", "learner"], name="literacy_one_completion_per_learner")
        ]

    def __str__(self):
        return f"{self.module.title} completed {self.completed_at:%Y-%m-%d}"


CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread
CODE_LENGTH = 12


def format_code(code):
    """ABCDEFGHJKLM -> ABCD-EFGH-JKLM, as printed on certificates."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def new_certificate_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


class Certificate(models.Model):
    """Proof that a named person completed a module, checkable by anyone with its code."""

    code = models.CharField(max_length=CODE_LENGTH, unique=True, default=new_certificate_code, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="certificates")
    module = models.ForeignKey(ModulePage, on_delete=models.PROTECT, related_name="certificates")
    name = models.CharField(_("name on the certificate"), max_length=120)
    module_title = models.CharField(
        max_length=255, help_text=_("The module's title when the certificate was issued.")
    )
    tier = models.CharField(max_length=20, choices=Tier.choices)
    score = models.PositiveSmallIntegerField(help_text=_("Post-check score, out of 100."))
    issued_at = models.DateTimeField(default=timezone.now, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revocation_reason = models.CharField(max_length=300, blank=True)

    class Meta:
        db_table = "literacy_certificate"
        ordering = ["-issued_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "module"],
                condition=Q(revoked_at__isnull=True),
                name="literacy_one_valid_certificate_per_module",
            )
        ]

    def __str__(self):
        return f"{self.name}: {self.module_title} ({self.display_code})"

    @property
    def display_code(self):
        return format_code(self.code)

    @property
    def revoked(self):
        return self.revoked_at is not None

    def clean(self):
        if self.revocation_reason and not self.revoked_at:
            raise ValidationError(
                {"revoked_at": gettext("Give the date of revocation, or clear the reason.")}
            )
