"""Forums by user group: topics, posts, and the records that keep them trustworthy."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from portal.core.languages import language_field
from portal.core.pages import SubpageViewsMixin, subpage_sitemap_entries
from portal.core.vocabularies import UserGroup

RULES_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class ForumIndexPage(SubpageViewsMixin, Page):
    """The Forums section: every forum, and the routes for topics, posts and moderation links
    (``forums.urls.forum_index_urls``, served by forums.views)."""

    intro = models.TextField(max_length=500, blank=True)
    posting_help = RichTextField(
        features=RULES_FEATURES,
        blank=True,
        help_text=_(
            "Shown beside every post form: how to format a post, what happens to new members' posts."
        ),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("posting_help")]
    subpage_types = []
    max_count = 1
    subpage_urls = "forums.urls.forum_index_urls"

    class Meta:
        verbose_name = _("forum index")

    def get_cached_paths(self):
        """The index and every forum's page, which the page cache keeps (see page_cache.py)."""
        return ["/", *(f"{slug}/" for slug in Forum.objects.values_list("slug", flat=True))]

    def route_url(self, name, *args):
        return self.url + self.reverse_subpage(name, args=args)

    def get_sitemap_urls(self, request=None):
        """The index, every forum and every public topic, each with its latest post's date."""
        forums = Forum.objects.values_list("slug", "last_post__created_at")
        topics = Topic.objects.filter(approved=True, hidden=False).values_list("pk", "last_post_at")
        return [
            *super().get_sitemap_urls(request),
            *subpage_sitemap_entries(
                self,
                request,
                [
                    *(
                        (self.reverse_subpage("forum", args=[slug]), last or self.last_published_at)
                        for slug, last in forums
                    ),
                    *((self.reverse_subpage("topic", args=[pk]), last) for pk, last in topics),
                ],
            ),
        ]


class Forum(models.Model):
    """One forum for a user group or theme. Its rules are versioned: a change asks every
    member to accept them again before their next post."""

    title = models.CharField(max_length=120)
    slug = models.SlugField(max_length=80, unique=True)
    user_group = models.CharField(
        max_length=40,
        choices=UserGroup.choices,
        blank=True,
        help_text=_("The user group this forum serves; members who join it are recorded in it."),
    )
    description = models.TextField(max_length=600)
    rules = RichTextField(features=RULES_FEATURES)
    rules_version = models.PositiveIntegerField(default=1, editable=False)
    sort_order = models.PositiveIntegerField(default=0)
    # Denormalised so that the forum list is one query however many topics there are.
    topic_count = models.PositiveIntegerField(default=0, editable=False)
    post_count = models.PositiveIntegerField(default=0, editable=False)
    last_post = models.ForeignKey(
        "Post", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("user_group"),
        FieldPanel("description"),
        FieldPanel("rules"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "title"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.pk:
            previous = Forum.objects.filter(pk=self.pk).values_list("rules", flat=True).first()
            if previous is not None and previous != self.rules:
                self.rules_version += 1
        super().save(*args, **kwargs)


class Member(models.Model):
    """A person's standing in the forums: trusted or still pre-moderated, suspended or not."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_member"
    )
    display_name = models.CharField(max_length=80, blank=True)
    trusted = models.BooleanField(
        default=False,
        help_text=_("Trusted members' posts appear at once; new members' wait for a moderator."),
    )
    post_count = models.PositiveIntegerField(default=0, editable=False)
    suspended_until = models.DateTimeField(null=True, blank=True)
    suspension_reason = models.CharField(max_length=500, blank=True)
    joined_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-joined_at"]

    def __str__(self):
        return self.name

    @property
    def name(self):
        """Never the email address: that stays private."""
        return (
            self.display_name
            or self.user.get_full_name()
            or gettext("Member %(number)s") % {"number": self.pk}
        )

    def is_suspended(self, now=None):
        return self.suspended_until is not None and self.suspended_until > (now or timezone.now())


class RulesAcceptance(models.Model):
    """Who accepted which version of a forum's rules, and when."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_rules")
    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="acceptances")
    version = models.PositiveIntegerField()
    accepted_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint("user", "forum", "version", name="forums_rules_once_per_version")
        ]


class Topic(models.Model):
    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="topics")
    title = models.CharField(max_length=150)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="forum_topics"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    last_post_at = models.DateTimeField(default=timezone.now, editable=False)
    locked = models.BooleanField(default=False, help_text=_("No new replies."))
    pinned = models.BooleanField(default=False, help_text=_("Listed first in its forum."))
    hidden = models.BooleanField(default=False, help_text=_("Hidden from everyone but moderators."))
    approved = models.BooleanField(
        default=True, help_text=_("False while the opening post awaits moderation.")
    )
    reply_count = models.PositiveIntegerField(default=0, editable=False)
    accepted_answer = models.ForeignKey(
        "Post", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    has_official_answer = models.BooleanField(default=False, editable=False)

    class Meta:
        ordering = ["-pinned", "-last_post_at"]
        indexes = [models.Index(fields=["forum", "-pinned", "-last_post_at"])]

    def __str__(self):
        return self.title

    @property
    def is_visible(self):
        return self.approved and not self.hidden


class PostQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Post.Status.PUBLISHED)

    def visible_to_public(self):
        return self.published().filter(topic__hidden=False, topic__approved=True)


class Post(models.Model):
    """A message: the Markdown its author wrote, and the HTML made from it once, when saved."""

    class Status(models.TextChoices):
        PUBLISHED = "published", _("Published")
        PENDING = "pending", _("Awaiting moderation")
        REJECTED = "rejected", _("Rejected")
        HIDDEN = "hidden", _("Hidden by a moderator")

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="forum_posts")
    body_source = models.TextField(_("text"))
    body_html = models.TextField(editable=False)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PUBLISHED)
    hold_reason = models.CharField(
        max_length=300, blank=True, help_text=_("Why the post waits for a moderator.")
    )
    is_official = models.BooleanField(_("official answer"), default=False, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    edited_at = models.DateTimeField(null=True, blank=True, editable=False)
    form_token = models.CharField(max_length=40, null=True, blank=True, unique=True, editable=False)
    language = language_field(editable=False, help_text=_("The language of the site when it was written."))

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["topic", "status", "created_at"]),
            models.Index(fields=["status", "created_at"]),
        ]
        permissions = [("answer_officially", "Can post official answers")]

    def __str__(self):
        return f"{self.topic.title} #{self.pk}"


class PostRevision(models.Model):
    """What a post said before an edit: the history is kept, never rewritten."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    body_source = models.TextField()
    body_html = models.TextField()
    replaced_at = models.DateTimeField(default=timezone.now)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-replaced_at"]


class SubscriptionQuerySet(models.QuerySet):
    def filter_by_target(self, topic):
        """Subscriptions to this topic or to its forum."""
        return self.filter(Q(topic=topic) | Q(forum_id=topic.forum_id))


class Subscription(models.Model):
    """A member asked to hear about new posts in a topic or a whole forum, at once or daily."""

    class Frequency(models.TextChoices):
        IMMEDIATE = "immediate", _("An email for each new post")
        DAILY = "daily", _("A daily digest")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_subscriptions"
    )
    forum = models.ForeignKey(
        Forum, null=True, blank=True, on_delete=models.CASCADE, related_name="subscriptions"
    )
    topic = models.ForeignKey(
        Topic, null=True, blank=True, on_delete=models.CASCADE, related_name="subscriptions"
    )
    frequency = models.CharField(max_length=20, choices=Frequency.choices, default=Frequency.IMMEDIATE)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    last_digest_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(forum__isnull=True, topic__isnull=False)
                | Q(forum__isnull=False, topic__isnull=True),
                name="forums_subscription_one_target",
            ),
            models.UniqueConstraint("user", "topic", name="forums_subscription_topic_once"),
            models.UniqueConstraint("user", "forum", name="forums_subscription_forum_once"),
        ]

    def __str__(self):
        return f"{self.user} → {self.target}"

    @property
    def target(self):
        """The topic or the forum subscribed to."""
        return self.topic or self.forum


class Report(models.Model):
    """A member's report of a post to the moderators."""

    class Reason(models.TextChoices):
        SPAM = "spam", _("Spam or advertising")
        ABUSE = "abuse", _("Abusive or offensive")
        MISINFORMATION = "misinformation", _("Misleading about the statistics")
        PERSONAL_DATA = "personal_data", _("Shares someone's personal information")
        OFF_TOPIC = "off_topic", _("Off topic")
        OTHER = "other", _("Something else")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_reports"
    )
    reason = models.CharField(max_length=30, choices=Reason.choices)
    note = models.TextField(max_length=1000, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    resolved_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint("post", "reporter", name="forums_report_once_per_person")]

    def __str__(self):
        return gettext("%(reason)s: post %(number)s") % {
            "reason": self.get_reason_display(),
            "number": self.post_id,
        }


class ModerationAction(models.Model):
    """Every moderator decision, with who, when and why. Never edited."""

    class Kind(models.TextChoices):
        APPROVE = "approve", _("Approved a post")
        REJECT = "reject", _("Rejected a post")
        HIDE = "hide", _("Hid a post")
        RESTORE = "restore", _("Restored a post")
        LOCK = "lock", _("Locked a topic")
        UNLOCK = "unlock", _("Unlocked a topic")
        PIN = "pin", _("Pinned a topic")
        UNPIN = "unpin", _("Unpinned a topic")
        HIDE_TOPIC = "hide_topic", _("Hid a topic")
        SHOW_TOPIC = "show_topic", _("Showed a topic")
        MOVE = "move", _("Moved a topic")
        SUSPEND = "suspend", _("Suspended a member")
        UNSUSPEND = "unsuspend", _("Lifted a suspension")
        DISMISS_REPORTS = "dismiss_reports", _("Dismissed reports")

    kind = models.CharField(max_length=30, choices=Kind.choices)
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="forum_moderation",
    )
    post = models.ForeignKey(
        Post, null=True, blank=True, on_delete=models.SET_NULL, related_name="moderation"
    )
    topic = models.ForeignKey(
        Topic, null=True, blank=True, on_delete=models.SET_NULL, related_name="moderation"
    )
    reason = models.TextField(max_length=1000, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at"]
        permissions = [("moderate_forums", "Can moderate the forums")]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.created_at:%Y-%m-%d %H:%M})"
