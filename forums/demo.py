"""Demo content for the forums: the index at /forums/, six forums by user group, and their
discussions, with official answers from the office's statisticians.

Idempotent: a forum that exists (by slug) is left as it is, and its topics are made only
together with it. The people are fictional, at example.org addresses, and cannot sign in.
Everything is written in bulk, as the posts' HTML is made once, here, like on a real save.
"""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Permission
from django.db.models import Count
from django.utils import timezone

from portal.core.sanitise import render_user_markdown
from portal.core.vocabularies import UserGroup

from .models import Forum, Member, Post, RulesAcceptance, Topic
from .services import refresh_forum

INTRO = "Ask questions about the data, share how you use it, and talk to the statisticians who produce it."
POSTING_HELP = (
    "<p><b>Writing a post.</b> Use Markdown: <b>**bold**</b>, <i>*italic*</i>, a line starting with "
    "&gt; for a quote, - for a list, and [text](https://address) for a link.</p>"
    "<p>First posts from new members are checked by a moderator before they appear, usually "
    "within one working day.</p>"
)
# The Forums page, which the demo loader makes in place of the section's placeholder.
SECTION = {"slug": "forums", "title": "Forums", "intro": INTRO, "posting_help": POSTING_HELP}
COMMON_RULES = (
    "<ol><li>Be courteous. Criticise figures and methods, never people.</li>"
    "<li>Stay on topic, and search before you ask: your question may have an answer already.</li>"
    "<li>Do not share anyone's personal information, including your own.</li>"
    "<li>No advertising, and no links to material you are paid to promote.</li>"
    "<li>Say where a figure comes from. Posts that misrepresent official statistics are removed.</li>"
    "<li>Answers marked <i>official</i> come from the office's statisticians; everything else is "
    "the opinion of its author.</li></ol>"
)

# key: (display name, email, statistician?)
PEOPLE = {
    "ines": ("Inès Moreau (Prices statistics)", "ines.moreau@statistics.example.org", True),
    "peter": ("Peter Okafor (Labour market)", "peter.okafor@statistics.example.org", True),
    "yuki": ("Yuki Tanaka (Population and census)", "yuki.tanaka@statistics.example.org", True),
    "amira": ("Amira H.", "amira.haddad@example.org", False),
    "tomasz": ("Tomasz N.", "tomasz.nowicki@example.org", False),
    "grace": ("Grace Mensah", "grace.mensah@example.org", False),
    "mr_baker": ("Mr Baker, maths teacher", "j.baker@example.org", False),
    "lena": ("Lena, year 12", "lena.s@example.org", False),
    "farid": ("Dr Farid Rahimi", "f.rahimi@example.org", False),
    "sofia": ("Sofia Conti", "sofia.conti@example.org", False),
    "olu": ("Olu Adebayo", "olu.adebayo@example.org", False),
    "marie": ("Marie Dubois", "marie.dubois@example.org", False),
    "ken": ("Ken Walsh", "ken.walsh@example.org", False),
    "club": ("Riverside Stats Club", "riverside.club@example.org", False),
    "ana": ("Ana Petrova", "ana.petrova@example.org", False),
}

# (slug, title, user group, description, topics); a topic is (title, [(author, text), …],
# index of the accepted answer or None).
FORUMS = [
    (
        "media",
        "Media & journalists",
        UserGroup.MEDIA,
        "For reporters and editors: release times, embargoes, how to quote a figure, and what a "
        "revision means before you write the headline.",
        [
            (
                "Why was last quarter's GDP growth revised from 0.4% to 0.5%?",
                [
                    (
                        "amira",
                        "We reported 0.4% in August. Today's release says 0.5% for the same quarter. "
                        "Was the first figure wrong? Our readers are asking.",
                    ),
                    (
                        "peter",
                        "Not wrong: early. The first estimate is published 30 days after the quarter "
                        "ends, with about 60% of the source data. As VAT returns and company surveys "
                        "arrive, we revise it. A 0.1 point revision is within the normal range.\n\n"
                        "The *revisions triangle* on the release page shows every vintage since 2015.",
                    ),
                    ("amira", "Thank you, that is very useful for our explainer."),
                ],
                1,
            ),
            (
                "Embargo times for the monthly inflation release",
                [
                    (
                        "tomasz",
                        "Is there a media embargo on the CPI release, or does everyone get it at 9:00?",
                    ),
                    (
                        "ines",
                        "Everyone gets it at the same time: 9:00 on the release day, published on this "
                        "site first. We do not give pre-release access, so that no one can trade on it.",
                    ),
                ],
                1,
            ),
            (
                "How to describe a change in the unemployment rate",
                [
                    (
                        "grace",
                        "If the rate goes from 4.1% to 4.3%, is it right to say unemployment rose by 0.2%?",
                    ),
                    (
                        "peter",
                        "Say it rose by **0.2 percentage points**. A rise of 0.2% would mean 4.1 x 1.002, "
                        "about 4.108%. The difference matters, and readers notice.",
                    ),
                    ("tomasz", "We added this to our style guide last year. Saves a correction a month."),
                ],
                1,
            ),
            (
                "Is the regional GDP release comparable with last year's?",
                [
                    (
                        "amira",
                        "The 2026 regional accounts use new boundaries. Can I compare the northern "
                        "region with 2025?",
                    ),
                    (
                        "yuki",
                        "Yes, if you use the back series: the release includes 2015 to 2025 recalculated "
                        "on the new boundaries. The old tables are not comparable.",
                    ),
                ],
                1,
            ),
            (
                "Contact for a quick comment on the census results",
                [
                    ("grace", "Who should I call for a comment on the census results on the day of release?"),
                    (
                        "yuki",
                        "The press office: every release page names a contact person and a phone "
                        "number. On census day there is a dedicated line from 8:00.",
                    ),
                ],
                None,
            ),
        ],
    ),
    (
        "teachers-and-students",
        "Teachers & students",
        UserGroup.TEACHERS_AND_STUDENTS,
        "Using official statistics in class: lesson ideas, datasets that work for projects, and help "
        "with homework questions about the data.",
        [
            (
                "Good datasets for a year 9 project on our town",
                [
                    (
                        "mr_baker",
                        "I want each group to describe our town with three official figures. Which "
                        "tables are small enough for 14-year-olds?",
                    ),
                    (
                        "yuki",
                        "Try the *local area profile*: population by age, households, and commuting, "
                        "each as a table of a dozen rows, with a CSV download. The e-module "
                        '"Reading a table" (basic level) goes well with it.',
                    ),
                    ("mr_baker", "Perfect, thank you. The CSVs open fine in the school's spreadsheet."),
                ],
                1,
            ),
            (
                "Mean or median household income for my essay?",
                [
                    (
                        "lena",
                        "My essay is about inequality. The mean income is much higher than the median. "
                        "Which one should I use?",
                    ),
                    (
                        "farid",
                        "Use both, and say why they differ: a few very high incomes pull the mean up. "
                        "The gap between them is itself a sign of inequality.",
                    ),
                    (
                        "peter",
                        "Agreed. The income release also gives deciles: the ratio of the top to the "
                        "bottom decile is a common measure you could quote.",
                    ),
                ],
                1,
            ),
            (
                "Class competition: infographic on school travel",
                [
                    (
                        "mr_baker",
                        "Anyone else entering a class for the infographic competition? We are doing "
                        "how pupils get to school.",
                    ),
                    ("marie", "We are! Our class uses the travel survey tables. Good luck."),
                ],
                None,
            ),
            (
                'What does "seasonally adjusted" mean?',
                [
                    (
                        "lena",
                        "Our teacher said to use seasonally adjusted figures for unemployment. What does "
                        "that actually do to the numbers?",
                    ),
                    (
                        "peter",
                        "It removes the pattern that repeats every year, such as summer jobs or "
                        "Christmas hiring, so that one month can be compared with the one before. The "
                        "raw (unadjusted) figures are published too.",
                    ),
                ],
                1,
            ),
            (
                "Lesson plan: spotting misleading charts",
                [
                    (
                        "marie",
                        "I have a lesson where pupils fix charts with truncated axes. Happy to share "
                        "the worksheet if anyone wants it.",
                    ),
                    ("mr_baker", "Yes please. Could you post it here?"),
                    ("marie", 'It is now on the school\'s public page: look for "Chart detectives".'),
                ],
                None,
            ),
        ],
    ),
    (
        "researchers",
        "Researchers",
        UserGroup.RESEARCHERS,
        "Microdata access, methods, classifications and time series breaks: for academic and applied "
        "researchers who work with the detailed data.",
        [
            (
                "Access to labour force survey microdata",
                [
                    ("farid", "How do I apply for the LFS microdata for a university project?"),
                    (
                        "peter",
                        "Through the secure research service: an application with your project "
                        "description, then training on safe use. Anonymised files for teaching can be "
                        "downloaded directly.",
                    ),
                ],
                1,
            ),
            (
                "Break in the series for occupation codes in 2021",
                [
                    ("sofia", "The occupation series jumps in 2021. Is there a conversion table?"),
                    (
                        "peter",
                        "Yes: the 2021 release switched to the new classification. A correspondence "
                        "table and a dual-coded sample for 2020 are in the methodology section.",
                    ),
                    ("farid", "The dual-coded sample is very useful for bridging. Recommended."),
                ],
                1,
            ),
            (
                "Confidence intervals for small-area estimates",
                [
                    ("sofia", "Are the small-area income estimates published with their uncertainty?"),
                    (
                        "yuki",
                        "Yes, each estimate has a 95% confidence interval in the download, and the "
                        "methods note explains the model.",
                    ),
                ],
                1,
            ),
            (
                "Replicating the CPI with the published weights",
                [
                    (
                        "farid",
                        "I tried to recompute the all-items index from the published division indices "
                        "and weights, and I get 0.1 less. Is this rounding?",
                    ),
                    (
                        "ines",
                        "Mostly rounding: the published indices have one decimal. Chain-linking each "
                        "December also matters. The methods guide, section 6, has a worked example.",
                    ),
                ],
                1,
            ),
            (
                "Using census flows for commuting models",
                [
                    (
                        "sofia",
                        "Has anyone used the origin-destination tables from the census for gravity models?",
                    ),
                    (
                        "farid",
                        "Yes, at municipality level. Beware of small counts: they are perturbed for "
                        "confidentiality.",
                    ),
                ],
                None,
            ),
        ],
    ),
    (
        "policy-and-public-sector",
        "Policy & public sector",
        UserGroup.POLICYMAKERS,
        "For policy officers, analysts and local authorities: using the statistics to plan, and telling "
        "the office what data you need next.",
        [
            (
                "Population projections for school place planning",
                [
                    ("olu", "Our council plans primary school places. Which projections should we use?"),
                    (
                        "yuki",
                        "The subnational projections, by single year of age, updated every two years. "
                        "For five years ahead, the principal projection is usually the right one; the "
                        "variants show the uncertainty.",
                    ),
                ],
                1,
            ),
            (
                "Request: quarterly data on housing completions by region",
                [
                    (
                        "olu",
                        "We would like housing completions quarterly rather than annually. Is that "
                        "being considered?",
                    ),
                    ("ana", "Seconded: our ministry would use it too."),
                    (
                        "yuki",
                        "Thank you both: requests like these feed the user consultation on next year's "
                        "work programme, which opens in March.",
                    ),
                ],
                2,
            ),
            (
                "Indexing benefits: CPI or CPIH?",
                [
                    ("ana", "Which index do government departments use to uprate benefits?"),
                    (
                        "ines",
                        "That is a policy choice for the departments, not for us. We publish both and "
                        "explain the differences in the guide to measures of inflation.",
                    ),
                ],
                1,
            ),
            (
                "Local unemployment figures look volatile",
                [
                    (
                        "olu",
                        "Our district's unemployment rate swings by a point from quarter to quarter. "
                        "Is that real?",
                    ),
                    (
                        "peter",
                        "Probably not: district samples are small. Use the annual averages, or the "
                        "modelled estimates, which are much steadier.",
                    ),
                ],
                1,
            ),
            (
                "Sharing a dashboard built on your API",
                [
                    ("ana", "We built an internal dashboard on the open API. Can we publish it?"),
                    ("sofia", "The open licence allows it, as long as you credit the source."),
                ],
                None,
            ),
        ],
    ),
    (
        "citizens-questions",
        "Citizens' questions about the data",
        UserGroup.CITIZENS,
        "Anyone can ask how a figure is made or why it does not match what they see around them. "
        "Statisticians answer here.",
        [
            (
                "Why does inflation say 2.4% when my shopping costs much more?",
                [
                    ("ken", "My weekly shop is up far more than 2.4% this year. How can that be right?"),
                    (
                        "ines",
                        "The 2.4% is the average for everything households buy, including rent, "
                        "energy, transport and services. Food on its own rose by 5.1%. If food is a large "
                        "share of your spending, your own inflation is higher than the average.\n\n"
                        "Try the *personal inflation calculator* on the prices page.",
                    ),
                    ("ken", "That makes sense. I did not know food was counted separately."),
                ],
                1,
            ),
            (
                "How do you count people who are homeless in the census?",
                [
                    ("marie", "If people have no address, do they get counted?"),
                    (
                        "yuki",
                        "Yes. Field teams count people sleeping rough on census night, and shelters "
                        "and hostels fill in communal establishment forms. The method note explains how.",
                    ),
                ],
                1,
            ),
            (
                "Is my survey invitation genuine?",
                [
                    ("ken", "I got a letter asking me to take part in the labour force survey. Is it real?"),
                    (
                        "peter",
                        "The letter is genuine if its reference number checks out on the survey page "
                        "of this site. We never ask for bank details. You can also call the number on the "
                        "survey page to confirm.",
                    ),
                ],
                1,
            ),
            (
                "Why are there two different unemployment numbers?",
                [
                    ("olu", "The news quoted the claimant count, but your site says something else."),
                    (
                        "peter",
                        "The claimant count is people receiving unemployment benefits. The "
                        "unemployment rate comes from a survey and uses the international definition: "
                        "without work, looking, and available. Both are useful: they measure "
                        "different things.",
                    ),
                    ("olu", "Thank you, clear now."),
                ],
                1,
            ),
            (
                "Where can I find house prices for my town?",
                [
                    ("marie", "Is there a table of average house prices by town?"),
                    ("ana", "The house price index has a table by local authority, updated monthly."),
                    ("yuki", "Yes, and the interactive map on the housing page shows the same by area."),
                ],
                2,
            ),
            (
                "Does the population include students living away from home?",
                [
                    ("ken", "My daughter studies in another city. Where is she counted?"),
                    ("yuki", "At her term-time address: students are counted where they live during term."),
                ],
                1,
            ),
        ],
    ),
    (
        "statistics-clubs",
        "Statistics clubs",
        UserGroup.CIVIL_SOCIETY,
        "Clubs, meet-ups and societies that explore data together: share your projects, ask for "
        "speakers, and find others near you.",
        [
            (
                "Riverside Stats Club: monthly meet-up on open data",
                [
                    (
                        "club",
                        "We meet on the first Thursday of each month at the library. Next topic: "
                        "mapping census data with free tools. Everyone welcome.",
                    ),
                    ("sofia", "Sounds great, I will come along."),
                ],
                None,
            ),
            (
                "Can a statistician speak at our club?",
                [
                    ("club", "Does the office send speakers to clubs and societies?"),
                    (
                        "yuki",
                        "Yes: our outreach team can arrange a talk, online or in person. Use the "
                        "contact page and mention the topic you would like.",
                    ),
                ],
                1,
            ),
            (
                "Project: 20 years of rainfall and crop yields",
                [
                    (
                        "ana",
                        "Our club combined the agricultural survey with weather data. Happy to share "
                        "our notebook and what we learned about matching time series.",
                    ),
                    ("club", "We would love a guest talk on this!"),
                ],
                None,
            ),
            (
                "Starting a statistics club at a secondary school",
                [
                    ("mr_baker", "Any tips for starting a school statistics club?"),
                    (
                        "club",
                        "Start with questions the pupils care about: sport, phones, the weather. The "
                        "basic e-modules make good first sessions.",
                    ),
                    ("marie", "And enter a competition: deadlines keep everyone going."),
                ],
                None,
            ),
            (
                "Data quiz night questions wanted",
                [
                    ("sofia", "We are running a data quiz night. Favourite surprising official figures?"),
                    ("tomasz", "Average age at first marriage, then and now, always surprises people."),
                ],
                None,
            ),
        ],
    ),
]


def ensure_people():
    """The demo members by key, made in bulk the first time; statisticians may answer officially."""
    User = get_user_model()
    emails = [email for _, email, _ in PEOPLE.values()]
    existing = {user.email: user for user in User.objects.filter(email__in=emails)}
    unusable = make_password(None)
    missing = [
        User(email=email, password=unusable, first_name=name.split(" (")[0])
        for name, email, _ in PEOPLE.values()
        if email not in existing
    ]
    if missing:
        User.objects.bulk_create(missing)
        existing = {user.email: user for user in User.objects.filter(email__in=emails)}
        made = [existing[user.email] for user in missing]
        EmailAddress.objects.bulk_create(
            [EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in made]
        )
        names = {email: name for name, email, _ in PEOPLE.values()}
        Member.objects.bulk_create(
            [Member(user=user, display_name=names[user.email], trusted=True) for user in made],
            ignore_conflicts=True,
        )
        official = Permission.objects.get(content_type__app_label="forums", codename="answer_officially")
        official.user_set.add(
            *[existing[email] for _, email, statistician in PEOPLE.values() if statistician]
        )
    return {key: existing[email] for key, (_, email, _) in PEOPLE.items()}


def load_forums_demo(index, created):
    """Create whatever of the forums demo is missing; ``created`` gets a name for each thing made.

    ``index`` is the Forums page, which the demo loader made from SECTION; the forums are records
    that every Forums page shows, so nothing is added below it.
    """
    new_forums = [
        (position, forum)
        for position, forum in enumerate(FORUMS)
        if not Forum.objects.filter(slug=forum[0]).exists()
    ]
    if not new_forums:
        return
    people = ensure_people()
    now = timezone.now()
    for position, (slug, title, user_group, description, topics) in new_forums:
        forum = Forum.objects.create(
            slug=slug,
            title=title,
            user_group=user_group,
            description=description,
            rules=COMMON_RULES,
            sort_order=position,
        )
        make_discussions(forum, topics, people, now - timedelta(days=3 * position))
        authors = {people[key].pk for _, posts, _ in topics for key, _ in posts}
        RulesAcceptance.objects.bulk_create(
            [RulesAcceptance(user_id=pk, forum=forum, version=forum.rules_version) for pk in authors]
        )
        refresh_forum(forum)
        created.append(f"forum {slug}")
    counts = dict(
        Post.objects.filter(author__in=people.values())
        .values("author")
        .annotate(n=Count("pk"))
        .values_list("author", "n")
    )
    members = list(Member.objects.filter(user__in=people.values()))
    for member in members:
        member.post_count = counts.get(member.user_id, 0)
    Member.objects.bulk_update(members, ["post_count"])


def make_discussions(forum, topics, people, latest):
    """The forum's topics and posts, spread over the weeks before `latest`, newest topic last."""
    topic_rows, post_rows = [], []
    for number, (title, posts, _) in enumerate(topics):
        started = latest - timedelta(days=7 * (len(topics) - number), hours=number)
        times = [started + timedelta(hours=5 * i, minutes=7 * i) for i in range(len(posts))]
        topic_rows.append(
            Topic(
                forum=forum,
                title=title,
                author=people[posts[0][0]],
                created_at=started,
                last_post_at=times[-1],
                reply_count=len(posts) - 1,
                has_official_answer=any(PEOPLE[key][2] for key, _ in posts[1:]),
            )
        )
        post_rows.append(
            [
                Post(
                    author=people[key],
                    body_source=text,
                    body_html=render_user_markdown(text),
                    is_official=PEOPLE[key][2],
                    created_at=when,
                )
                for (key, text), when in zip(posts, times, strict=True)
            ]
        )
    Topic.objects.bulk_create(topic_rows)
    topic_rows = list(forum.topics.order_by("created_at"))
    for topic, posts in zip(topic_rows, post_rows, strict=True):
        for post in posts:
            post.topic = topic
    Post.objects.bulk_create([post for posts in post_rows for post in posts])
    accepted = []
    for topic, posts, (_, _, answer) in zip(topic_rows, post_rows, topics, strict=True):
        if answer is not None:
            topic.accepted_answer = posts[answer]  # bulk_create gave it its primary key
            accepted.append(topic)
    Topic.objects.bulk_update(accepted, ["accepted_answer"])
