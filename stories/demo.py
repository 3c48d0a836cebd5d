"""Demo content for the stories app: data stories, infographics and the glossary.

Called by ``manage.py load_demo`` through :func:`load_stories_demo`, which gets the story index
the loader made (see home.demo). Like the rest of the demo loader it is idempotent: anything
that already exists (found by slug, email or title) is left exactly as it is, so running it
twice, or after editors have changed the content, changes nothing. Every figure describes a
fictional country and every source ends with "(demo)".

Charts are checked with the chart block's own validation before anything is saved: the loader
refuses to write a chart that an editor could not save.
"""

from __future__ import annotations

import datetime
import textwrap
from io import BytesIO

from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.utils.text import slugify
from matplotlib import ticker
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch, Rectangle
from wagtail.images import get_image_model
from wagtail.models import Page

from portal.core import charts
from portal.core.charts.blocks import ChartBlock, spec_from_value

from .models import (
    ContactPerson,
    DataStoryPage,
    GlossaryPage,
    GlossaryTerm,
    StoryCorrection,
    StoryFormat,
)

UTC = datetime.UTC
SITE = "https://statistics.example"

INDEX_INTRO = (
    "Data stories and infographics that explain the latest official figures, "
    "with the data, sources and methods behind every chart."
)
GLOSSARY_INTRO = (
    "The words statisticians use, in plain language. Each term is marked with the level of "
    "statistical literacy it belongs to: basic, intermediate or advanced."
)

# --------------------------------------------------------------------------------------------
# People and words
# --------------------------------------------------------------------------------------------

CONTACTS = {
    "prices": ("Helena Markov", "Head of Prices Statistics", "prices@statistics.example", "+99 20 555 0141"),
    "labour": (
        "Daniel Okafor",
        "Head of Labour Market and Earnings Statistics",
        "labour@statistics.example",
        "+99 20 555 0172",
    ),
    "social": (
        "Sofia Lindqvist",
        "Head of Population, Social and Environment Statistics",
        "population@statistics.example",
        "",
    ),
}

# (term, level, definition): UNECE tiers of statistical literacy.
GLOSSARY_TERMS = [
    (
        "Median",
        "basic",
        "The middle value when all values are put in order: half are below it and half above. "
        "It describes a typical value and, unlike the mean, is not pulled up or down by a few "
        "very large or very small values.",
    ),
    (
        "Mean",
        "basic",
        "What most people call the average: all the values added up and divided by how many there "
        "are. A few very high values, such as top salaries, can make the mean much higher than a "
        "typical value.",
    ),
    (
        "Index number",
        "intermediate",
        "A number that shows how something has changed compared with a starting point, which is "
        "set to 100. An index of 112 means the value is 12% higher than at the starting point.",
    ),
    (
        "Consumer price index",
        "basic",
        "A measure of how the prices of the goods and services that households buy change over "
        "time. It follows the cost of a fixed basket of items, from bread to rent, every month.",
    ),
    (
        "Inflation",
        "basic",
        "The rate at which prices in general are rising. An inflation rate of 2% means that, on "
        "average, things cost 2% more than a year earlier. Prices can still rise when inflation "
        "falls: they just rise more slowly.",
    ),
    (
        "Seasonal adjustment",
        "intermediate",
        "A method that removes the regular ups and downs that happen at the same time every year, "
        "such as more jobs in summer, so that the underlying trend is easier to see.",
    ),
    (
        "Sample",
        "basic",
        "A group chosen from a larger population to be asked or measured, so that the whole "
        "population does not have to be. A well-chosen random sample of a few thousand people "
        "can describe millions.",
    ),
    (
        "Margin of error",
        "intermediate",
        "How far a figure from a sample survey might be from the true value for the whole "
        "population, just because only a sample was asked. A rate of 4.1% with a margin of error "
        "of 0.3 points is likely to be between 3.8% and 4.4%.",
    ),
    (
        "Confidence interval",
        "advanced",
        "A range of values that is likely to contain the true value. A 95% confidence interval is "
        "built so that, if the survey were repeated many times, 95 out of 100 such ranges would "
        "contain the true value.",
    ),
    (
        "Statistical significance",
        "advanced",
        "A result is statistically significant when it is unlikely to be explained by chance "
        "alone, for example by which people happened to be in a sample. Significant does not mean "
        "large or important.",
    ),
    (
        "Census",
        "basic",
        "A count of the whole population, usually every ten years, that collects information "
        "about every person and household rather than a sample of them.",
    ),
    (
        "Administrative data",
        "intermediate",
        "Information collected by public bodies to run a service, such as tax, benefit or "
        "population registers, that can also be used to produce statistics without asking people "
        "new questions.",
    ),
    (
        "Gross domestic product (GDP)",
        "intermediate",
        "The value of all the goods and services produced in the country in a period, minus what "
        "was used up in making them. Its growth is the most common measure of how the economy is "
        "doing.",
    ),
    (
        "Unemployment rate",
        "basic",
        "The share of the labour force who have no job, have looked for work in the last four "
        "weeks and could start within two weeks. People who are not looking for work are not "
        "counted as unemployed.",
    ),
    (
        "Labour force participation rate",
        "intermediate",
        "The share of people of working age who are in the labour force: either in work or "
        "unemployed and looking for work. Students, retired people and carers who are not looking "
        "for work are outside it.",
    ),
    (
        "Percentage point",
        "basic",
        "The difference between two percentages. If a rate rises from 4% to 5%, it has risen by "
        "one percentage point, but by 25% of its earlier value.",
    ),
    (
        "Per capita",
        "basic",
        "Per person: a total divided by the number of people in the population. It makes "
        "countries or years with different numbers of people easier to compare.",
    ),
    (
        "Base year",
        "intermediate",
        "The year an index or a comparison starts from. In an index, the base year is set to 100, "
        "so later values show the change since then.",
    ),
    (
        "Revision",
        "intermediate",
        "A change to a figure that has already been published, made when more complete "
        "information arrives or methods improve. Revisions are planned and announced; they are "
        "not corrections of mistakes.",
    ),
    (
        "Correlation and causation",
        "advanced",
        "Two things are correlated when they tend to rise and fall together. That does not show "
        "that one causes the other: both may be driven by something else, or the link may be "
        "chance.",
    ),
]


# --------------------------------------------------------------------------------------------
# Building blocks for the story bodies
# --------------------------------------------------------------------------------------------


def para(*texts):
    return [("paragraph", f"<p>{text}</p>") for text in texts]


def chart(title, chart_type, data, *, summary, source, x_label="", y_label="", unit="", notes=""):
    return (
        "chart",
        {
            "title": title,
            "chart_type": chart_type,
            "data": textwrap.dedent(data).strip() + "\n",
            "x_label": x_label,
            "y_label": y_label,
            "unit": unit,
            "summary": summary,
            "source": source,
            "notes": notes,
        },
    )


def key_figure(value, unit, label, period, change, source, source_url=""):
    return (
        "key_figure",
        {
            "value": value,
            "unit": unit,
            "label": label,
            "period": period,
            "change": change,
            "source": source,
            "source_url": source_url,
        },
    )


def callout(*texts, heading="What this means for you"):
    return ("callout", {"heading": heading, "text": "".join(f"<p>{text}</p>" for text in texts)})


def terms(*slugs, heading="Words used in this story"):
    """A glossary block; the slugs are swapped for the GlossaryTerm snippets when the story is built."""
    return ("glossary_terms", {"heading": heading, "terms": list(slugs)})


def when(year, month, day, hour=9, minute=30):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=UTC)


# --------------------------------------------------------------------------------------------
# Data stories
# --------------------------------------------------------------------------------------------

CPI = "Consumer price index, October 2026 (demo)"
CPI_URL = f"{SITE}/releases/consumer-price-index/october-2026"
POP = "Population estimates, 1 January 2026 (demo)"
POP_URL = f"{SITE}/releases/population-estimates/2026"
LFS = "Labour force survey, July to September 2026 (demo)"
LFS_URL = f"{SITE}/releases/labour-force-survey/2026-q3"
EDU = "Educational attainment of the population, 2025 (demo)"
LIFE = "Life expectancy, 2025 (demo)"
GHG = "Greenhouse gas emissions, 2025 provisional estimates (demo)"
BASKET = "Consumer price index: weights and basket 2026 (demo)"
BASKET_URL = f"{SITE}/releases/consumer-price-index/basket-2026"
AIR = "Air quality and health, 2025 (demo)"
PAY = "Structure of earnings survey, 2025 (demo)"
WASTE = "Waste statistics, 2025 (demo)"

STORIES = [
    {
        "slug": "inflation-eases-to-2-4-percent-in-october",
        "title": "Inflation eases to 2.4% in October",
        "standfirst": (
            "Prices were 2.4% higher than a year earlier, down from 2.7% in September. "
            "Cheaper motor fuel did most of the work."
        ),
        "literacy_level": "basic",
        "topics": ["prices"],
        "contact": "prices",
        "source_name": CPI,
        "source_url": CPI_URL,
        "release_date": datetime.date(2026, 11, 12),
        "next_release_date": datetime.date(2026, 12, 10),
        "methodology_url": f"{SITE}/methods/consumer-price-index",
        "published": when(2026, 11, 12),
        "body": [
            key_figure(
                "2.4",
                "%",
                "Consumer price inflation, annual rate",
                "October 2026",
                "down from 2.7% in September",
                CPI,
                CPI_URL,
            ),
            *para(
                "Prices of the goods and services that households buy were 2.4% higher in October "
                "2026 than in October 2025. The annual rate of inflation fell by 0.3 percentage "
                "points from 2.7% in September, and has fallen or held steady every month for a "
                "year, from 3.6% in October 2025.",
                "The biggest downward pull came from transport. Motor fuel was 4.8% cheaper than a "
                "year earlier, so transport prices as a whole rose by only 0.6%. Electricity and gas "
                "prices also rose more slowly than last year, which brought the rate for housing "
                "and energy down to 2.1%.",
            ),
            chart(
                "Consumer price inflation, October 2025 to October 2026",
                "line",
                """
                Month,Annual rate
                Oct 2025,3.6
                Nov 2025,3.5
                Dec 2025,3.4
                Jan 2026,3.3
                Feb 2026,3.1
                Mar 2026,3.0
                Apr 2026,3.0
                May 2026,2.9
                Jun 2026,2.9
                Jul 2026,2.9
                Aug 2026,2.8
                Sep 2026,2.7
                Oct 2026,2.4
                """,
                x_label="Month",
                y_label="Annual rate of inflation",
                unit="%",
                summary=(
                    "Annual inflation fell from 3.6% in October 2025 to 2.4% in October 2026, "
                    "falling or holding steady every month."
                ),
                source=CPI,
                notes="The annual rate compares prices with the same month a year earlier.",
            ),
            *para(
                "Not everything is getting cheaper: inflation of 2.4% means prices are still "
                "rising, only more slowly. Prices rose fastest for alcohol and tobacco (5.2%), "
                "restaurants and hotels (4.6%) and education (4.0%). Food and soft drinks cost 3.1% "
                "more than a year earlier. Prices for phones, internet and other communication "
                "services fell by 0.5%.",
            ),
            chart(
                "Inflation by type of spending, October 2026",
                "bar",
                """
                Type of spending,Annual rate
                Food and soft drinks,3.1
                Alcohol and tobacco,5.2
                Clothing and footwear,0.9
                Housing and energy,2.1
                Household goods,1.0
                Health,3.4
                Transport,0.6
                Phones and internet,-0.5
                Recreation and culture,2.6
                Education,4.0
                Restaurants and hotels,4.6
                Insurance and other,3.0
                """,
                y_label="Annual rate of inflation",
                unit="%",
                summary=(
                    "Prices rose fastest for alcohol and tobacco (5.2%) and restaurants and hotels "
                    "(4.6%); prices for phones and internet fell by 0.5%."
                ),
                source=CPI,
                notes=(
                    "Types of spending follow the international Classification of Individual "
                    "Consumption According to Purpose (COICOP 2018), with some divisions combined "
                    "and their names shortened."
                ),
            ),
            callout(
                "If a typical mix of goods and services cost you €100 in October 2025, the same "
                "things cost about €102.40 in October 2026.",
                "Your own inflation rate depends on what you buy. If much of your budget goes on "
                "food and eating out, your prices have risen faster than 2.4%; if you spend a lot "
                "on fuel, more slowly.",
            ),
            terms("inflation", "consumer-price-index", "percentage-point"),
        ],
    },
    {
        "slug": "population-reaches-5-94-million",
        "title": "Population reaches 5.94 million, with all the growth from migration",
        "standfirst": (
            "The population grew by 35,400 people in 2025. More people died than were born, so "
            "all of the increase came from people moving to the country."
        ),
        "literacy_level": "intermediate",
        "topics": ["population"],
        "contact": "social",
        "source_name": POP,
        "source_url": POP_URL,
        "release_date": datetime.date(2026, 6, 11),
        "next_release_date": datetime.date(2027, 6, 10),
        "methodology_url": f"{SITE}/methods/population-estimates",
        "published": when(2026, 6, 11),
        "card_chart": 1,
        "body": [
            key_figure(
                "5.94",
                "million",
                "Resident population",
                "1 January 2026",
                "up 0.6% on a year earlier",
                POP,
                POP_URL,
            ),
            *para(
                "On 1 January 2026, 5,940,000 people lived in the country, 35,400 more than a year "
                "earlier. That is growth of 0.6%, slightly faster than in 2024 (0.5%).",
                "For the sixth year in a row there were more deaths than births: 7,000 more in "
                "2025. Fewer babies have been born each year for most of the last decade, while the "
                "large generations born in the 1950s and 1960s are growing older. "
                "Net migration, the number of people who moved to the country to live minus the "
                "number who left, was 42,400: the highest in the last ten years. Most of the people "
                "who arrived were aged 20 to 39 and came to work or to study.",
            ),
            chart(
                "Natural change and net migration, 2016 to 2025",
                "bar",
                """
                Year,Natural change (births minus deaths),Net migration
                2016,8.2,12.5
                2017,6.9,14.1
                2018,5.1,16.8
                2019,3.8,18.0
                2020,-2.4,6.2
                2021,-4.1,15.3
                2022,-3.0,31.7
                2023,-5.2,29.4
                2024,-6.3,38.1
                2025,-7.0,42.4
                """,
                x_label="Year",
                y_label="People",
                unit="thousands",
                summary=(
                    "Since 2020 deaths have outnumbered births every year, so population growth has "
                    "come from net migration, which reached 42,400 in 2025."
                ),
                source=POP,
                notes=(
                    "Net migration counts people who arrive to live in the country for at least a "
                    "year, minus people who leave for at least a year. Figures for 2025 are provisional."
                ),
            ),
            *para(
                "The population is also getting older. On 1 January 2026, one person in five "
                "(21.1%) was aged 65 or over, while 15.8% were children under 15.",
                "These estimates start from the 2021 census and add the births, deaths and moves "
                "recorded in the population register since then. Using this administrative data "
                "means we do not need to ask people again, but moves abroad are sometimes recorded "
                "late, so the latest figures can be revised when more records arrive.",
            ),
            chart(
                "Population by age group, 1 January 2026",
                "pie",
                """
                Age group,People
                Aged 0 to 14,938.5
                Aged 15 to 64,3748.1
                Aged 65 and over,1253.4
                """,
                unit="thousands",
                summary=(
                    "Of 5.94 million people, 63.1% were aged 15 to 64, 21.1% were aged 65 or over "
                    "and 15.8% were children aged 0 to 14."
                ),
                source=POP,
            ),
            terms("census", "administrative-data", "revision"),
        ],
    },
    {
        "slug": "unemployment-unchanged-at-4-1-percent",
        "title": "Unemployment unchanged at 4.1%",
        "standfirst": (
            "About 122,000 people were out of work, looking for a job and able to start in July to "
            "September 2026. The rate was the same as in the previous three months."
        ),
        "literacy_level": "basic",
        "topics": ["jobs"],
        "contact": "labour",
        "source_name": LFS,
        "source_url": LFS_URL,
        "release_date": datetime.date(2026, 11, 5),
        "next_release_date": datetime.date(2027, 2, 4),
        "methodology_url": f"{SITE}/methods/labour-force-survey",
        "published": when(2026, 11, 5),
        "updated": when(2026, 11, 6, 14, 10),
        "corrections": [
            (
                datetime.date(2026, 11, 6),
                "The chart of unemployment by age and the third paragraph gave the rate for people "
                "aged 15 to 24 as 13.8%. The correct figure is 12.8%, as published in the labour "
                "force survey release. The mistake was made when copying the figure into this story; "
                "the official statistics were not affected.",
            )
        ],
        "body": [
            key_figure(
                "4.1",
                "%",
                "Unemployment rate, people aged 15 to 74",
                "July to September 2026",
                "unchanged on the previous quarter",
                LFS,
                LFS_URL,
            ),
            *para(
                "In July to September 2026, 4.1% of people in the labour force were unemployed: "
                "they did not have a job, had looked for one in the last four weeks and could start "
                "within two weeks. That is about 122,000 people.",
                "The rate was unchanged on April to June and 0.2 percentage points lower than a year "
                "earlier. It has fallen slowly over the last two years, from 4.6% in July to "
                "September 2024.",
            ),
            chart(
                "Unemployment rate, July to September 2024 to July to September 2026",
                "line",
                """
                Quarter,Unemployment rate
                Q3 2024,4.6
                Q4 2024,4.5
                Q1 2025,4.5
                Q2 2025,4.4
                Q3 2025,4.3
                Q4 2025,4.2
                Q1 2026,4.2
                Q2 2026,4.1
                Q3 2026,4.1
                """,
                x_label="Quarter",
                y_label="Unemployment rate, people aged 15 to 74",
                unit="%",
                summary=(
                    "The unemployment rate fell from 4.6% in July to September 2024 to 4.1% in "
                    "April to June 2026, and stayed at 4.1% in July to September 2026."
                ),
                source=LFS,
                notes=(
                    "Seasonally adjusted. Q1 is January to March, Q2 April to June, Q3 July to "
                    "September and Q4 October to December."
                ),
            ),
            *para(
                "Young people are much more likely to be unemployed. For people aged 15 to 24 the "
                "rate was 12.8%, partly because many are looking for their first job or for work "
                "alongside their studies. For people aged 45 to 54 it was 2.9%.",
                "These figures come from the labour force survey, which asks about 18,000 households "
                "every quarter. Because it is based on a sample, each figure has a margin of error: "
                "the national unemployment rate is accurate to within about 0.3 percentage points "
                "either way, and the rates for age groups less precisely than that.",
            ),
            chart(
                "Unemployment rate by age, July to September 2026",
                "bar",
                """
                Age,Unemployment rate
                15 to 24,12.8
                25 to 34,4.6
                35 to 44,3.2
                45 to 54,2.9
                55 to 64,3.1
                65 to 74,2.2
                """,
                x_label="Age",
                y_label="Unemployment rate",
                unit="%",
                summary=(
                    "Unemployment was highest for people aged 15 to 24 (12.8%) and lowest for those "
                    "aged 65 to 74 (2.2%)."
                ),
                source=LFS,
                notes=(
                    "Not seasonally adjusted. The rate for people aged 65 to 74 is based on few "
                    "survey responses and is less precise than the others. Corrected on 6 November "
                    "2026: the rate for people aged 15 to 24 is 12.8%, not 13.8%."
                ),
            ),
            terms("unemployment-rate", "seasonal-adjustment", "sample", "margin-of-error"),
        ],
    },
    {
        "slug": "record-participation-older-workers",
        "title": "Record labour force participation, driven by people aged 55 to 64",
        "standfirst": (
            "Seven in ten people aged 55 to 64 are now working or looking for work, up from under "
            "six in ten in 2016. What is behind the rise, and how sure can we be of it?"
        ),
        "literacy_level": "advanced",
        "topics": ["jobs"],
        "contact": "labour",
        "source_name": LFS,
        "source_url": LFS_URL,
        "release_date": datetime.date(2026, 11, 5),
        "next_release_date": datetime.date(2027, 2, 4),
        "methodology_url": f"{SITE}/methods/labour-force-survey",
        "published": when(2026, 11, 18, 10, 0),
        "body": [
            key_figure(
                "67.9",
                "%",
                "Labour force participation rate, people aged 15 to 74",
                "July to September 2026",
                "up 2.1 points on July to September 2016",
                LFS,
                LFS_URL,
            ),
            *para(
                "The labour force participation rate is the share of people aged 15 to 74 who are "
                "in the labour force: either in work, or unemployed and looking for work. In July "
                "to September 2026 it was 67.9%, the highest since the series began in 2005.",
                "Almost all of the rise since 2016 comes from older people. Participation among "
                "people aged 55 to 64 rose from 58.3% to 70.6%, by 12.3 percentage points, while the "
                "rates for younger age groups changed little. Three changes explain most of it: the "
                "state pension age rose from 63 to 65 between 2017 and 2025; today's 55- to "
                "64-year-olds are more likely to have a degree than earlier generations, and people "
                "with degrees tend to work for longer; and more jobs can be done part-time or from "
                "home.",
            ),
            chart(
                "Labour force participation rate, 2016 to 2026",
                "line",
                """
                Year,People aged 55-64,All people aged 15-74
                2016,58.3,65.8
                2017,59.6,66.1
                2018,61.0,66.4
                2019,62.4,66.7
                2020,62.0,65.5
                2021,63.9,66.3
                2022,65.7,67.1
                2023,67.2,67.4
                2024,68.4,67.7
                2025,69.5,67.8
                2026,70.6,67.9
                """,
                x_label="Year (July to September)",
                y_label="Participation rate",
                unit="%",
                summary=(
                    "Participation among people aged 55 to 64 rose from 58.3% in 2016 to 70.6% in "
                    "2026, overtaking the rate for all people aged 15 to 74, which rose from 65.8% "
                    "to 67.9%."
                ),
                source=LFS,
                notes=(
                    "July to September of each year, not seasonally adjusted. The rate is the labour "
                    "force (people in work plus unemployed people) as a percentage of all people in "
                    "the age group."
                ),
            ),
            *para(
                "The overall rate has risen by less than the rates within age groups because the "
                "population aged 15 to 74 is itself getting older, and people in their late sixties "
                "and early seventies are much less likely to work. This is a composition effect: if "
                "the age mix had stayed as it was in 2016, the overall rate would now be about 69.5%.",
                "The labour force survey is a sample survey, so every rate comes with uncertainty. "
                "The 95% confidence interval for the 2026 participation rate runs from 67.3% to "
                "68.5%. The rise of 2.1 percentage points since 2016 is statistically significant: "
                "it is far larger than sampling alone could explain. The change of 0.1 points on a "
                "year earlier is not, so we cannot say whether participation is still rising.",
            ),
            chart(
                "People aged 15 to 74 by labour market status, 2016 to 2026",
                "stacked_bar",
                """
                Year,In work,Unemployed,Outside the labour force
                2016,61.2,4.6,34.2
                2018,62.5,3.9,33.6
                2020,61.0,4.5,34.5
                2022,63.8,3.3,32.9
                2024,64.6,3.1,32.3
                2026,65.1,2.8,32.1
                """,
                x_label="Year (July to September)",
                y_label="Share of people aged 15 to 74",
                unit="%",
                summary=(
                    "The share of people aged 15 to 74 in work rose from 61.2% in 2016 to 65.1% in "
                    "2026, while the share outside the labour force fell from 34.2% to 32.1%."
                ),
                source=LFS,
                notes=(
                    "Shares add up to 100%. People outside the labour force are neither working nor "
                    "looking for work: for example students, retired people and carers."
                ),
            ),
            terms(
                "labour-force-participation-rate",
                "confidence-interval",
                "statistical-significance",
                "margin-of-error",
            ),
        ],
    },
    {
        "slug": "almost-half-of-young-adults-have-a-degree",
        "title": "Almost half of young adults now have a degree",
        "standfirst": (
            "47.3% of people aged 25 to 34 had a tertiary qualification in 2025, up from 38.9% ten "
            "years earlier. Young women have moved further ahead of young men."
        ),
        "literacy_level": "intermediate",
        "topics": ["education"],
        "contact": "social",
        "source_name": EDU,
        "source_url": f"{SITE}/releases/educational-attainment/2025",
        "release_date": datetime.date(2026, 9, 24),
        "next_release_date": datetime.date(2027, 9, 23),
        "methodology_url": f"{SITE}/methods/educational-attainment",
        "published": when(2026, 9, 24),
        "body": [
            key_figure(
                "47.3",
                "%",
                "People aged 25 to 34 with a tertiary qualification",
                "2025",
                "up 8.4 percentage points since 2015",
                EDU,
            ),
            *para(
                "In 2025, 47.3% of people aged 25 to 34 had completed tertiary education: a "
                "university degree, or a higher vocational qualification of at least two years. Ten "
                "years earlier the figure was 38.9%.",
                "Women are more likely than men to hold a tertiary qualification, and the gap is "
                "growing. In 2025, 55.6% of women aged 25 to 34 had one, compared with 39.4% of men: "
                "a gap of 16.2 percentage points, up from 12.1 points in 2015.",
            ),
            chart(
                "People aged 25 to 34 with a tertiary qualification, by sex, 2015 to 2025",
                "line",
                """
                Year,Women,Men
                2015,45.1,33.0
                2016,46.3,33.6
                2017,47.2,34.1
                2018,48.5,34.9
                2019,49.6,35.4
                2020,50.9,36.2
                2021,51.8,36.9
                2022,52.7,37.5
                2023,53.9,38.3
                2024,54.8,38.8
                2025,55.6,39.4
                """,
                x_label="Year",
                y_label="Share of people aged 25 to 34",
                unit="%",
                summary=(
                    "The share of young women with a tertiary qualification rose from 45.1% in 2015 "
                    "to 55.6% in 2025; for young men it rose from 33.0% to 39.4%."
                ),
                source=EDU,
                notes=(
                    "Tertiary education is levels 5 to 8 of the International Standard "
                    "Classification of Education (ISCED 2011)."
                ),
            ),
            *para(
                "There are large differences between regions. In the Capital region 58.2% of "
                "young adults have a tertiary qualification; in the Islands, 35.9%. Part of the gap "
                "reflects where graduate jobs are: many young people move to the capital after "
                "they finish their studies.",
                "The figures come from the labour force survey. Regional figures rest on a smaller "
                "part of the sample than the national figure, so their margin of error is wider: "
                "differences of less than about 3 percentage points between regions may not be real.",
            ),
            chart(
                "People aged 25 to 34 with a tertiary qualification, by region, 2025",
                "bar",
                """
                Region,Share with a tertiary qualification
                Capital region,58.2
                South,44.8
                East,42.1
                West,41.6
                North,39.4
                Islands,35.9
                """,
                x_label="Region",
                y_label="Share of people aged 25 to 34",
                unit="%",
                summary=("The share ranged from 58.2% in the Capital region to 35.9% in the Islands."),
                source=EDU,
                notes="Regions are shown from the highest share to the lowest.",
            ),
            terms("percentage-point", "margin-of-error", "sample"),
        ],
    },
    {
        "slug": "life-expectancy-higher-than-before-the-pandemic",
        "title": "Life expectancy is higher than before the pandemic",
        "standfirst": (
            "A baby born in 2025 can expect to live 81.6 years if today's death rates stay the "
            "same. That is 0.4 years longer than in 2019."
        ),
        "literacy_level": "basic",
        "topics": ["health"],
        "contact": "social",
        "source_name": LIFE,
        "source_url": f"{SITE}/releases/life-expectancy/2025",
        "release_date": datetime.date(2026, 8, 27),
        "next_release_date": datetime.date(2027, 8, 26),
        "methodology_url": f"{SITE}/methods/life-tables",
        "published": when(2026, 8, 27),
        "body": [
            key_figure("81.6", "years", "Life expectancy at birth", "2025", "up 0.2 years on 2024", LIFE),
            *para(
                "Life expectancy at birth was 81.6 years in 2025: 84.2 years for women and 79.0 "
                "years for men. It has recovered from its fall during the COVID-19 pandemic and is "
                "now higher than in 2019, when it was 81.2 years.",
                "Between 2019 and 2021 life expectancy fell by 1.5 years for men and by 1.1 years "
                "for women, because many more people died than in a normal year. It has risen every "
                "year since 2022.",
            ),
            chart(
                "Life expectancy at birth, by sex, 2015 to 2025",
                "line",
                """
                Year,Women,Men
                2015,83.1,77.6
                2016,83.3,77.9
                2017,83.4,78.1
                2018,83.6,78.4
                2019,83.8,78.6
                2020,82.9,77.4
                2021,82.7,77.1
                2022,83.4,78.0
                2023,83.8,78.5
                2024,84.0,78.8
                2025,84.2,79.0
                """,
                x_label="Year",
                y_label="Life expectancy at birth",
                unit="years",
                summary=(
                    "Life expectancy fell in 2020 and 2021 and has risen since, to 84.2 years for "
                    "women and 79.0 years for men in 2025."
                ),
                source=LIFE,
                notes="Figures for 2025 are provisional and may be revised.",
            ),
            *para(
                "Women still live longer than men, but the gap is narrowing: it was 5.2 years in "
                "2025, compared with 5.5 years in 2015.",
                "Life expectancy does not predict how long any one person will live. It sums up "
                "the death rates of a single year in one number: the mean age that people would "
                "reach if those rates never changed.",
            ),
            callout(
                "Life expectancy at birth is an average for everyone born in a year, not a forecast "
                "for you. People who have already reached 65 can expect, on average, another 21.9 "
                "years if they are women and 18.6 years if they are men.",
            ),
            terms("mean", "revision"),
        ],
    },
    {
        "slug": "greenhouse-gas-emissions-fell-in-2025",
        "title": "Greenhouse gas emissions fell 3.6% in 2025",
        "standfirst": (
            "The country emitted 37.3 million tonnes of greenhouse gases in 2025, 32% less than in "
            "1990. Transport is now the largest source."
        ),
        "literacy_level": "intermediate",
        "topics": ["environment"],
        "contact": "social",
        "source_name": GHG,
        "source_url": f"{SITE}/releases/greenhouse-gas-emissions/2025-provisional",
        "release_date": datetime.date(2026, 10, 15),
        "next_release_date": datetime.date(2027, 4, 15),
        "methodology_url": f"{SITE}/methods/greenhouse-gas-inventory",
        "published": when(2026, 10, 15),
        "body": [
            key_figure(
                "37.3",
                "million tonnes",
                "Greenhouse gas emissions, carbon dioxide equivalent",
                "2025, provisional",
                "down 3.6% on 2024",
                GHG,
            ),
            *para(
                "Provisional estimates show that 37.3 million tonnes of greenhouse gases, measured "
                "as carbon dioxide equivalent, were emitted in the country in 2025. That is 3.6% less "
                "than in 2024 and 31.6% less than in 1990, the base year for the country's climate "
                "targets.",
                "Most of the long-term fall comes from electricity and heat. Emissions from energy "
                "supply fell from 18.2 million tonnes in 1990 to 7.1 million tonnes in 2025, as "
                "coal-fired power stations closed and wind and solar power grew.",
            ),
            chart(
                "Greenhouse gas emissions by source, 1990 to 2025",
                "stacked_bar",
                """
                Year,Energy supply,Transport,Industry,Agriculture,Buildings,Waste
                1990,18.2,7.4,9.8,8.9,6.1,4.1
                2005,16.9,10.2,8.9,8.1,5.8,3.6
                2015,12.4,9.8,7.6,7.8,5.0,2.6
                2020,8.6,8.4,7.0,7.7,4.7,2.2
                2024,7.9,9.6,6.9,7.6,4.6,2.1
                2025,7.1,9.4,6.8,7.6,4.4,2.0
                """,
                x_label="Year",
                y_label="Emissions",
                unit="million tonnes CO₂e",
                summary=(
                    "Total emissions fell from 54.5 million tonnes in 1990 to 37.3 million tonnes in "
                    "2025, mostly because emissions from energy supply fell from 18.2 to 7.1 million "
                    "tonnes."
                ),
                source=GHG,
                notes=(
                    "Excludes land use, land-use change and forestry. Carbon dioxide equivalent "
                    "(CO₂e) counts each gas by how much it warms the planet compared with carbon "
                    "dioxide. The years shown are not evenly spaced. 2025 figures are provisional."
                ),
            ),
            *para(
                "Transport emissions are higher than in 1990, at 9.4 million tonnes against 7.4 "
                "million, and have been slow to fall: there are more electric cars on the road, but "
                "people and goods travel further. Transport is now the largest single source.",
                "Per person, emissions were 6.3 tonnes in 2025. These figures are provisional: the "
                "full inventory, published in April 2027, may revise them, usually by less than 1%.",
            ),
            chart(
                "Change in greenhouse gas emissions by source, 2024 to 2025",
                "bar",
                """
                Source,Change
                Energy supply,-0.8
                Transport,-0.2
                Industry,-0.1
                Agriculture,0.0
                Buildings,-0.2
                Waste,-0.1
                """,
                x_label="Source",
                y_label="Change on 2024",
                unit="million tonnes CO₂e",
                summary=(
                    "Emissions fell by 1.4 million tonnes in 2025; energy supply accounted for 0.8 "
                    "million tonnes of the fall, and emissions from agriculture did not change."
                ),
                source=GHG,
            ),
            callout(
                "The 6.3 tonnes per person include everything emitted in the country: power "
                "stations, factories and farms as well as cars and homes. They do not include "
                "emissions from making goods abroad that are bought here, which are counted in the "
                "countries where the goods are made.",
            ),
            terms("per-capita", "base-year", "revision"),
        ],
    },
    {
        "slug": "how-we-measure-inflation",
        "title": "How we measure inflation: the basket, the weights and the index",
        "standfirst": (
            "Every month we collect about 38,000 prices for 712 goods and services. This is how "
            "they become a single number, and why the weights change every year."
        ),
        "literacy_level": "advanced",
        "topics": ["prices"],
        "contact": "prices",
        "source_name": BASKET,
        "source_url": BASKET_URL,
        "release_date": datetime.date(2026, 2, 12),
        "next_release_date": datetime.date(2027, 2, 11),
        "methodology_url": f"{SITE}/methods/consumer-price-index",
        "published": when(2026, 7, 9, 10, 0),
        "body": [
            key_figure(
                "136.8",
                "",
                "Consumer price index, annual average (2015 = 100)",
                "2025",
                "up 3.7% on 2024",
                BASKET,
                BASKET_URL,
            ),
            *para(
                "The consumer price index (CPI) follows the prices of a fixed basket of goods and "
                "services that households buy. Price collectors, shops' own data and automated "
                "collection from websites give us about 38,000 prices each month for 712 items, "
                "from bread and bus fares to rents and streaming services.",
                "The CPI is an index number: it shows prices relative to a base year, here 2015, "
                "which is set to 100. An index of 136.8 in 2025 means the basket cost 36.8% more "
                "than in 2015. The rate of inflation is the percentage change in the index on a "
                "year earlier: 136.8 is 3.7% more than 131.9, the index for 2024.",
            ),
            chart(
                "Consumer price index, 2015 to 2025",
                "line",
                """
                Year,Consumer price index
                2015,100.0
                2016,100.6
                2017,102.1
                2018,104.0
                2019,105.8
                2020,106.3
                2021,109.1
                2022,118.9
                2023,126.5
                2024,131.9
                2025,136.8
                """,
                x_label="Year",
                y_label="Index, 2015 = 100",
                summary=(
                    "The index rose from 100 in 2015 to 136.8 in 2025. It rose fastest in 2022, by "
                    "9.0%, and slowest in 2020, by 0.5%."
                ),
                source=BASKET,
                notes="Annual averages of the monthly index.",
            ),
            *para(
                "Each item counts in proportion to how much households spend on it. The weights "
                "come from the national accounts and the household budget survey and are updated "
                "every January. In 2026, housing and energy (including water) has the largest weight, "
                "182 parts in 1,000, followed by food and soft drinks at 168. The weight of food fell "
                "from 172 because households spent a smaller share of their budgets on it.",
                "Updating the weights every year keeps the basket close to what people really buy, "
                "but it means the index is chain-linked: each year's price changes are combined with "
                "that year's weights, and the yearly links are multiplied together. Over several "
                "years, the change in the index cannot therefore be split exactly into the "
                "contributions of each type of spending. "
                "Some prices, such as clothing and package holidays, rise and fall with the seasons. "
                "The CPI itself is not seasonally adjusted: the annual rate compares each month with "
                "the same month a year earlier, so regular seasonal patterns largely cancel out.",
            ),
            chart(
                "Weights in the consumer price index, 2025 and 2026",
                "bar",
                """
                Type of spending,2025,2026
                Food and soft drinks,172,168
                Alcohol and tobacco,39,38
                Clothing and footwear,53,52
                Housing and energy,186,182
                Household goods,60,61
                Health,45,47
                Transport,137,139
                Phones and internet,42,41
                Recreation and culture,85,88
                Education,12,12
                Restaurants and hotels,93,96
                Insurance and other,76,76
                """,
                y_label="Weight",
                unit="parts per 1,000",
                summary=(
                    "Housing and energy has the largest weight in 2026 (182 parts per 1,000), followed "
                    "by food and soft drinks (168, down from 172) and transport (139)."
                ),
                source=BASKET,
                notes=(
                    "The weights of each year add up to 1,000. Housing and energy includes water; "
                    "food and soft drinks is food and non-alcoholic drinks."
                ),
            ),
            terms("consumer-price-index", "index-number", "base-year", "inflation", "seasonal-adjustment"),
        ],
    },
    {
        "slug": "air-quality-and-asthma",
        "title": "Air quality and asthma: what a strong correlation does and does not tell us",
        "standfirst": (
            "Regions with more fine particles in the air also have more hospital admissions for "
            "asthma. The link is real, but these figures alone cannot show how much of it "
            "pollution causes."
        ),
        "literacy_level": "advanced",
        "topics": ["health", "environment"],
        "contact": "social",
        "source_name": AIR,
        "source_url": f"{SITE}/releases/air-quality-and-health/2025",
        "release_date": datetime.date(2026, 10, 29),
        "next_release_date": datetime.date(2027, 10, 28),
        "methodology_url": f"{SITE}/methods/air-quality-and-health",
        "published": when(2026, 10, 29),
        "body": [
            key_figure(
                "9.0",
                "µg/m³",
                "Fine particles (PM2.5) in the air where people live, yearly average",
                "2025",
                "down from 13.9 µg/m³ in 2015",
                AIR,
            ),
            *para(
                "Fine particles, known as PM2.5, are specks of dust and soot small enough to reach "
                "deep into the lungs. In 2025 their average concentration where people live was "
                "9.0 micrograms per cubic metre of air (µg/m³), down by more than a third since 2015. "
                "That is still almost twice the World Health Organization's guideline level of 5 µg/m³.",
            ),
            chart(
                "Fine particles (PM2.5) where people live, 2015 to 2025",
                "line",
                """
                Year,Average where people live,WHO guideline level
                2015,13.9,5
                2016,13.2,5
                2017,12.8,5
                2018,12.1,5
                2019,11.6,5
                2020,10.2,5
                2021,10.6,5
                2022,10.1,5
                2023,9.7,5
                2024,9.3,5
                2025,9.0,5
                """,
                x_label="Year",
                y_label="Concentration",
                unit="µg/m³",
                summary=(
                    "The average concentration fell from 13.9 µg/m³ in 2015 to 9.0 µg/m³ in 2025, "
                    "still above the World Health Organization's guideline level of 5 µg/m³."
                ),
                source=AIR,
                notes=(
                    "Average weighted by the number of people living in each area. The WHO lowered "
                    "its guideline level from 10 to 5 µg/m³ in 2021; the chart shows today's level "
                    "for every year."
                ),
            ),
            *para(
                "Across the six regions, the more fine particles in the air, the more hospital "
                "admissions for asthma. The Capital region has both the most polluted air (11.8 "
                "µg/m³) and the most admissions (86 for every 100,000 people); the Islands have the "
                "cleanest air (5.9 µg/m³) and the fewest admissions (58). The correlation "
                "coefficient between the two is 0.94, where 1 would mean a perfect straight-line "
                "relationship.",
            ),
            chart(
                "Fine particles, asthma admissions and smoking by region, 2025",
                "table",
                """
                Region,PM2.5 (µg/m³),"Admissions per 100,000",Smokers (%)
                Capital region,11.8,86,14.9
                North,7.2,71,21.3
                East,9.6,79,18.2
                South,10.4,83,17.5
                West,8.1,64,16.0
                Islands,5.9,58,19.8
                """,
                x_label="Region",
                summary=(
                    "The Capital region has the most fine particles (11.8 µg/m³) and the most asthma "
                    "admissions (86 per 100,000 people); the Islands have the fewest of both (5.9 "
                    "µg/m³ and 58). Smoking is most common in the North (21.3% of adults)."
                ),
                source=AIR,
                notes=(
                    "PM2.5: fine particles, yearly average weighted by population. Admissions: "
                    "emergency hospital admissions with asthma as the main diagnosis, per 100,000 "
                    "people, age-standardised. Smokers: share of adults aged 18 and over who smoke, "
                    "national health survey 2025."
                ),
            ),
            *para(
                "A correlation like this does not show that one thing causes the other, because "
                "the regions differ in many other ways. People in the Capital region live closer to "
                "hospitals, which makes it more likely that an asthma attack ends in an admission. "
                "Smoking, another trigger of asthma attacks, is spread differently: the North has "
                "the most smokers (21.3% of adults) but fewer admissions than the Capital region. "
                "With only six regions, many different explanations fit the figures equally well.",
                "Stronger evidence comes from studies that follow individual people. A study by the "
                "national health institute linked air quality near people's homes with their "
                "hospital records from 2015 to 2024, taking account of age, smoking and income. It "
                "found that each extra 10 µg/m³ of fine particles went with 7% more asthma "
                "admissions, with a 95% confidence interval of 3% to 11%. Because the whole interval "
                "is above zero, the result is statistically significant; because it is a range, the "
                "true effect could be smaller or larger than 7%.",
            ),
            terms("correlation-and-causation", "confidence-interval", "statistical-significance"),
        ],
    },
    {
        "slug": "typical-pay-and-average-pay",
        "title": "Typical pay is €2,370 a month, and why the average is higher",
        "standfirst": (
            "Half of full-time employees earned less than €2,370 a month before tax in 2025. The "
            "mean, €2,810, is pulled up by a small number of high earners."
        ),
        "literacy_level": "intermediate",
        "topics": ["jobs"],
        "contact": "labour",
        "source_name": PAY,
        "source_url": f"{SITE}/releases/earnings/2025",
        "release_date": datetime.date(2026, 10, 1),
        "next_release_date": datetime.date(2027, 9, 30),
        "methodology_url": f"{SITE}/methods/structure-of-earnings-survey",
        "published": when(2026, 10, 1),
        "body": [
            key_figure(
                "€2,370",
                "a month",
                "Median gross pay, full-time employees",
                "2025",
                "up 2.6% on 2024",
                PAY,
            ),
            *para(
                "If all full-time employees lined up from the lowest paid to the highest paid, the "
                "person in the middle would earn €2,370 a month before tax. This is the median: half "
                "of employees earn less and half earn more.",
                "The mean, what most people call the average, is €2,810: all pay added up and "
                "divided by the number of employees. It is higher than the median because pay is not "
                "spread evenly. More than half of employees earn between €1,500 and €2,999 a month, "
                "but 7.5% earn €5,000 or more, and their pay pulls the mean up.",
            ),
            chart(
                "Full-time employees by gross monthly pay, 2025",
                "bar",
                """
                Gross monthly pay,Share of full-time employees
                "Under €1,000",3.1
                "€1,000 to €1,499",11.4
                "€1,500 to €1,999",20.6
                "€2,000 to €2,499",19.8
                "€2,500 to €2,999",14.2
                "€3,000 to €3,999",16.3
                "€4,000 to €4,999",7.1
                "€5,000 or more",7.5
                """,
                x_label="Gross monthly pay",
                y_label="Share of full-time employees",
                unit="%",
                summary=(
                    "The largest groups earned €1,500 to €1,999 (20.6%) and €2,000 to €2,499 (19.8%) "
                    "a month; 7.5% earned €5,000 or more."
                ),
                source=PAY,
                notes=(
                    "Gross pay before tax and social contributions in October 2025, including "
                    "overtime and bonuses paid that month. The pay bands are not all the same width."
                ),
            ),
            *para(
                "That is why we use the median to describe typical pay. The gap between the two has "
                "also grown: in 2016 the mean was €310 above the median; in 2025 it was €440, a sign "
                "that the highest salaries have grown faster than typical pay.",
                "Prices rose too. Allowing for inflation of 3.7% in 2025, median pay was about 1% "
                "lower in real terms than in 2024.",
            ),
            chart(
                "Median and mean gross monthly pay, 2016 to 2025",
                "line",
                """
                Year,Mean,Median
                2016,2150,1840
                2017,2210,1890
                2018,2290,1950
                2019,2360,2010
                2020,2420,2040
                2021,2480,2090
                2022,2560,2160
                2023,2660,2240
                2024,2740,2310
                2025,2810,2370
                """,
                x_label="Year",
                y_label="Gross monthly pay, full-time employees",
                unit="€",
                summary=(
                    "Median pay rose from €1,840 in 2016 to €2,370 in 2025 and mean pay from €2,150 "
                    "to €2,810; the gap between them widened from €310 to €440."
                ),
                source=PAY,
                notes="Not adjusted for inflation.",
            ),
            callout(
                "If you work full-time and earn €2,370 a month or more before tax, you earn more "
                "than half of full-time employees, even though that is less than the mean of €2,810.",
                "When you compare your pay with other people's, use the median: it is not pulled up "
                "by a few very high salaries.",
            ),
            terms("median", "mean"),
        ],
    },
]

# --------------------------------------------------------------------------------------------
# Infographics: each has an image drawn here, alt text, a long description and its data
# --------------------------------------------------------------------------------------------

INFOGRAPHICS = [
    {
        "slug": "our-population-in-one-picture",
        "title": "Our population in one picture",
        "standfirst": (
            "5.94 million people lived in the country on 1 January 2026. Out of every 100, 16 were "
            "children and 21 were aged 65 or over."
        ),
        "literacy_level": "basic",
        "topics": ["population"],
        "contact": "social",
        "source_name": POP,
        "source_url": POP_URL,
        "release_date": datetime.date(2026, 6, 11),
        "next_release_date": datetime.date(2027, 6, 10),
        "methodology_url": f"{SITE}/methods/population-estimates",
        "published": when(2026, 6, 18),
        "drawing": "population",
        "alt": (
            "Infographic: 5.94 million people lived in the country on 1 January 2026. Of every 100 "
            "people, 16 were aged 0 to 14, 63 were aged 15 to 64 and 21 were aged 65 or over."
        ),
        "long_description": (
            "<p>The infographic is titled “Our population in one picture”.</p>"
            "<p>On the left, in large figures: 5.94 million people lived in the country on 1 January "
            "2026, up 0.6% on a year earlier.</p>"
            "<p>On the right, 100 squares stand for 100 people, coloured by age:</p>"
            "<ul><li>16 are children aged 0 to 14;</li><li>63 are aged 15 to 64;</li>"
            "<li>21 are aged 65 or over.</li></ul>"
            "<p>Source: Population estimates, 1 January 2026 (demo).</p>"
        ),
        "body": [
            *para(
                "Every year we estimate how many people live in the country on 1 January, starting "
                "from the last census and adding births, deaths and moves recorded since. This "
                "infographic shows the result for 2026 and how the population divides by age.",
            ),
            chart(
                "Population by age group, 1 January 2026",
                "table",
                """
                Age group,People (thousands),Share of the population (%)
                Aged 0 to 14,938.5,15.8
                Aged 15 to 64,3748.1,63.1
                Aged 65 and over,1253.4,21.1
                All ages,5940.0,100.0
                """,
                summary=(
                    "Of 5.94 million people, 15.8% were aged 0 to 14, 63.1% were aged 15 to 64 and "
                    "21.1% were 65 or over."
                ),
                source=POP,
            ),
        ],
    },
    {
        "slug": "where-the-money-goes-2026-basket",
        "title": "Where the money goes: the 2026 shopping basket",
        "standfirst": (
            "Of every €100 households spend, €18.20 goes on housing and energy and €16.80 on food. "
            "This is how the consumer price index weights each kind of spending in 2026."
        ),
        "literacy_level": "basic",
        "topics": ["prices"],
        "contact": "prices",
        "source_name": BASKET,
        "source_url": BASKET_URL,
        "release_date": datetime.date(2026, 2, 12),
        "next_release_date": datetime.date(2027, 2, 11),
        "methodology_url": f"{SITE}/methods/consumer-price-index",
        "published": when(2026, 7, 16),
        "drawing": "basket",
        "alt": (
            "Infographic: the 2026 price basket has 712 goods and services and about 38,000 prices "
            "collected monthly. Of every €100 households spend: housing and energy €18.20, food "
            "€16.80, transport €13.90, restaurants €9.60, recreation €8.80, the rest €32.70."
        ),
        "long_description": (
            "<p>The infographic is titled “Where the money goes: the 2026 shopping basket”.</p>"
            "<p>On the left, in large figures: the basket holds 712 goods and services, and about "
            "38,000 prices are collected every month.</p>"
            "<p>On the right, bars show how each €100 of household spending divides:</p>"
            "<ul><li>housing, water and energy: €18.20;</li><li>food and non-alcoholic drinks: "
            "€16.80;</li><li>transport: €13.90;</li><li>restaurants and accommodation: €9.60;</li>"
            "<li>recreation and culture: €8.80;</li><li>everything else: €32.70.</li></ul>"
            "<p>Source: Consumer price index: weights and basket 2026 (demo).</p>"
        ),
        "body": [
            *para(
                "The weights decide how much each price counts in the consumer price index. They "
                "come from what households spent in the previous years and are updated every "
                "January.",
            ),
            chart(
                "How each €100 of household spending divides, 2026",
                "table",
                """
                Type of spending,Of every €100 spent (€)
                "Housing, water and energy",18.20
                Food and non-alcoholic drinks,16.80
                Transport,13.90
                Restaurants and accommodation,9.60
                Recreation and culture,8.80
                Everything else,32.70
                """,
                summary=(
                    "Housing, water and energy takes €18.20 of every €100, food €16.80 and transport "
                    "€13.90; everything outside the five largest groups takes €32.70."
                ),
                source=BASKET,
                notes="The consumer price index weights for 2026, in parts per 1,000, divided by 10.",
            ),
        ],
    },
    {
        "slug": "labour-market-at-a-glance-july-to-september-2026",
        "title": "The labour market at a glance: July to September 2026",
        "standfirst": (
            "Out of every 100 people aged 15 to 74, 65 were in work, 3 were unemployed and 32 were "
            "neither working nor looking for work."
        ),
        "literacy_level": "intermediate",
        "topics": ["jobs"],
        "contact": "labour",
        "source_name": LFS,
        "source_url": LFS_URL,
        "release_date": datetime.date(2026, 11, 5),
        "next_release_date": datetime.date(2027, 2, 4),
        "methodology_url": f"{SITE}/methods/labour-force-survey",
        "published": when(2026, 11, 6, 11, 0),
        "drawing": "labour",
        "alt": (
            "Infographic: in July to September 2026 the employment rate was 65.1%, the unemployment "
            "rate 4.1% and the participation rate 67.9%. Of every 100 people aged 15 to 74, 65 were "
            "in work, 3 were unemployed and 32 were outside the labour force."
        ),
        "long_description": (
            "<p>The infographic is titled “The labour market at a glance: July to September 2026”.</p>"
            "<p>Three large figures across the top:</p>"
            "<ul><li>employment rate 65.1%: the share of people aged 15 to 74 who are in work;</li>"
            "<li>unemployment rate 4.1%: the share of the labour force without a job and looking "
            "for one;</li><li>participation rate 67.9%: the share of people aged 15 to 74 who are "
            "working or looking for work.</li></ul>"
            "<p>Below, a bar divided into three parts shows that of every 100 people aged 15 to 74, "
            "65 were in work, 3 were unemployed and 32 were outside the labour force, for example "
            "students, retired people and carers.</p>"
            "<p>Source: Labour force survey, July to September 2026 (demo).</p>"
        ),
        "body": [
            *para(
                "The three rates describe the same people in different ways. The employment and "
                "participation rates are shares of everyone aged 15 to 74; the unemployment rate is "
                "a share of the labour force only, the people who are working or looking for work.",
            ),
            chart(
                "People aged 15 to 74 by labour market status, July to September 2026",
                "table",
                """
                Status,People (thousands),Share of people aged 15 to 74 (%)
                In work,2844,65.1
                Unemployed,122,2.8
                Outside the labour force,1402,32.1
                All people aged 15 to 74,4368,100.0
                """,
                summary=(
                    "Of 4.37 million people aged 15 to 74, 2.84 million were in work, 122,000 were "
                    "unemployed and 1.40 million were outside the labour force."
                ),
                source=LFS,
                notes=(
                    "The unemployment rate, 4.1%, is the 122,000 unemployed people as a share of "
                    "the 2.97 million in the labour force, not of everyone aged 15 to 74."
                ),
            ),
        ],
    },
    {
        "slug": "household-waste-and-recycling-2025",
        "title": "Household waste and recycling, 2025",
        "standfirst": (
            "Almost half of household waste was recycled or composted in 2025, up from 37.6% in "
            "2015. Each person threw away 440 kg."
        ),
        "literacy_level": "basic",
        "topics": ["environment"],
        "contact": "social",
        "source_name": WASTE,
        "source_url": f"{SITE}/releases/waste-statistics/2025",
        "release_date": datetime.date(2026, 9, 3),
        "next_release_date": datetime.date(2027, 9, 2),
        "methodology_url": f"{SITE}/methods/waste-statistics",
        "published": when(2026, 9, 10),
        "drawing": "waste",
        "alt": (
            "Infographic: 49.2% of household waste was recycled or composted in 2025, up from 37.6% "
            "in 2015; each person produced 440 kg of household waste. 38.4% was recycled, 10.8% "
            "composted, 36.5% burned to make energy and 14.3% sent to landfill."
        ),
        "long_description": (
            "<p>The infographic is titled “Household waste and recycling, 2025”.</p>"
            "<p>On the left, in large figures: 49.2% of household waste was recycled or composted "
            "in 2025, up from 37.6% in 2015; and each person produced 440 kg of household waste.</p>"
            "<p>On the right, bars show what happened to household waste:</p>"
            "<ul><li>recycled: 38.4%;</li><li>composted: 10.8%;</li>"
            "<li>burned to make energy: 36.5%;</li><li>sent to landfill: 14.3%.</li></ul>"
            "<p>Source: Waste statistics, 2025 (demo).</p>"
        ),
        "body": [
            *para(
                "Municipalities report how much household waste they collect and where it goes. In "
                "2025 they collected 2.61 million tonnes, or 440 kg for every person in the country.",
            ),
            chart(
                "What happened to household waste, 2025",
                "table",
                """
                Treatment,Thousand tonnes,Share of household waste (%)
                Recycled,1002,38.4
                Composted,282,10.8
                Burned to make energy,953,36.5
                Sent to landfill,373,14.3
                All household waste,2610,100.0
                """,
                summary=(
                    "Of 2.61 million tonnes of household waste, 38.4% was recycled, 10.8% composted, "
                    "36.5% burned to make energy and 14.3% sent to landfill."
                ),
                source=WASTE,
            ),
        ],
    },
]


# --------------------------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------------------------


def load_stories_demo(home, index, created):
    """Create whatever of the stories demo is missing; ``created`` gets a name for each thing made.

    The glossary goes under ``home``, the stories under ``index``, the story index the demo loader
    made (None when another page holds /stories/: then there are no stories). Returns the first
    story, for the home page to feature.
    """
    contacts = ensure_contacts(created)
    glossary = ensure_glossary_terms(created)
    ensure_glossary_page(home, created)
    if index is None:
        return None
    first_story = None
    for spec in STORIES:
        story = ensure_story(index, spec, contacts, glossary, created)
        first_story = first_story or story
    for spec in INFOGRAPHICS:
        ensure_story(index, spec, contacts, glossary, created, infographic=True)
    return first_story


def ensure_contacts(created):
    contacts = {}
    for key, (name, role, email, phone) in CONTACTS.items():
        person = ContactPerson.objects.filter(email__iexact=email).first()
        if person is None:
            person = ContactPerson.objects.create(name=name, role=role, email=email, phone=phone)
            created.append(f"contact {name}")
        contacts[key] = person
    return contacts


def ensure_glossary_terms(created):
    glossary = {}
    for name, level, definition in GLOSSARY_TERMS:
        slug = slugify(name)[:100]
        term = (
            GlossaryTerm.objects.filter(slug=slug).first()
            or GlossaryTerm.objects.filter(term__iexact=name).first()
        )
        if term is None:
            term = GlossaryTerm.objects.create(term=name, slug=slug, definition=definition, level=level)
            created.append(f"glossary term {slug}")
        glossary[slug] = term
    return glossary


def ensure_glossary_page(home, created):
    if GlossaryPage.objects.exists() or home.get_children().filter(slug="glossary").exists():
        return
    page = GlossaryPage(title="Glossary", slug="glossary", intro=GLOSSARY_INTRO, show_in_menus=False)
    home.add_child(instance=page)
    page.save_revision().publish()
    created.append("glossary")


def ensure_story(index, spec, contacts, glossary, created, infographic=False):
    existing = index.get_children().filter(slug=spec["slug"]).first()
    if existing is not None:
        return existing
    body = [resolve_block(block, glossary) for block in spec["body"]]
    for block_type, value in body:
        if block_type == "chart":
            check_chart(spec["slug"], value)
    story = DataStoryPage(
        title=spec["title"],
        slug=spec["slug"],
        format=StoryFormat.INFOGRAPHIC if infographic else StoryFormat.STORY,
        standfirst=spec["standfirst"],
        search_description=spec["standfirst"],
        literacy_level=spec["literacy_level"],
        source_name=spec["source_name"],
        source_url=spec["source_url"],
        release_date=spec["release_date"],
        next_release_date=spec["next_release_date"],
        methodology_url=spec["methodology_url"],
        contact=contacts[spec["contact"]],
        body=body,
    )
    if infographic:
        story.image = ensure_image(
            f"Infographic: {spec['title']}",
            spec["alt"],
            f"{spec['slug']}.png",
            lambda: INFOGRAPHIC_DRAWINGS[spec["drawing"]](),
        )
        story.long_description = spec["long_description"]
    else:
        story.image = ensure_image(
            f"Story card: {spec['title']}", card_alt(spec), f"card-{spec['slug']}.png", lambda: card_png(spec)
        )
    story.corrections = [StoryCorrection(date=date, text=text) for date, text in spec.get("corrections", [])]
    index.add_child(instance=story)
    story.topics.add(*spec["topics"])
    revision = story.save_revision()
    revision.publish()
    published = spec["published"]
    updated = spec.get("updated", published)
    Page.objects.filter(pk=story.pk).update(
        first_published_at=published, last_published_at=updated, latest_revision_created_at=updated
    )
    type(revision).objects.filter(pk=revision.pk).update(created_at=updated)
    created.append(spec["slug"])
    return story


def resolve_block(block, glossary):
    block_type, value = block
    if block_type == "glossary_terms":
        value = {**value, "terms": [glossary[slug] for slug in value["terms"]]}
    return block_type, value


def check_chart(slug, value):
    """Refuse a chart an editor could not save: data that does not parse, or a dishonest chart."""
    try:
        ChartBlock().clean(value)
        charts.validate_spec(spec_from_value(value))
    except ValidationError as error:  # (StructBlockValidationError is one too)
        raise ValueError(f"Demo story {slug!r}: chart {value['title']!r} is not valid: {error}") from error


def ensure_image(title, alt, filename, draw):
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image is None:
        image = Image(title=title, description=alt)
        image.file = ImageFile(BytesIO(draw()), name=filename)
        image.save()
    return image


# --------------------------------------------------------------------------------------------
# Drawing: infographics (1600 x 900) and story cards (1280 x 720)
# --------------------------------------------------------------------------------------------

INK = charts.INK
MUTED = charts.MUTED
PAPER = charts.PAPER
BLUE, TURQUOISE, PINK, ORANGE, GREY = charts.PALETTE[:5]
LIGHT_GREY = "#b9c1c9"
CARD_BACKGROUND = "#f4f6f8"
TOPIC_COLOURS = {
    "population": BLUE,
    "prices": PINK,
    "jobs": TURQUOISE,
    "education": charts.PALETTE[6],
    "health": ORANGE,
    "environment": charts.PALETTE[7],
}


def _figure(width_px, height_px, background=PAPER):
    fig = Figure(figsize=(width_px / 100, height_px / 100), dpi=100, facecolor=background)
    FigureCanvasAgg(fig)
    return fig


def _png(fig):
    out = BytesIO()
    fig.savefig(out, format="png", dpi=100, facecolor=fig.get_facecolor(), metadata={"Software": None})
    return out.getvalue()


def _frame(title, subtitle, source, accent):
    """A 1600 x 900 infographic with its title, a coloured rule, the source and a demo mark."""
    fig = _figure(1600, 900)
    fig.add_artist(Rectangle((0, 0.978), 1, 0.022, transform=fig.transFigure, color=accent, lw=0))
    fig.text(0.045, 0.915, title, fontsize=34, fontweight="bold", color=INK, va="top")
    fig.text(0.045, 0.835, subtitle, fontsize=19, color=MUTED, va="top")
    fig.add_artist(Rectangle((0.045, 0.105), 0.91, 0.0015, transform=fig.transFigure, color=LIGHT_GREY, lw=0))
    fig.text(0.045, 0.055, f"Source: {source}", fontsize=15, color=MUTED, va="center")
    fig.text(
        0.955,
        0.055,
        "National statistics office · demonstration figures",
        fontsize=15,
        color=MUTED,
        va="center",
        ha="right",
    )
    return fig


def _big_number(fig, x, y, number, lines, colour, size=84):
    fig.text(x, y, number, fontsize=size, fontweight="bold", color=colour, va="baseline")
    fig.text(x, y - 0.045, "\n".join(lines), fontsize=21, color=INK, va="top", linespacing=1.3)


def _labelled_bars(ax, rows, colours, value_format, max_value):
    """Horizontal bars, each with its label above it and its value at its end."""
    ax.set_xlim(0, max_value * 1.18)
    ax.set_ylim(len(rows) - 0.35, -0.75)
    ax.axis("off")
    for position, ((label, value), colour) in enumerate(zip(rows, colours, strict=True)):
        ax.barh(position + 0.12, value, height=0.42, color=colour, lw=0)
        ax.text(0, position - 0.28, label, fontsize=19, color=INK, va="center")
        ax.text(
            value + max_value * 0.02,
            position + 0.12,
            value_format(value),
            fontsize=20,
            color=INK,
            fontweight="bold",
            va="center",
        )


def draw_population():
    fig = _frame(
        "Our population in one picture",
        "Everyone living in the country on 1 January 2026",
        POP,
        BLUE,
    )
    _big_number(
        fig,
        0.045,
        0.6,
        "5.94 million",
        [
            "people lived in the country",
            "on 1 January 2026",
            "",
            "35,400 more than a year earlier,",
            "up 0.6%",
        ],
        BLUE,
        size=66,
    )
    fig.text(0.5, 0.72, "Out of every 100 people", fontsize=22, fontweight="bold", color=INK, va="center")
    groups = [
        (16, BLUE, "16 children\naged 0 to 14"),
        (63, TURQUOISE, "63 people\naged 15 to 64"),
        (21, ORANGE, "21 people aged\n65 or over"),
    ]
    ax = fig.add_axes([0.5, 0.15, 0.3, 0.52])
    ax.set_xlim(-0.1, 10)
    ax.set_ylim(-0.1, 10)
    ax.set_aspect("equal", anchor="W")
    ax.axis("off")
    colours = [colour for count, colour, _ in groups for _ in range(count)]
    for number, colour in enumerate(colours):
        row, column = divmod(number, 10)
        ax.add_patch(
            FancyBboxPatch(
                (column + 0.08, 9 - row + 0.08),
                0.76,
                0.76,
                boxstyle="round,pad=0,rounding_size=0.12",
                color=colour,
                lw=0,
            )
        )
    for position, (_count, colour, label) in enumerate(groups):
        y = 0.6 - position * 0.16
        fig.add_artist(
            Rectangle((0.795, y - 0.02), 0.022, 0.04, transform=fig.transFigure, color=colour, lw=0)
        )
        fig.text(0.826, y, label, fontsize=20, color=INK, va="center", linespacing=1.25)
    return _png(fig)


def draw_basket():
    fig = _frame(
        "Where the money goes: the 2026 shopping basket",
        "How the consumer price index weights what households buy",
        BASKET,
        PINK,
    )
    _big_number(fig, 0.045, 0.62, "712", ["goods and services in the basket"], PINK)
    _big_number(fig, 0.045, 0.34, "38,000", ["prices collected every month"], PINK)
    fig.text(
        0.47, 0.74, "Of every €100 households spend", fontsize=22, fontweight="bold", color=INK, va="center"
    )
    rows = [
        ("Housing, water and energy", 18.20),
        ("Food and non-alcoholic drinks", 16.80),
        ("Transport", 13.90),
        ("Restaurants and accommodation", 9.60),
        ("Recreation and culture", 8.80),
        ("Everything else", 32.70),
    ]
    ax = fig.add_axes([0.47, 0.14, 0.49, 0.56])
    _labelled_bars(ax, rows, [PINK] * 5 + [LIGHT_GREY], lambda v: f"€{v:.2f}", 32.70)
    return _png(fig)


def draw_labour():
    fig = _frame(
        "The labour market at a glance",
        "People aged 15 to 74, July to September 2026",
        LFS,
        TURQUOISE,
    )
    tiles = [
        ("65.1%", "employment rate", "share of people aged\n15 to 74 in work"),
        ("4.1%", "unemployment rate", "share of the labour force\nwithout a job and looking"),
        ("67.9%", "participation rate", "share of people aged 15 to 74\nworking or looking for work"),
    ]
    for position, (number, name, explanation) in enumerate(tiles):
        x = 0.045 + position * 0.31
        fig.add_artist(
            FancyBboxPatch(
                (x, 0.45),
                0.28,
                0.31,
                boxstyle="round,pad=0,rounding_size=0.012",
                transform=fig.transFigure,
                facecolor="#eef6f5",
                edgecolor="none",
            )
        )
        fig.text(x + 0.02, 0.665, number, fontsize=64, fontweight="bold", color=TURQUOISE, va="center")
        fig.text(x + 0.02, 0.565, name, fontsize=22, fontweight="bold", color=INK, va="center")
        fig.text(x + 0.02, 0.5, explanation, fontsize=17, color=MUTED, va="center", linespacing=1.25)
    fig.text(0.045, 0.375, "Out of every 100 people aged 15 to 74", fontsize=22, fontweight="bold", color=INK)
    ax = fig.add_axes([0.045, 0.14, 0.91, 0.2])
    ax.set_xlim(0, 100)
    ax.set_ylim(0, 1)
    ax.axis("off")
    parts = [
        (65, TURQUOISE, "65 in work"),
        (3, BLUE, "3 unemployed"),
        (32, LIGHT_GREY, "32 outside the labour force"),
    ]
    left = 0
    for count, colour, label in parts:
        ax.barh(0.62, count, left=left, height=0.5, color=colour, edgecolor=PAPER, lw=3)
        if count >= 10:
            ax.text(
                left + 1.2,
                0.62,
                label,
                fontsize=19,
                fontweight="bold",
                va="center",
                color=PAPER if colour != LIGHT_GREY else INK,
            )
        else:
            ax.annotate(
                label,
                xy=(left + count / 2, 0.36),
                xytext=(left + count / 2, 0.08),
                fontsize=19,
                ha="center",
                va="center",
                color=INK,
                arrowprops={"arrowstyle": "-", "color": MUTED, "lw": 1.2},
            )
        left += count
    return _png(fig)


def draw_waste():
    green = TURQUOISE
    fig = _frame(
        "Household waste and recycling, 2025",
        "What happened to the waste collected from homes",
        WASTE,
        green,
    )
    _big_number(fig, 0.045, 0.62, "49.2%", ["recycled or composted", "up from 37.6% in 2015"], green)
    _big_number(fig, 0.045, 0.31, "440 kg", ["of household waste per person"], GREY, size=64)
    fig.text(0.47, 0.74, "Share of household waste", fontsize=22, fontweight="bold", color=INK, va="center")
    rows = [
        ("Recycled", 38.4),
        ("Composted", 10.8),
        ("Burned to make energy", 36.5),
        ("Sent to landfill", 14.3),
    ]
    ax = fig.add_axes([0.47, 0.15, 0.49, 0.55])
    _labelled_bars(ax, rows, [green, green, GREY, GREY], lambda v: f"{v:.1f}%", 38.4)
    return _png(fig)


INFOGRAPHIC_DRAWINGS = {
    "population": draw_population,
    "basket": draw_basket,
    "labour": draw_labour,
    "waste": draw_waste,
}


def _key_figure(spec):
    return next(value for block_type, value in spec["body"] if block_type == "key_figure")


def _card_chart(spec):
    """The chart a story's card shows: the one named by ``card_chart`` (counting the story's
    charts from 0), else the first that is not a table."""
    drawn = [
        value
        for block_type, value in spec["body"]
        if block_type == "chart" and value["chart_type"] != "table"
    ]
    if not drawn:
        return None
    return drawn[spec.get("card_chart", 0)]


def card_alt(spec):
    figure = _key_figure(spec)
    unit = f" {figure['unit']}" if figure["unit"] not in {"", "%"} else figure["unit"]
    return f"{figure['label']}, {figure['period']}: {figure['value']}{unit}."


def card_png(spec):
    """A 1280 x 720 card: the story's key figure and a small, quiet version of its first chart."""
    figure = _key_figure(spec)
    colour = TOPIC_COLOURS.get(spec["topics"][0], BLUE)
    fig = _figure(1280, 720, background=CARD_BACKGROUND)
    fig.add_artist(Rectangle((0, 0.965), 1, 0.035, transform=fig.transFigure, color=colour, lw=0))
    fig.text(0.06, 0.86, spec["topics"][0].upper(), fontsize=20, fontweight="bold", color=colour, va="center")
    value, unit = figure["value"], figure["unit"]
    number = fig.text(0.06, 0.58, value, fontsize=96 if len(value) <= 5 else 80, fontweight="bold", color=INK)
    label_top = 0.5
    if unit:
        box = number.get_window_extent()
        x = box.x1 / fig.bbox.width + (0.005 if unit == "%" else 0.015)
        text = fig.text(x, 0.58, unit, fontsize=44 if unit == "%" else 30, fontweight="bold", color=INK)
        if text.get_window_extent().x1 > 0.52 * fig.bbox.width:  # would run into the chart: a line of its own
            text.set_position((0.06, 0.47))
            label_top = 0.4
    label = textwrap.fill(f"{figure['label']}, {figure['period']}", 30, max_lines=4, placeholder=" …")
    fig.text(0.06, label_top, label, fontsize=22, color=INK, va="top", linespacing=1.3)
    fig.text(0.06, 0.07, "Demonstration figures", fontsize=16, color=MUTED, va="center")
    value_chart = _card_chart(spec)
    if value_chart is not None:
        ax = fig.add_axes([0.56, 0.14, 0.38, 0.66])
        _mini_chart(ax, spec_from_value(value_chart), colour)
    return _png(fig)


def _mini_chart(ax, spec, colour):
    data = spec.data
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.spines["bottom"].set_color(MUTED)
    ax.set_facecolor(CARD_BACKGROUND)
    ax.tick_params(labelsize=15, colors=MUTED, length=0)
    ax.grid(axis="y", color="#dde2e7", lw=1)
    ax.set_axisbelow(True)
    positions = range(len(data.rows))
    colours = [colour, GREY, LIGHT_GREY, ORANGE, BLUE, TURQUOISE, PINK, charts.PALETTE[7]]
    if spec.chart_type == "line":
        for index in range(min(len(data.series), 2)):
            values = [float("nan") if v is None else v for v in data.series_values(index)]
            ax.plot(
                positions, values, color=colours[index], lw=5 if index == 0 else 3.5, solid_capstyle="round"
            )
        ax.set_xticks([0, len(data.rows) - 1], [data.rows[0][0], data.rows[-1][0]])
    elif spec.chart_type == "pie":
        ax.clear()
        ax.pie(
            [v or 0 for v in data.series_values(0)],
            colors=colours,
            startangle=90,
            counterclock=False,
            wedgeprops={"width": 0.42, "edgecolor": CARD_BACKGROUND, "linewidth": 3},
        )
        ax.set_aspect("equal")
        ax.axis("off")
        return
    else:
        bottoms = [0.0] * len(data.rows)
        count = len(data.series) if spec.chart_type == "stacked_bar" else 1
        for index in range(count):
            values = [v or 0.0 for v in data.series_values(index)]
            ax.bar(positions, values, bottom=bottoms, color=colours[index], width=0.7, lw=0)
            bottoms = [b + v for b, v in zip(bottoms, values, strict=True)]
        ax.axhline(0, color=MUTED, lw=1.2)
        ax.set_xticks([])
    ax.yaxis.set_major_locator(ticker.MaxNLocator(nbins=4, steps=[1, 2, 2.5, 5, 10]))
