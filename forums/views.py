"""The public side of the forums. forums.urls routes ForumIndexPage's addresses here; each
function takes the page first.

Reading is open to everyone, and anonymous readers get the forum pages from the page cache
(page_cache.py purges them). Writing needs a signed-in member with a confirmed email who has
accepted the forum's current rules, is not suspended, and stays within the rate limits.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.http import Http404, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from portal.core.caching.pagecache import mark_cacheable
from portal.core.ratelimit import limit_or_429
from portal.core.sanitise import render_user_markdown

from . import services
from .emails import subscription_for_token
from .feeds import ForumFeed
from .forms import EditForm, PostForm, ReportForm, RulesForm, TopicForm
from .models import Forum, Post, Subscription, Topic
from .search import matching_topics

TOPICS_PER_PAGE = 25
SEARCH_RESULTS_PER_PAGE = 20
SEARCH_QUERY_MAX_LENGTH = 200


def render(index, request, template, status=200, **context):
    response = index.render(request, template=template, context_overrides=context)
    response.status_code = status
    if request.user.is_authenticated:
        add_never_cache_headers(response)
    return response


def paginate(request, items, per_page):
    return Paginator(items, per_page).get_page(request.GET.get("page"))


def search_query(request):
    return " ".join(request.GET.get("q", "").split())[:SEARCH_QUERY_MAX_LENGTH]


def visible_topics(request):
    topics = Topic.objects.all()
    if not services.can_moderate(request.user):
        topics = topics.filter(approved=True, hidden=False)
    return topics


def topic_listing(topics):
    return topics.select_related("author__forum_member", "forum").order_by("-pinned", "-last_post_at", "-pk")


# Reading


def forum_list(index, request):
    mark_cacheable(request)
    forums = Forum.objects.select_related("last_post__topic", "last_post__author__forum_member")
    return render(index, request, "forums/forum_index_page.html", forums=forums)


def search(index, request):
    query = search_query(request)
    results = None
    if query:
        results = paginate(
            request, topic_listing(matching_topics(visible_topics(request), query)), SEARCH_RESULTS_PER_PAGE
        )
    return render(
        index,
        request,
        "forums/search.html",
        search_query=query,
        results=results,
        pagination_query=urlencode({"q": query}),
    )


def forum_detail(index, request, forum_slug):
    mark_cacheable(request)
    forum = get_object_or_404(Forum, slug=forum_slug)
    query = search_query(request)
    topics = visible_topics(request).filter(forum=forum)
    if query:
        topics = matching_topics(topics, query)
    return render(
        index,
        request,
        "forums/forum.html",
        forum=forum,
        topics=paginate(request, topic_listing(topics), TOPICS_PER_PAGE),
        search_query=query,
        pagination_query=urlencode({"q": query}) if query else "",
        subscribed=request.user.is_authenticated
        and Subscription.objects.filter(user=request.user, forum=forum).exists(),
        feed_url=index.route_url("feed", forum.slug),
    )


def get_topic(request, topic_id):
    """A visible topic; its author also sees it while it awaits moderation, moderators always."""
    topic = get_object_or_404(Topic.objects.select_related("forum", "author__forum_member"), pk=topic_id)
    awaiting_own = not topic.approved and not topic.hidden and topic.author_id == request.user.pk
    if not (topic.is_visible or awaiting_own or services.can_moderate(request.user)):
        raise Http404("No such topic.")
    return topic


def posts_shown(topic, user):
    """Published posts, plus the viewer's own posts awaiting moderation (shown to them as
    such), so that a held post does not seem to vanish."""
    shown = Q(status=Post.Status.PUBLISHED)
    if user.is_authenticated:
        shown |= Q(status=Post.Status.PENDING, author=user)
    return topic.posts.filter(shown)


def topic_detail(index, request, topic_id, slug=None):
    """A topic at /topic/<id>/; the slug some links add is only for people to read."""
    if slug is None:  # the address every link uses (not one with a slug), which changes purge
        mark_cacheable(request)
    topic = get_topic(request, int(topic_id))
    posts = (
        posts_shown(topic, request.user).select_related("author__forum_member").order_by("created_at", "pk")
    )
    page = paginate(request, posts, services.POSTS_PER_PAGE)
    question = page[0] if page.number == 1 and page.object_list else None
    accepted = None
    if topic.accepted_answer_id:
        accepted = posts.filter(pk=topic.accepted_answer_id, status=Post.Status.PUBLISHED).first()
    user = request.user
    now = timezone.now()
    for post in page:
        post.editable = services.can_edit(user, post, now)
    refusal = services.posting_refusal(user, topic.forum, now)
    return render(
        index,
        request,
        "forums/topic.html",
        canonical_path=index.route_url("topic", topic.pk),
        forum=topic.forum,
        topic=topic,
        posts=page,
        question=question,
        first_post_id=question.pk if question else None,
        accepted=accepted,
        posting_refusal=refusal,
        can_reply=user.is_authenticated and not refusal and not topic.locked,
        can_accept=services.can_accept_answer(user, topic),
        subscribed=user.is_authenticated and Subscription.objects.filter(user=user, topic=topic).exists(),
    )


def topic_url(index, topic, page=1):
    url = index.route_url("topic", topic.pk)
    return f"{url}?page={page}" if page > 1 else url


def post_permalink(index, request, post_id):
    """/forums/post/<id>/ leads to the topic page that shows the post, at the post."""
    post = get_object_or_404(Post.objects.select_related("topic"), pk=post_id, status=Post.Status.PUBLISHED)
    get_topic(request, post.topic_id)
    return HttpResponseRedirect(f"{topic_url(index, post.topic, services.page_of(post))}#post-{post.pk}")


def forum_feed(index, request, forum_slug):
    forum = get_object_or_404(Forum, slug=forum_slug)
    return ForumFeed(index, forum)(request)


# Joining and writing


def needs_sign_in(request):
    return redirect_to_login(request.get_full_path())


def accept_rules(index, request, forum_slug):
    forum = get_object_or_404(Forum, slug=forum_slug)
    if not request.user.is_authenticated:
        return needs_sign_in(request)
    next_url = request.GET.get("next") or index.route_url("new_topic", forum.slug)
    if not next_url.startswith(index.url):
        next_url = index.route_url("forum", forum.slug)
    if request.method == "POST":
        form = RulesForm(request.POST)
        if form.is_valid():
            services.accept_rules(
                request.user, forum, user_group=form.cleaned_data["user_group"], source=request.path
            )
            messages.success(
                request, gettext("Thank you: you have joined %(forum)s.") % {"forum": forum.title}
            )
            return HttpResponseRedirect(next_url)
    else:
        form = RulesForm(initial={"user_group": forum.user_group})
    accepted_before = forum.acceptances.filter(user=request.user).exists()
    return render(
        index,
        request,
        "forums/rules.html",
        status=400 if form.errors else 200,
        forum=forum,
        form=form,
        accepted_before=accepted_before,
        already_accepted=services.has_accepted_rules(request.user, forum),
    )


def writing_gate(index, request, forum):
    """A response that stops the member before the form (sign in, confirm, accept rules), or None."""
    if not request.user.is_authenticated:
        return needs_sign_in(request)
    refusal = services.posting_refusal(request.user, forum)
    if refusal:
        return render(index, request, "forums/refused.html", status=403, forum=forum, reason=refusal)
    if not services.has_accepted_rules(request.user, forum):
        query = urlencode({"next": request.get_full_path()})
        return HttpResponseRedirect(f"{index.route_url('rules', forum.slug)}?{query}")
    return None


def after_posting(index, request, post, was_duplicate=False):
    if post.status == Post.Status.PUBLISHED:
        if not was_duplicate:
            messages.success(request, gettext("Your post is published."))
        return HttpResponseRedirect(index.route_url("post", post.pk))
    if not was_duplicate:
        messages.success(
            request,
            gettext(
                "Thank you. A moderator checks new members' posts before they appear; "
                "we will email you if it cannot be published."
            ),
        )
    return HttpResponseRedirect(index.route_url("forum", post.topic.forum.slug))


def write(index, request, form, make_post, template, **context):
    """Preview or post a valid form: shared by new topics and replies.

    A second submit of the same form (its one-time token) leads to the post the first made.
    """
    if "preview" in request.POST:
        context["preview_html"] = render_user_markdown(form.cleaned_data["body"])
        return render(index, request, template, form=form, **context)
    duplicate = services.existing_post(request.user, form.cleaned_data["form_token"])
    if duplicate:
        return after_posting(index, request, duplicate, was_duplicate=True)
    limited = limit_or_429(request, "forum_post")
    if limited:
        return limited
    try:
        post = make_post(form.cleaned_data)
    except services.PostingRefused as refusal:
        form.add_error(None, str(refusal))
        return render(index, request, template, status=403, form=form, **context)
    except IntegrityError:  # the same token, posted twice at once: the other request won
        duplicate = services.existing_post(request.user, form.cleaned_data["form_token"])
        if duplicate is None:
            raise
        return after_posting(index, request, duplicate, was_duplicate=True)
    return after_posting(index, request, post)


def new_topic(index, request, forum_slug):
    forum = get_object_or_404(Forum, slug=forum_slug)
    gate = writing_gate(index, request, forum)
    if gate:
        return gate
    context = {"forum": forum}
    if request.method == "POST":
        form = TopicForm(request.POST)
        if form.is_valid():
            return write(
                index,
                request,
                form,
                lambda data: services.start_topic(
                    forum,
                    request.user,
                    data["title"],
                    data["body"],
                    form_token=data["form_token"],
                    honeypot=data["website"],
                    subscribe=data["subscribe"],
                ),
                "forums/new_topic.html",
                **context,
            )
        return render(index, request, "forums/new_topic.html", status=400, form=form, **context)
    return render(index, request, "forums/new_topic.html", form=TopicForm(), **context)


def quoted(post):
    """A post as a Markdown quote, with who said it, to start a reply with."""
    lines = "\n".join(f"> {line}" if line else ">" for line in post.body_source.splitlines())
    said = gettext("%(name)s wrote:") % {"name": services.author_name(post.author)}
    return f"**{said}**\n{lines}\n\n"


def reply(index, request, topic_id):
    topic = get_topic(request, topic_id)
    gate = writing_gate(index, request, topic.forum)
    if gate:
        return gate
    context = {"forum": topic.forum, "topic": topic}
    if topic.locked:
        return render(
            index,
            request,
            "forums/refused.html",
            status=403,
            reason=gettext("This topic is locked: it takes no new replies."),
            **context,
        )
    if request.method == "POST":
        form = PostForm(request.POST)
        if form.is_valid():
            return write(
                index,
                request,
                form,
                lambda data: services.reply(
                    topic,
                    request.user,
                    data["body"],
                    form_token=data["form_token"],
                    honeypot=data["website"],
                    subscribe=data["subscribe"],
                ),
                "forums/reply.html",
                **context,
            )
        return render(index, request, "forums/reply.html", status=400, form=form, **context)
    initial = {}
    quote_id = request.GET.get("quote", "")
    if quote_id.isdigit():
        source = topic.posts.published().select_related("author__forum_member").filter(pk=quote_id).first()
        if source:
            initial["body"] = quoted(source)
    return render(index, request, "forums/reply.html", form=PostForm(initial=initial), **context)


def edit_post(index, request, post_id):
    post = get_object_or_404(Post.objects.select_related("topic__forum"), pk=post_id)
    if not request.user.is_authenticated:
        return needs_sign_in(request)
    if not services.can_edit(request.user, post):
        raise PermissionDenied(gettext("You can edit only your own posts, within the editing time."))
    context = {"forum": post.topic.forum, "topic": post.topic, "post": post}
    if request.method == "POST":
        form = EditForm(request.POST)
        if form.is_valid():
            if "preview" in request.POST:
                context["preview_html"] = render_user_markdown(form.cleaned_data["body"])
                return render(index, request, "forums/edit.html", form=form, **context)
            if not services.can_moderate(request.user):
                limited = limit_or_429(request, "forum_post")
                if limited:
                    return limited
            try:
                services.edit_post(post, request.user, form.cleaned_data["body"])
            except services.PostingRefused as refusal:
                form.add_error(None, str(refusal))
                return render(index, request, "forums/edit.html", status=403, form=form, **context)
            if post.status == Post.Status.PENDING:
                messages.info(
                    request,
                    gettext(
                        "Your changes are saved. A moderator will check them before others see the post."
                    ),
                )
            else:
                messages.success(request, gettext("Your changes are saved."))
            if post.status == Post.Status.PUBLISHED:
                return HttpResponseRedirect(index.route_url("post", post.pk))
            return HttpResponseRedirect(index.route_url("forum", post.topic.forum.slug))
        return render(index, request, "forums/edit.html", status=400, form=form, **context)
    form = EditForm(initial={"body": post.body_source})
    return render(index, request, "forums/edit.html", form=form, **context)


def report_post(index, request, post_id):
    post = get_object_or_404(
        Post.objects.select_related("topic__forum"), pk=post_id, status=Post.Status.PUBLISHED
    )
    get_topic(request, post.topic_id)
    if not request.user.is_authenticated:
        return needs_sign_in(request)
    context = {"forum": post.topic.forum, "topic": post.topic, "post": post}
    if request.method == "POST":
        form = ReportForm(request.POST)
        if form.is_valid():
            limited = limit_or_429(request, "forum_report")
            if limited:
                return limited
            try:
                with transaction.atomic():
                    form.instance.post = post
                    form.instance.reporter = request.user
                    form.save()
            except IntegrityError:
                pass  # reported before by the same person: one report is enough
            messages.success(request, gettext("Thank you: the moderators will look at this post."))
            return HttpResponseRedirect(index.route_url("post", post.pk))
        return render(index, request, "forums/report.html", status=400, form=form, **context)
    return render(index, request, "forums/report.html", form=ReportForm(), **context)


def accept_answer(index, request, post_id):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    post = get_object_or_404(Post.objects.select_related("topic"), pk=post_id)
    topic = get_topic(request, post.topic_id)
    if not services.can_accept_answer(request.user, topic):
        raise PermissionDenied(gettext("Only the person who asked, or a moderator, can accept an answer."))
    try:
        accepted = services.accept_answer(topic, post)
    except services.PostingRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request,
            gettext("Marked as the accepted answer.")
            if accepted
            else gettext("No longer the accepted answer."),
        )
    return HttpResponseRedirect(index.route_url("post", post.pk))


def toggle_subscription(request, redirect_to, **target):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return needs_sign_in(request)
    deleted, _ = Subscription.objects.filter(user=request.user, **target).delete()
    if deleted:
        messages.success(request, gettext("You will no longer get emails about this."))
    else:
        frequency = request.POST.get("frequency")
        if frequency not in Subscription.Frequency.values:
            frequency = Subscription.Frequency.IMMEDIATE
        Subscription.objects.get_or_create(user=request.user, **target, defaults={"frequency": frequency})
        messages.success(
            request,
            gettext("Subscribed: we will email you about new posts. Every email has an unsubscribe link."),
        )
    return HttpResponseRedirect(redirect_to)


def subscribe_topic(index, request, topic_id):
    topic = get_topic(request, topic_id)
    return toggle_subscription(request, index.route_url("topic", topic.pk), topic=topic)


def subscribe_forum(index, request, forum_slug):
    forum = get_object_or_404(Forum, slug=forum_slug)
    return toggle_subscription(request, index.route_url("forum", forum.slug), forum=forum)


@csrf_exempt
@require_POST
def one_click_unsubscribe(request, token):
    """RFC 8058 one-click unsubscribe: the POST a mail client sends from the List-Unsubscribe
    header, without cookies (hence no CSRF token). Only a valid signed token acts."""
    subscription = subscription_for_token(token)
    if subscription is None:
        raise Http404("This unsubscribe link is not valid.")
    subscription.delete()
    return HttpResponse(gettext("Unsubscribed."), content_type="text/plain; charset=utf-8")


def unsubscribe(index, request, token):
    """The link in every subscription email: a page with one button (POST), so that mail
    scanners that open links unsubscribe nobody; mail clients' one-click POST works directly."""
    subscription = subscription_for_token(token)
    if request.method == "POST":
        if subscription is not None:
            subscription.delete()
        return render(index, request, "forums/unsubscribed.html", done=True)
    if subscription is None:
        return render(index, request, "forums/unsubscribed.html", status=404, done=False, invalid=True)
    return render(index, request, "forums/unsubscribed.html", subscription=subscription, done=False)
