# ruff: noqa: RUF001 -- text for readers, with real apostrophes, dashes and signs
"""The words of the e-module demo: nine modules in three tiers, their lessons and questions.

Kept apart from the loader (literacy/module_demo.py) so that each file does one job. The figures
in examples are illustrative, like the rest of the demo site.
"""

from decimal import Decimal

INDEX = {
    "intro": (
        "Short courses that help you read, question and use official statistics. Each module starts "
        "with a quick check of what you know, teaches in short lessons with questions and worked "
        "examples, and ends with a check that shows how much you have learnt."
    ),
    "basic_definition": (
        "You know what kind of study or data source a figure comes from (a survey, a census or "
        "administrative records), you can find the definitions of statistical terms, and you "
        "understand basic statistical measures and charts."
    ),
    "intermediate_definition": (
        "You understand the limits of the methods used and the more common statistical concepts and "
        "terms (such as the labour force participation rate), you understand variability and "
        "uncertainty, and you can interpret statements of probability that come with estimates from "
        "samples."
    ),
    "advanced_definition": (
        "You understand more sophisticated statistical terms, sampling and non-sampling errors and "
        "what makes a statistical study valid; you can draw valid conclusions from data and "
        "critically assess claims made about it."
    ),
    "tiers_source": (
        "Tiers as defined by the United Nations Economic Commission for Europe in “Making Data "
        "Meaningful Part 4: How to improve statistical literacy”."
    ),
}


def _options(options):
    """Options written as text, right ones starting with "*"; a (text, feedback) pair adds feedback."""
    made = []
    for option in options:
        text, feedback = option if isinstance(option, tuple) else (option, "")
        made.append({"text": text.removeprefix("*"), "correct": text.startswith("*"), "feedback": feedback})
    return made


def single(prompt, options, why):
    return ("single_choice", {"prompt": prompt, "options": _options(options), "explanation": why})


def several(prompt, options, why):
    return ("multiple_choice", {"prompt": prompt, "options": _options(options), "explanation": why})


def number(prompt, answer, why, tolerance="0", unit=""):
    return (
        "numeric",
        {
            "prompt": prompt,
            "answer": Decimal(answer),
            "tolerance": Decimal(tolerance),
            "unit": unit,
            "explanation": why,
        },
    )


def order(prompt, items, why):
    return ("ordering", {"prompt": prompt, "items": items, "explanation": why})


def text(*paragraphs):
    return ("paragraph", "".join(paragraphs))


def example(title, problem, steps, answer):
    return ("worked_example", {"title": title, "problem": problem, "steps": steps, "answer": answer})


def chart(title, chart_type, data, summary, source, *, x_label="", y_label="", unit="", notes=""):
    return (
        "chart",
        {
            "title": title,
            "chart_type": chart_type,
            "data": data,
            "data_file": None,
            "x_label": x_label,
            "y_label": y_label,
            "unit": unit,
            "summary": summary,
            "source": source,
            "notes": notes,
        },
    )


def glossary(*slugs):
    """Glossary terms by slug; the loader swaps in the stories' GlossaryTerm snippets."""
    return ("glossary_terms", {"heading": "Words used in this lesson", "terms": list(slugs)})


def teachers(class_time, objectives, discussion, worksheet):
    return {
        "class_time": class_time,
        "curriculum_objectives": [
            {"level": level, "objective": objective} for level, objective in objectives
        ],
        "discussion_guide": discussion,
        "worksheet": worksheet,
        "worksheet_document": None,
    }


MODULES = [
    # Basic
    {
        "slug": "what-a-census-is",
        "title": "What a census is",
        "tier": "basic",
        "summary": (
            "Why the country counts everyone every ten years, how it is done, and how a census differs from "
            "a survey or a register."
        ),
        "topics": ["population", "methods"],
        "audiences": ["students", "teachers", "journalists", "public-servants"],
        "minutes": 25,
        "objectives": [
            "Say what a census is and why it counts everyone, not a sample",
            "Tell a census from a sample survey and from administrative data",
            "Read a census result with its reference date",
        ],
        "pre_check": [
            single(
                "Which of these is a census?",
                [
                    "Asking 2,000 randomly chosen households about their spending",
                    "*Counting every person living in the country on one reference day",
                    "Using tax records to estimate incomes",
                ],
                "A census aims to count every person (or household, or business) in the population, "
                "at one reference date. Asking a random selection is a sample survey; tax records are "
                "administrative data.",
            ),
            single(
                "How often do most countries hold a population census?",
                ["Every year", "*About every ten years", "Every fifty years"],
                "A full census is a huge operation, so most countries hold one about every ten years, "
                "and estimate the population in between from births, deaths and migration.",
            ),
            several(
                "Which of these can a census tell you? Choose all that apply.",
                [
                    "*How many people live in a small village",
                    "*How many homes have no bathroom",
                    "What people will earn next year",
                ],
                "Because it counts everyone, a census gives figures even for small areas and small "
                "groups. It describes the population on the census day; it does not forecast.",
            ),
        ],
        "post_check": [
            single(
                (
                    "A ministry wants the number of people over 80 in each of 300 municipalities. Which "
                    "source "
                    "fits best?"
                ),
                [
                    "*The population census",
                    (
                        "A national survey of 5,000 people",
                        (
                            "A survey this size has too few people over 80 in each municipality to give "
                            "reliable figures."
                        ),
                    ),
                    "A poll on a news website",
                ],
                "Only a census (or a complete population register) has enough people in every small area "
                "to give reliable counts for 300 municipalities.",
            ),
            single(
                "The census reference date is 1 March. A baby born on 3 March is…",
                ["counted in the census", "*not counted in this census", "counted twice"],
                "A census describes the population at one moment, the reference date. People born after "
                "it are not counted, and people who died after it are.",
            ),
            order(
                "Put the steps of a census in the order they happen.",
                [
                    "Plan and test the questionnaire",
                    "Count everyone on the reference date",
                    "Check and process the answers",
                    "Publish the results",
                ],
                "Questions are tested long before census day; after the count, answers are checked, "
                "coded and weighted for missing people before any figure is published.",
            ),
            number(
                (
                    "A census counts 5,940,000 people. The previous census, ten years earlier, counted "
                    "5,400,000. By how many per cent did the population grow?"
                ),
                "10",
                "The growth is 540,000 people. Divided by the earlier 5,400,000, that is 0.10, or 10%.",
                tolerance="0.5",
                unit="%",
            ),
        ],
        "teachers": teachers(
            "One 45-minute lesson",
            [
                (
                    "Lower secondary (ages 11–14)",
                    "Explain the difference between counting everyone and asking a sample.",
                ),
                (
                    "Upper secondary (ages 15–18)",
                    "Choose a suitable data source for a question about a small area or small group.",
                ),
            ],
            (
                "<h3>Questions to discuss</h3><ul><li>Why would a country spend so much on counting "
                "everyone, "
                "when a survey is cheaper?</li><li>Who might be hard to count, and why does it matter if "
                "they "
                "are missed?</li><li>What decisions in your town depend on knowing how many people live "
                "there?</li></ul>"
            ),
            (
                "<h3>Worksheet: our class census</h3><ol><li>Agree a reference moment (for example, 9:00 "
                "today).</li><li>Count everyone in the class at that moment, and record age in years and how "
                "each person travelled to school.</li><li>Now take a sample: the first five people on the "
                "register. Compare the share who walked in the sample and in the full count.</li><li>Write "
                "two "
                "sentences: what did the full count tell you that the sample could not?</li></ol>"
            ),
        ),
        "lessons": [
            {
                "slug": "counting-everyone",
                "title": "Counting everyone",
                "summary": "What a census is for, and what makes it different.",
                "minutes": 8,
                "body": [
                    text(
                        (
                            "<p>A <b>census</b> is a count of every person living in a country at one "
                            "moment, "
                            "called the <b>reference date</b>. Most countries hold one about every ten "
                            "years.</p>"
                        ),
                        (
                            "<p>Because it counts everyone, a census gives reliable figures for the smallest "
                            "areas and groups: a village, a neighbourhood, the number of people over 90. "
                            "That "
                            "is what decides where schools, clinics and polling stations go.</p>"
                        ),
                    ),
                    glossary("census"),
                    single(
                        "Why can a census give figures for a single village when most surveys cannot?",
                        [
                            "*Because it includes everyone in the village, not a handful of people",
                            "Because villagers answer more honestly",
                            "Because it is done by computer",
                        ],
                        "A national survey might include only a few people from any one village, too few to "
                        "say anything reliable about it. The census includes them all.",
                    ),
                ],
            },
            {
                "slug": "census-survey-or-register",
                "title": "Census, survey or register?",
                "summary": "Three ways official statistics get their data.",
                "minutes": 9,
                "body": [
                    text(
                        "<p>Official statistics come from three main kinds of source:</p>",
                        (
                            "<ul><li>a <b>census</b>: everyone, at one date;</li><li>a <b>sample "
                            "survey</b>: a "
                            "randomly chosen part of the population, used to estimate for all of it (the "
                            "labour force survey, for example);</li><li><b>administrative data</b>: records "
                            "kept to run a service, such as tax, school enrolment or births "
                            "registration.</li></ul>"
                        ),
                        (
                            "<p>Each has strengths. Surveys are quicker and can ask detailed questions; "
                            "registers cost little more once they exist, but only record what the service "
                            "needs.</p>"
                        ),
                    ),
                    glossary("sample", "administrative-data"),
                    several(
                        "Which of these are administrative data? Choose all that apply.",
                        [
                            "*Birth registrations",
                            "*Pupils enrolled in each school",
                            "A survey of 3,000 households about internet use",
                        ],
                        "Administrative data are records kept to run a service, here civil registration and "
                        "schools. A survey of selected households is a sample survey.",
                    ),
                ],
            },
            {
                "slug": "reading-census-results",
                "title": "Reading census results",
                "summary": "Reference dates, small areas and comparing two censuses.",
                "minutes": 8,
                "body": [
                    text(
                        (
                            "<p>Every census figure belongs to its reference date. When you compare two "
                            "censuses, say how many years apart they are, and look at the change as a number "
                            "and as a percentage.</p>"
                        ),
                    ),
                    chart(
                        "Population counted at each census, millions",
                        "bar",
                        "Census,Population\n2006,5.1\n2016,5.4\n2026,5.94",
                        (
                            "The population counted has risen at each census, from 5.1 million in 2006 to "
                            "5.94 "
                            "million in 2026."
                        ),
                        "Population census (demo)",
                        x_label="Census year",
                        y_label="Population",
                        unit="million",
                    ),
                    example(
                        "Growth between two censuses",
                        (
                            "The 2016 census counted 5.4 million people and the 2026 census 5.94 million. "
                            "How "
                            "much did the population grow?"
                        ),
                        [
                            "Change in people: 5.94 − 5.4 = 0.54 million.",
                            "As a share of the earlier count: 0.54 ÷ 5.4 = 0.10.",
                            "Written as a percentage: 0.10 × 100 = 10%.",
                        ],
                        "The population grew by 540,000 people, or 10%, in ten years.",
                    ),
                    number(
                        (
                            "The 2006 census counted 5.1 million people and the 2016 census 5.4 million. By "
                            "how many thousand people did the population grow?"
                        ),
                        "300",
                        "5.4 million − 5.1 million = 0.3 million, which is 300 thousand people.",
                        tolerance="0",
                        unit="thousand",
                    ),
                ],
            },
        ],
    },
    {
        "slug": "mean-and-median",
        "title": "Mean, median and what “average” means",
        "tier": "basic",
        "summary": "Two kinds of average, why they can tell very different stories, and which one to use.",
        "topics": ["averages", "income"],
        "audiences": ["students", "teachers", "journalists"],
        "minutes": 30,
        "objectives": [
            "Work out the mean and the median of a small set of numbers",
            "Explain why a few very large values pull the mean up but not the median",
            "Choose the right average for incomes, house prices and ages",
        ],
        "pre_check": [
            number(
                "What is the mean of 2, 4, 6 and 8?",
                "5",
                "Add them (20) and divide by how many there are (4): 20 ÷ 4 = 5.",
            ),
            number(
                "What is the median of 3, 9, 1, 7 and 5?",
                "5",
                "In order they are 1, 3, 5, 7, 9: the middle one is 5.",
            ),
            single(
                "Which average is usually quoted for incomes?",
                ["The mean", "*The median", "The largest value"],
                "Incomes are skewed: a few very high incomes pull the mean up. The median shows what a "
                "typical person earns.",
            ),
        ],
        "post_check": [
            number(
                "Five people earn 20, 22, 25, 28 and 205 thousand a year. What is the mean, in thousands?",
                "60",
                "20 + 22 + 25 + 28 + 205 = 300; 300 ÷ 5 = 60 thousand.",
                unit="thousand",
            ),
            number(
                "For the same five people, what is the median income, in thousands?",
                "25",
                "In order, the middle (third) value is 25 thousand.",
                unit="thousand",
            ),
            single(
                "Four of the five earn less than the mean. Which average describes a typical person here?",
                [
                    "*The median",
                    ("The mean", "The one very high income drags the mean far above what most of them earn."),
                ],
                "When values are skewed by a few very large ones, the median describes the typical "
                "person; the mean does not.",
            ),
            number(
                "What is the median of 4, 8, 10 and 30?",
                "9",
                (
                    "With an even number of values, the median is halfway between the two middle ones: (8 + "
                    "10) ÷ 2 = 9."
                ),
            ),
        ],
        "teachers": teachers(
            "One or two 45-minute lessons",
            [
                ("Lower secondary (ages 11–14)", "Calculate the mean and the median of a small data set."),
                ("Upper secondary (ages 15–18)", "Explain, with an example, when the mean misleads and why."),
            ],
            (
                "<ul><li>A headline says “average pay rises”. What would you want to know before believing "
                "it "
                "describes you?</li><li>If a billionaire moves into your town, what happens to the mean and "
                "the median income?</li></ul>"
            ),
            (
                "<h3>Worksheet: pocket money</h3><ol><li>Write down seven amounts of weekly pocket money "
                "(real "
                "or made up).</li><li>Work out the mean and the median.</li><li>Add one amount of 500. Work "
                "them out again.</li><li>Which changed more? Explain why in one sentence.</li></ol>"
            ),
        ),
        "lessons": [
            {
                "slug": "the-middle-and-the-average",
                "title": "The middle and the average",
                "summary": "Working out the mean and the median.",
                "minutes": 10,
                "body": [
                    text(
                        (
                            "<p>The <b>mean</b> is what most people call the average: add the values up and "
                            "divide by how many there are.</p>"
                        ),
                        (
                            "<p>The <b>median</b> is the middle value when the values are put in order. With "
                            "an even number of values, it is halfway between the two in the middle.</p>"
                        ),
                    ),
                    glossary("mean", "median"),
                    example(
                        "Ages in a family",
                        "A family’s ages are 6, 9, 38 and 41. What are the mean and the median age?",
                        [
                            "Mean: 6 + 9 + 38 + 41 = 94, and 94 ÷ 4 = 23.5.",
                            (
                                "Median: in order they are 6, 9, 38, 41; the middle two are 9 and 38, and "
                                "halfway between is 23.5."
                            ),
                        ],
                        (
                            "Both are 23.5 here, although nobody in the family is that age: an average need "
                            "not be a value anyone has."
                        ),
                    ),
                    number("What is the mean of 3, 5 and 10?", "6", "3 + 5 + 10 = 18; 18 ÷ 3 = 6."),
                ],
            },
            {
                "slug": "when-the-mean-misleads",
                "title": "When the mean misleads",
                "summary": "Skewed data: incomes, house prices and waiting times.",
                "minutes": 10,
                "body": [
                    text(
                        (
                            "<p>Some things have many small values and a few enormous ones: incomes, wealth, "
                            "house prices, the length of hospital waits. Such data are called "
                            "<b>skewed</b>.</p>"
                        ),
                        (
                            "<p>In skewed data the few enormous values pull the mean up, while the median "
                            "stays with the typical case. That is why statistics offices report "
                            "<b>median</b> "
                            "income and <b>median</b> house prices.</p>"
                        ),
                    ),
                    chart(
                        "Weekly pay of full-time employees: mean and median",
                        "bar",
                        "Measure,Weekly pay\nMedian,682\nMean,812",
                        (
                            "Mean weekly pay (812) is well above median weekly pay (682), because a minority "
                            "of very high earners pulls the mean up."
                        ),
                        "Earnings survey (demo)",
                        y_label="Weekly pay",
                        unit="currency units",
                    ),
                    single(
                        "Mean pay is 812 and median pay 682. What does that tell you?",
                        [
                            "*More than half of employees earn less than the mean",
                            "Most employees earn more than 812",
                            "The survey must be wrong",
                        ],
                        "Half of employees earn less than the median (682), which is below the mean, so more "
                        "than half earn less than the mean.",
                    ),
                ],
            },
            {
                "slug": "choosing-the-right-average",
                "title": "Choosing the right average",
                "summary": "Which average to use, and how to say which one you used.",
                "minutes": 10,
                "body": [
                    text(
                        (
                            "<p>Use the <b>median</b> for a typical value when data are skewed (incomes, "
                            "prices, waits). Use the <b>mean</b> when every unit counts towards a total, for "
                            "example the mean spend per household, which multiplied by the number of "
                            "households gives total spending.</p>"
                        ),
                        (
                            "<p>Whichever you use, say which: “the median household income” is clear; “the "
                            "average income” is not.</p>"
                        ),
                    ),
                    several(
                        (
                            "For which of these is the median usually the better “typical” figure? Choose "
                            "all "
                            "that apply."
                        ),
                        ["*House prices", "*Household incomes", "The number of days in a month"],
                        (
                            "House prices and incomes are skewed by a few very high values. Days in a month "
                            "hardly "
                            "vary, so mean and median are about the same."
                        ),
                    ),
                ],
            },
        ],
    },
    {
        "slug": "reading-a-charts-axes",
        "title": "Reading a chart’s axes",
        "tier": "basic",
        "summary": (
            "Where the axes start, what their units are, and how a chart can make a small change look big."
        ),
        "topics": ["charts", "disinformation"],
        "audiences": ["students", "teachers", "journalists", "public-servants"],
        "minutes": 25,
        "objectives": [
            "Read the title, axes, units and source of a chart before its shape",
            "Spot a value axis that does not start at zero, and say what it does to bars",
            "Read a value from a line chart",
        ],
        "pre_check": [
            single(
                "What should you read first on a chart?",
                ["The tallest bar", "*The title, the axes and their units", "The colours"],
                (
                    "The title, axes and units tell you what is measured and how. Only then does the shape "
                    "mean anything."
                ),
            ),
            single(
                "A bar chart’s value axis starts at 90 instead of 0. What happens?",
                [
                    "Nothing: the bars show the same thing",
                    "*Small differences look much bigger than they are",
                    "The bars become more accurate",
                ],
                (
                    "Bar lengths are read as amounts. Cutting the axis cuts the same amount off every bar, "
                    "so "
                    "the "
                    "differences that remain look much larger."
                ),
            ),
            several(
                "Which of these does a trustworthy chart show? Choose all that apply.",
                ["*A source", "*Units on the value axis", "A 3D effect"],
                "A source and units let you check and understand the numbers; 3D effects distort them.",
            ),
        ],
        "post_check": [
            number(
                (
                    "Two bars show 96 and 98 on an axis that starts at 94. How many times taller does the "
                    "second bar look than the first?"
                ),
                "2",
                "On screen the bars are 96 − 94 = 2 and 98 − 94 = 4 units tall, so the second looks twice as "
                "tall, although 98 is only about 2% more than 96.",
                tolerance="0.05",
            ),
            single(
                (
                    "For which kind of chart is an axis that does not start at zero acceptable, if clearly "
                    "marked?"
                ),
                ["*A line chart of change over time", "A bar chart", "A pie chart"],
                "A line chart is read by its slope and position, so a tighter range can be fine if it is "
                "labelled. Bars are read by their length, which must start at zero.",
            ),
            order(
                "Put these in the order you should read a chart.",
                ["Title", "Axes and units", "Source and notes", "The shape of the data"],
                "First know what the chart claims to show and how, then where it comes from; the shape "
                "comes last.",
            ),
        ],
        "teachers": teachers(
            "One 45-minute lesson",
            [
                ("Lower secondary (ages 11–14)", "Identify the title, axes, units and source of a chart."),
                (
                    "Upper secondary (ages 15–18)",
                    "Explain how a truncated axis changes the impression a bar chart gives.",
                ),
            ],
            (
                "<ul><li>Find a chart in today’s news. What does it claim? Would the claim survive if the "
                "axis "
                "started at zero?</li><li>Why might someone choose not to start an axis at zero?</li></ul>"
            ),
            (
                "<h3>Worksheet: two charts, one set of numbers</h3><ol><li>Draw a bar chart of these test "
                "scores: 72, 75, 78, with the axis from 0 to 100.</li><li>Draw it again with the axis from "
                "70 "
                "to 80.</li><li>Describe what each chart seems to say, in one sentence each.</li></ol>"
            ),
        ),
        "lessons": [
            {
                "slug": "title-axes-units",
                "title": "Title, axes, units",
                "summary": "What to read before you look at the shape.",
                "minutes": 8,
                "body": [
                    text(
                        (
                            "<p>Before you look at the bars or lines, read: the <b>title</b> (what, where, "
                            "when), the <b>axes</b> (what is measured along each) and the <b>units</b> (per "
                            "cent, thousands, millions, currency), then the <b>source</b>.</p>"
                        ),
                    ),
                    chart(
                        "Unemployment rate, people aged 15 to 74, 2022 to 2026",
                        "line",
                        "Year,Unemployment rate\n2022,5.2\n2023,4.8\n2024,4.5\n2025,4.3\n2026,4.1",
                        "The unemployment rate fell every year, from 5.2% in 2022 to 4.1% in 2026.",
                        "Labour force survey (demo)",
                        x_label="Year",
                        y_label="Unemployment rate",
                        unit="%",
                    ),
                    number(
                        "According to the chart, what was the unemployment rate in 2024, in per cent?",
                        "4.5",
                        "Find 2024 on the horizontal axis and read across from the point: 4.5%.",
                        tolerance="0.05",
                        unit="%",
                    ),
                ],
            },
            {
                "slug": "where-does-the-axis-start",
                "title": "Where does the axis start?",
                "summary": "Truncated axes, and why bars must start at zero.",
                "minutes": 9,
                "body": [
                    text(
                        (
                            "<p>We read a bar by its length. If the value axis starts above zero, every bar "
                            "loses the same slice, and small differences look huge. A bar chart’s value axis "
                            "should start at zero.</p>"
                        ),
                        (
                            "<p>Line charts are read by their slope, so a narrower range can be honest, as "
                            "long as the axis is clearly labelled.</p>"
                        ),
                    ),
                    example(
                        "How much bigger does it look?",
                        (
                            "Bars of 50 and 55 are drawn on an axis starting at 45. How much taller does the "
                            "second look?"
                        ),
                        [
                            "Visible heights: 50 − 45 = 5 and 55 − 45 = 10.",
                            "Ratio of visible heights: 10 ÷ 5 = 2.",
                            "Real ratio: 55 ÷ 50 = 1.1.",
                        ],
                        "The second bar looks twice as tall, although its value is only 10% larger.",
                    ),
                    single(
                        "A bar chart of school results has an axis from 60 to 70. What should you do?",
                        [
                            "*Read the numbers, not the bar lengths",
                            "Trust the bar lengths",
                            "Ignore the chart",
                        ],
                        (
                            "With a truncated axis the lengths exaggerate differences; the numbers on the "
                            "axis "
                            "still tell the truth."
                        ),
                    ),
                ],
            },
            {
                "slug": "scales-and-time",
                "title": "Scales and time",
                "summary": "Uneven time steps and changing scales.",
                "minutes": 8,
                "body": [
                    text(
                        (
                            "<p>Check the time axis too: are the years evenly spaced? A chart that jumps "
                            "from "
                            "2000 to 2020 and then shows every year after makes recent change look "
                            "sudden.</p>"
                        ),
                        (
                            "<p>Check the scale: a rise from 1 to 2 per cent is a doubling of the rate, but "
                            "only one percentage point.</p>"
                        ),
                    ),
                    glossary("percentage-point"),
                    several(
                        "Which of these can make a chart misleading? Choose all that apply.",
                        [
                            "*Years that are not evenly spaced on the axis",
                            "*A bar chart axis that starts at 80",
                            "A clear source line",
                        ],
                        (
                            "Uneven time steps and truncated bar axes both distort the picture; a source "
                            "line "
                            "helps you check it."
                        ),
                    ),
                ],
            },
        ],
    },
    # Intermediate
    {
        "slug": "percentages-and-percentage-points",
        "title": "Percentages and percentage points",
        "tier": "intermediate",
        "summary": (
            "Percent of what? The difference between a change in per cent and in percentage points, and "
            "between relative and absolute change."
        ),
        "topics": ["percentages", "methods"],
        "audiences": ["journalists", "public-servants", "students"],
        "minutes": 30,
        "objectives": [
            "Work out a percentage change from two figures",
            "Tell a change in percentage points from a change in per cent",
            "Report relative and absolute change together",
        ],
        "pre_check": [
            number(
                "A price rises from 50 to 60. By how many per cent did it rise?",
                "20",
                "The rise is 10; 10 ÷ 50 = 0.2, or 20%.",
                unit="%",
            ),
            single(
                "Unemployment goes from 4% to 5%. Which is right?",
                ["It rose by 1%", "*It rose by 1 percentage point", "It rose by 5%"],
                "The difference between two percentages is measured in percentage points: 5 − 4 = 1 point. "
                "In per cent, the rate rose by 25%.",
            ),
            number("What is 15% of 240?", "36", "0.15 × 240 = 36."),
        ],
        "post_check": [
            number(
                (
                    "The share of adults who smoke fell from 20% to 15%. By how many per cent did the share "
                    "fall?"
                ),
                "25",
                "The fall is 5 percentage points; relative to the starting 20%, that is 5 ÷ 20 = 25%.",
                unit="%",
            ),
            number(
                "A risk rises from 2 in 1,000 to 3 in 1,000. By how many per cent did the risk rise?",
                "50",
                "1 more in 1,000 on a starting 2 in 1,000 is a 50% relative rise, although the absolute "
                "rise is only 0.1 percentage points.",
                unit="%",
            ),
            single(
                "A headline says a risk “rises by 50%”. What else should the article tell you?",
                [
                    "*The risk before and after, e.g. from 2 to 3 in 1,000",
                    "Nothing: 50% says it all",
                    "The colour of the chart",
                ],
                (
                    "A relative change means little without the starting level. Report both: from 2 in 1,000 "
                    "to 3 in 1,000."
                ),
            ),
            number(
                "Prices rise by 10% and then by 10% again. By how many per cent have they risen in all?",
                "21",
                "1.10 × 1.10 = 1.21, a rise of 21%, not 20%.",
                unit="%",
                tolerance="0.1",
            ),
        ],
        "teachers": teachers(
            "One 50-minute lesson",
            [
                (
                    "Upper secondary (ages 15–18)",
                    "Distinguish percentage-point change from percentage change.",
                ),
                (
                    "Adult learners and newsrooms",
                    "Report a change in risk as both a relative and an absolute change.",
                ),
            ],
            (
                "<ul><li>Why do advertisers prefer “50% more” to “one more in a thousand”?</li><li>Rewrite a "
                "headline from today’s news so it gives both the relative and the absolute change.</li></ul>"
            ),
            (
                "<h3>Worksheet: points or per cent?</h3><ol><li>Turnout rose from 60% to 66%. Write the "
                "change "
                "in points and in per cent.</li><li>A tax rose from 20% to 22%. Write both "
                "again.</li><li>Which way of writing makes each change sound bigger?</li></ol>"
            ),
        ),
        "lessons": [
            {
                "slug": "percent-of-what",
                "title": "Percent of what?",
                "summary": "Every percentage has a base.",
                "minutes": 10,
                "body": [
                    text(
                        (
                            "<p>A percentage is a share of something: “30% of households” means 30 in every "
                            "100 households. Always ask <b>percent of what?</b></p>"
                        ),
                        (
                            "<p>A percentage change compares a new figure with an old one: (new − old) ÷ "
                            "old × "
                            "100.</p>"
                        ),
                    ),
                    example(
                        "A rise in rent",
                        "Monthly rent rises from 800 to 860. What is the percentage rise?",
                        [
                            "Change: 860 − 800 = 60.",
                            "Relative to the old rent: 60 ÷ 800 = 0.075.",
                            "As a percentage: 7.5%.",
                        ],
                        "Rent rose by 7.5%.",
                    ),
                    number(
                        "A bus fare rises from 2.00 to 2.30. By how many per cent did it rise?",
                        "15",
                        "0.30 ÷ 2.00 = 0.15, or 15%.",
                        unit="%",
                    ),
                ],
            },
            {
                "slug": "points-and-per-cent",
                "title": "Percentage points and per cent",
                "summary": "Two ways to describe a change in a rate.",
                "minutes": 10,
                "body": [
                    text(
                        (
                            "<p>When a rate changes, the difference between the two rates is in "
                            "<b>percentage "
                            "points</b>. The change relative to the starting rate is in <b>per cent</b>.</p>"
                        ),
                        (
                            "<p>Inflation going from 2% to 3% is a rise of 1 percentage point, or a 50% rise "
                            "in the rate.</p>"
                        ),
                    ),
                    glossary("percentage-point"),
                    chart(
                        "Share of adults who volunteered in the past year, %",
                        "bar",
                        "Year,Volunteered\n2016,24\n2021,18\n2026,21",
                        (
                            "The share of adults who volunteered fell from 24% in 2016 to 18% in 2021, then "
                            "rose to 21% in 2026."
                        ),
                        "Time use and participation survey (demo)",
                        x_label="Year",
                        y_label="Share of adults",
                        unit="%",
                    ),
                    number(
                        "By how many percentage points did the share rise between 2021 and 2026?",
                        "3",
                        "21 − 18 = 3 percentage points (which is a rise of about 17% in the share).",
                        unit="points",
                    ),
                ],
            },
            {
                "slug": "relative-and-absolute-change",
                "title": "Relative and absolute change",
                "summary": "Why “twice the risk” may mean very little.",
                "minutes": 10,
                "body": [
                    text(
                        (
                            "<p>A <b>relative</b> change (“risk up 50%”) sounds large when the starting "
                            "level "
                            "is small. The <b>absolute</b> change (“from 2 to 3 people in 1,000”) shows how "
                            "many people are affected.</p>"
                        ),
                        "<p>Good reporting gives both.</p>",
                    ),
                    single(
                        "Which sentence is the most informative?",
                        [
                            "Risk of the illness doubles",
                            "*Risk of the illness rises from 1 to 2 people in 10,000",
                            "Risk of the illness rises sharply",
                        ],
                        (
                            "It gives the starting level and the new level, so readers can judge both the "
                            "relative "
                            "change (double) and the absolute change (1 more in 10,000)."
                        ),
                    ),
                ],
            },
        ],
    },
    {
        "slug": "inflation-and-the-cpi",
        "title": "Inflation and the consumer price index",
        "tier": "intermediate",
        "summary": (
            "What the consumer price index measures, how its basket is weighted, and how the inflation rate "
            "is worked out from it."
        ),
        "topics": ["prices", "economy"],
        "audiences": ["journalists", "public-servants", "students", "teachers"],
        "minutes": 35,
        "objectives": [
            "Explain what the consumer price index measures",
            "Explain why items in the basket have different weights",
            "Work out an annual inflation rate from two index values",
        ],
        "pre_check": [
            single(
                "What does the consumer price index measure?",
                [
                    "*The change in the prices of goods and services households buy",
                    "How much households spend in total",
                    "The prices businesses pay",
                ],
                (
                    "The CPI follows the prices of a fixed basket of goods and services that households buy, "
                    "so it "
                    "shows how prices change, not how much people spend."
                ),
            ),
            single(
                "Annual inflation falls from 4% to 2%. Prices are…",
                ["falling", "*still rising, but more slowly", "unchanged"],
                (
                    "Inflation is the rate at which prices rise. A lower positive rate means prices still "
                    "rise, more slowly."
                ),
            ),
            number(
                "An index goes from 100 to 103. What is the percentage change?",
                "3",
                "(103 − 100) ÷ 100 = 0.03, or 3%.",
                unit="%",
            ),
        ],
        "post_check": [
            number(
                (
                    "The CPI was 118.0 in October last year and 120.9 this October. What is the annual "
                    "inflation rate, to one decimal place?"
                ),
                "2.5",
                "(120.9 − 118.0) ÷ 118.0 = 0.0246, which rounds to 2.5%.",
                tolerance="0.05",
                unit="%",
            ),
            single(
                "Why does food have a larger weight in the CPI than postage stamps?",
                [
                    "*Households spend much more on food",
                    "Food prices change more often",
                    "Food is easier to price",
                ],
                (
                    "Weights follow household spending: an item that takes a bigger share of the budget "
                    "counts "
                    "for more in the index."
                ),
            ),
            several(
                "Which of these are true of the CPI? Choose all that apply.",
                [
                    "*It uses a basket of goods and services",
                    "*Its basket is updated regularly as spending changes",
                    "It measures the cost of living of every household exactly",
                ],
                "The CPI is an average across households; your own inflation depends on what you buy.",
            ),
            single(
                "Inflation was 2% this year. A pay rise of 1% means real pay has…",
                ["risen", "*fallen", "stayed the same"],
                "Pay rose less than prices, so the same pay buys less: real pay fell by about 1%.",
            ),
        ],
        "teachers": teachers(
            "Two 45-minute lessons",
            [
                ("Upper secondary (ages 15–18)", "Calculate an inflation rate from index values."),
                (
                    "Adult learners and newsrooms",
                    "Explain why an individual’s inflation can differ from the CPI.",
                ),
            ],
            (
                "<ul><li>What would be in a basket for your household? How would its weights differ from the "
                "national basket?</li><li>Why might people feel that inflation is higher than the official "
                "figure?</li></ul>"
            ),
            (
                "<h3>Worksheet: our class basket</h3><ol><li>List five things your household buys every "
                "month "
                "and their prices.</li><li>Give each a weight by how much of the spending it takes (weights "
                "add up to 100).</li><li>Suppose one price rises by 10% and the rest stay the same. By how "
                "much does your basket cost rise?</li></ol>"
            ),
        ),
        "lessons": [
            {
                "slug": "what-the-cpi-measures",
                "title": "What the CPI measures",
                "summary": "A basket of goods and services, priced every month.",
                "minutes": 10,
                "body": [
                    text(
                        (
                            "<p>Each month, price collectors record the prices of several hundred items that "
                            "households buy, from bread to bus fares and rent. The <b>consumer price "
                            "index</b> "
                            "(CPI) combines them into one number that shows how prices have changed since a "
                            "<b>base year</b>, when the index was set to 100.</p>"
                        ),
                        (
                            "<p><b>Inflation</b> is the percentage change in the index, usually over twelve "
                            "months.</p>"
                        ),
                    ),
                    glossary("consumer-price-index", "inflation", "base-year"),
                    single(
                        "The CPI is 112 this month, with a base year of 100. What does that mean?",
                        [
                            "*Prices are on average 12% higher than in the base year",
                            "Prices rose 12% this month",
                            "Inflation is 112%",
                        ],
                        (
                            "An index of 112 against a base of 100 means prices are 12% higher than in the "
                            "base year, not in the last month."
                        ),
                    ),
                ],
            },
            {
                "slug": "the-basket-and-its-weights",
                "title": "The basket and its weights",
                "summary": "Why some prices count for more.",
                "minutes": 10,
                "body": [
                    text(
                        (
                            "<p>Price changes are combined as a weighted average. The weights come from "
                            "household spending: if housing takes a quarter of what households spend, "
                            "housing "
                            "prices make up a quarter of the index.</p>"
                        ),
                    ),
                    chart(
                        "Weights in the consumer price index, 2026",
                        "bar",
                        (
                            "Group,Weight\nHousing and energy,26\nFood and "
                            "drink,18\nTransport,14\nRecreation "
                            "and culture,12\nOther goods and services,30"
                        ),
                        (
                            "Housing and energy have the largest weight (26 in 100), then food and drink "
                            "(18) "
                            "and transport (14)."
                        ),
                        "Consumer price index (demo)",
                        unit="per 100",
                    ),
                    example(
                        "A two-item basket",
                        (
                            "Food has a weight of 60 and transport 40. Food prices rise 5% and transport "
                            "prices 10%. What is inflation?"
                        ),
                        [
                            "Food contributes 0.60 × 5% = 3 points.",
                            "Transport contributes 0.40 × 10% = 4 points.",
                            "Add them: 3 + 4 = 7.",
                        ],
                        "Prices of the basket rose 7%.",
                    ),
                    number(
                        (
                            "Housing has a weight of 25 and its prices rise 8%; everything else (weight 75) "
                            "rises 2%. What is inflation, in per cent?"
                        ),
                        "3.5",
                        "0.25 × 8 + 0.75 × 2 = 2 + 1.5 = 3.5%.",
                        tolerance="0.05",
                        unit="%",
                    ),
                ],
            },
            {
                "slug": "working-out-inflation",
                "title": "Working out the inflation rate",
                "summary": "From two index values to a rate.",
                "minutes": 10,
                "body": [
                    text(
                        (
                            "<p>Annual inflation = (index this month − index a year ago) ÷ index a year ago "
                            "× "
                            "100. Do not subtract the index values and call the result per cent: the "
                            "difference is in index points.</p>"
                        ),
                    ),
                    chart(
                        "Consumer price inflation, annual rate, 2022 to 2026",
                        "line",
                        "Year,Inflation\n2022,8.1\n2023,5.6\n2024,3.2\n2025,2.7\n2026,2.4",
                        (
                            "Annual inflation fell from 8.1% in 2022 to 2.4% in 2026; prices kept rising, "
                            "more "
                            "slowly each year."
                        ),
                        "Consumer price index (demo)",
                        x_label="Year",
                        y_label="Annual rate",
                        unit="%",
                    ),
                    order(
                        "Put the steps to work out annual inflation in order.",
                        [
                            "Find the index this month and a year ago",
                            "Subtract the older index from the newer one",
                            "Divide by the older index",
                            "Multiply by 100",
                        ],
                        "The change is always divided by the older value, the base of the comparison.",
                    ),
                ],
            },
        ],
    },
    {
        "slug": "correlation-and-causation",
        "title": "Correlation is not causation",
        "tier": "intermediate",
        "summary": (
            "Why two things that move together need not cause each other, and how to look for a third factor."
        ),
        "topics": ["methods", "disinformation"],
        "audiences": ["students", "journalists", "public-servants", "teachers"],
        "minutes": 30,
        "objectives": [
            "Explain what a correlation is",
            "Name the alternative explanations for a correlation: chance, reverse causation and confounding",
            "Say what kind of study can show cause and effect",
        ],
        "pre_check": [
            single(
                "Ice cream sales and drownings rise and fall together. Why?",
                ["Ice cream causes drowning", "*Both rise in hot weather", "Drowning causes ice cream sales"],
                (
                    "Hot weather drives both: more people buy ice cream and more people swim. That third "
                    "factor is a confounder."
                ),
            ),
            single(
                "A correlation between two things shows that…",
                ["one causes the other", "*they tend to move together", "they are unrelated"],
                "Correlation describes how two things move together; it says nothing on its own about why.",
            ),
            several(
                "Which can explain a correlation without A causing B? Choose all that apply.",
                ["*B causes A", "*A third factor causes both", "*Chance"],
                "Reverse causation, confounding and chance all produce correlations without A causing B.",
            ),
        ],
        "post_check": [
            single(
                "Towns with more police officers have more crime. What is the most likely explanation?",
                [
                    "Police cause crime",
                    "*More police are sent where there is more crime",
                    "It is pure chance",
                ],
                (
                    "This is reverse causation: crime levels drive the number of police, not the other way "
                    "round."
                ),
            ),
            single(
                "Which study can best show that a new teaching method causes better results?",
                [
                    "*Randomly assigning classes to the new or old method and comparing results",
                    "Comparing schools that chose the method with those that did not",
                    "Asking teachers if they like it",
                ],
                (
                    "Random assignment balances other factors between the groups, so a difference in results "
                    "can be put down to the method."
                ),
            ),
            several(
                (
                    "Children with more books at home do better at school. Which could be confounders? "
                    "Choose "
                    "all that apply."
                ),
                ["*Parents’ education", "*Household income", "The colour of the books"],
                "Parents’ education and income affect both the number of books and school results.",
            ),
        ],
        "teachers": teachers(
            "One 45-minute lesson",
            [
                ("Upper secondary (ages 15–18)", "Give alternative explanations for a reported correlation."),
                (
                    "Adult learners and newsrooms",
                    "Check whether a study’s design supports a causal claim before reporting it.",
                ),
            ],
            (
                "<ul><li>Find a headline that says one thing “linked to” another. Does the article claim "
                "cause? Is that justified?</li><li>How could you test the claim fairly?</li></ul>"
            ),
            (
                "<h3>Worksheet: three explanations</h3><p>For each correlation, write one confounder and say "
                "whether reverse causation is possible.</p><ol><li>People who drink coffee live "
                "longer.</li><li>Cities with more hospitals have more deaths.</li><li>Pupils who eat "
                "breakfast "
                "get better marks.</li></ol>"
            ),
        ),
        "lessons": [
            {
                "slug": "what-a-correlation-is",
                "title": "What a correlation is",
                "summary": "Two things moving together.",
                "minutes": 10,
                "body": [
                    text(
                        (
                            "<p>Two measures are <b>correlated</b> when they tend to move together: when one "
                            "is high, the other tends to be high too (a positive correlation), or low (a "
                            "negative one).</p>"
                        ),
                        "<p>A correlation is a description of data, not an explanation.</p>",
                    ),
                    glossary("correlation-and-causation"),
                    chart(
                        "Ice cream sales and swimming accidents by month",
                        "line",
                        (
                            "Month,Ice cream sales (thousand),Swimming "
                            "accidents\nJan,12,3\nMar,20,4\nMay,48,9\nJul,85,17\nSep,40,8\nNov,15,3"
                        ),
                        "Ice cream sales and swimming accidents both peak in July and are lowest in winter.",
                        "Illustrative figures",
                        x_label="Month",
                    ),
                    single(
                        "The chart shows a…",
                        ["*positive correlation", "negative correlation", "causal link"],
                        (
                            "Both rise and fall together: a positive correlation. The chart alone cannot "
                            "show "
                            "a cause."
                        ),
                    ),
                ],
            },
            {
                "slug": "confounders-and-reverse-causation",
                "title": "Confounders and reverse causation",
                "summary": "The usual suspects behind a correlation.",
                "minutes": 10,
                "body": [
                    text(
                        (
                            "<p>When A and B are correlated, there are four possibilities: A causes B; B "
                            "causes A (<b>reverse causation</b>); something else causes both (a "
                            "<b>confounder</b>); or the pattern is <b>chance</b>.</p>"
                        ),
                    ),
                    example(
                        "Hospitals and deaths",
                        (
                            "Regions with more hospital beds have more deaths per year. Do hospitals kill "
                            "people?"
                        ),
                        [
                            (
                                "Ask what else differs: regions with more beds have more people, and older "
                                "people."
                            ),
                            "Population size and age drive both beds and deaths.",
                            "Compare death rates per 1,000 people of the same age instead.",
                        ],
                        (
                            "The correlation comes from confounders (population size and age), not from "
                            "hospitals causing deaths."
                        ),
                    ),
                    single(
                        "People who use walking sticks fall more often. Which explanation fits best?",
                        [
                            "Sticks cause falls",
                            "*People with poor balance use sticks and also fall more",
                            "Chance",
                        ],
                        "Poor balance is a confounder: it leads to both using a stick and falling.",
                    ),
                ],
            },
            {
                "slug": "showing-cause-and-effect",
                "title": "Showing cause and effect",
                "summary": "What experiments do that observation cannot.",
                "minutes": 10,
                "body": [
                    text(
                        (
                            "<p>In a <b>randomised controlled trial</b>, people (or classes, or towns) are "
                            "assigned to groups by chance. Because chance decides, the groups are alike in "
                            "every other way on average, and a difference in outcomes can be put down to the "
                            "treatment.</p>"
                        ),
                        (
                            "<p>Where experiments are impossible, statisticians compare like with like and "
                            "adjust for known confounders, and report the result as an association, not a "
                            "proven cause.</p>"
                        ),
                    ),
                    several(
                        (
                            "Which words in a news story suggest a study found a correlation only? Choose "
                            "all "
                            "that apply."
                        ),
                        ["*“linked to”", "*“associated with”", "“caused by a randomised trial”"],
                        (
                            "“Linked to” and “associated with” describe correlation. Only a well-designed "
                            "experiment supports “causes”."
                        ),
                    ),
                ],
            },
        ],
    },
    # Advanced
    {
        "slug": "sampling-and-margin-of-error",
        "title": "Sampling, margins of error and confidence intervals",
        "tier": "advanced",
        "summary": (
            "How a few thousand people can speak for millions, what a margin of error and a 95% confidence "
            "interval mean, and the errors sampling cannot fix."
        ),
        "topics": ["methods", "surveys"],
        "audiences": ["journalists", "public-servants"],
        "minutes": 45,
        "prerequisites": ["percentages-and-percentage-points"],
        "objectives": [
            "Explain why a random sample can represent a population",
            "Interpret a margin of error and a 95% confidence interval",
            "Tell whether a change between two estimates is likely to be real",
            "Name non-sampling errors that a bigger sample does not fix",
        ],
        "pre_check": [
            single(
                "What makes a sample representative?",
                [
                    "*Choosing people at random",
                    "Choosing people who volunteer",
                    "Choosing a very large number of volunteers",
                ],
                (
                    "Random selection gives everyone a known chance of being chosen; volunteers, however "
                    "many, "
                    "choose themselves."
                ),
            ),
            single(
                "A survey estimates 42% with a margin of error of ±3 points. The true figure is most likely…",
                ["exactly 42%", "*between 39% and 45%", "between 41% and 43%"],
                (
                    "The margin of error gives a range around the estimate in which the true figure probably "
                    "lies."
                ),
            ),
            single(
                "To halve the margin of error of a survey, the sample must be about…",
                ["twice as large", "*four times as large", "half as large"],
                (
                    "The margin of error shrinks with the square root of the sample size: four times the "
                    "sample halves it."
                ),
            ),
        ],
        "post_check": [
            single(
                (
                    "Unemployment is estimated at 4.1% (95% confidence interval 3.8% to 4.4%), up from 4.0% "
                    "last quarter. What should a report say?"
                ),
                [
                    "Unemployment rose",
                    "*Unemployment was about the same: the change is within the margin of error",
                    "Unemployment fell",
                ],
                (
                    "A change of 0.1 points is well inside the uncertainty of either estimate, so we cannot "
                    "say the rate moved."
                ),
            ),
            single(
                "What does a 95% confidence interval mean?",
                [
                    (
                        "*If the survey were repeated many times, 95% of such intervals would contain the "
                        "true "
                        "value"
                    ),
                    "95% of people answered within this range",
                    "The estimate is 95% correct",
                ],
                (
                    "The 95% describes the method: intervals made this way capture the true value 19 times "
                    "in "
                    "20."
                ),
            ),
            number(
                (
                    "A survey of 1,000 people has a margin of error of ±3 points. About how many people "
                    "would "
                    "give a margin of ±1.5 points?"
                ),
                "4000",
                "Halving the margin needs four times the sample: 4 × 1,000 = 4,000.",
                tolerance="100",
                unit="people",
            ),
            several(
                "Which of these are non-sampling errors? Choose all that apply.",
                [
                    "*People refusing to take part",
                    "*A question worded so that people misunderstand it",
                    "The chance of picking an unusual sample",
                ],
                (
                    "Refusals and badly worded questions bias results however large the sample; only the "
                    "last "
                    "is sampling error."
                ),
            ),
        ],
        "teachers": teachers(
            "Two 50-minute lessons",
            [
                (
                    "Upper secondary (ages 16–18)",
                    "Interpret a margin of error and decide whether a change is meaningful.",
                ),
                (
                    "University and professional",
                    "Distinguish sampling from non-sampling error and explain how each is reduced.",
                ),
            ],
            (
                "<ul><li>A poll of readers on a news website gets 50,000 answers. Is it better than a random "
                "survey of 1,000? Why?</li><li>Two polls disagree by 2 points. What could explain "
                "it?</li></ul>"
            ),
            (
                "<h3>Worksheet: sampling with sweets</h3><ol><li>Fill a bag with 100 sweets, 30 of them "
                "red.</li><li>Each pupil draws 10 without looking, records the share of red ones and puts "
                "them "
                "back.</li><li>Plot everyone’s shares. How far from 30% do they spread?</li><li>Repeat with "
                "samples of 40. What happens to the spread?</li></ol>"
            ),
        ),
        "lessons": [
            {
                "slug": "why-a-sample-works",
                "title": "Why a sample works",
                "summary": "Random selection, not size, makes a sample fair.",
                "minutes": 10,
                "body": [
                    text(
                        (
                            "<p>A <b>sample</b> is a part of the population chosen to stand for all of it. "
                            "If "
                            "every member has a known chance of selection (a random sample), the sample’s "
                            "results are a fair estimate for the whole population, give or take a "
                            "predictable "
                            "amount of chance error.</p>"
                        ),
                        (
                            "<p>Size matters less than how the sample is chosen: a huge self-selected online "
                            "poll can be further from the truth than a random sample of 1,000.</p>"
                        ),
                    ),
                    glossary("sample"),
                    single(
                        (
                            "A website poll with 80,000 answers and a random survey of 1,500 people "
                            "disagree. "
                            "Which should you trust more?"
                        ),
                        [
                            "*The random survey",
                            "The website poll, because it is bigger",
                            "Neither can be better than the other",
                        ],
                        (
                            "The website’s respondents chose themselves and may differ from everyone else; "
                            "size cannot fix that bias."
                        ),
                    ),
                ],
            },
            {
                "slug": "margins-of-error-and-confidence-intervals",
                "title": "Margins of error and confidence intervals",
                "summary": "How sure an estimate is.",
                "minutes": 12,
                "body": [
                    text(
                        (
                            "<p>Because a different random sample would give a slightly different answer, "
                            "every survey estimate comes with uncertainty. The <b>margin of error</b> says "
                            "how "
                            "far the estimate may be from the true value; the estimate plus and minus the "
                            "margin is the <b>confidence interval</b>.</p>"
                        ),
                        (
                            "<p>A 95% confidence interval comes from a method that captures the true value "
                            "in "
                            "95% of samples.</p>"
                        ),
                    ),
                    glossary("margin-of-error", "confidence-interval"),
                    chart(
                        "Unemployment rate estimates with 95% confidence intervals, %",
                        "table",
                        (
                            "Quarter,Estimate,Lower limit,Upper limit\nQ1 2026,4.3,4.0,4.6\nQ2 "
                            "2026,4.0,3.7,4.3\nQ3 2026,4.1,3.8,4.4"
                        ),
                        (
                            "Each quarter’s estimate has an interval about 0.3 points either side; the "
                            "intervals overlap a great deal."
                        ),
                        "Labour force survey (demo)",
                        unit="%",
                    ),
                    number(
                        (
                            "An estimate is 38% with a 95% confidence interval from 35% to 41%. What is the "
                            "margin of error, in points?"
                        ),
                        "3",
                        "The interval runs 3 points either side of 38%.",
                        unit="points",
                    ),
                ],
            },
            {
                "slug": "is-the-change-real",
                "title": "Is the change real?",
                "summary": "Comparing two estimates.",
                "minutes": 10,
                "body": [
                    text(
                        (
                            "<p>When two estimates differ by less than their margins of error, the "
                            "difference "
                            "may be chance. Statistics offices test whether a change is <b>statistically "
                            "significant</b>, and say so in their releases.</p>"
                        ),
                    ),
                    glossary("statistical-significance"),
                    example(
                        "A poll moves",
                        "Support for a plan is 44% (±3) in June and 46% (±3) in July. Has support risen?",
                        [
                            "June’s interval: 41% to 47%.",
                            "July’s interval: 43% to 49%.",
                            (
                                "The intervals overlap almost completely, and the 2-point change is smaller "
                                "than either margin."
                            ),
                        ],
                        "We cannot say that support rose: the change is within the margin of error.",
                    ),
                    single(
                        "What should a headline say about the poll above?",
                        ["“Support surges”", "*“Support little changed”", "“Support falls”"],
                        "The data are consistent with no change at all.",
                    ),
                ],
            },
            {
                "slug": "errors-sampling-cannot-fix",
                "title": "Errors sampling cannot fix",
                "summary": "Non-response, coverage and wording.",
                "minutes": 10,
                "body": [
                    text(
                        (
                            "<p>The margin of error covers only <b>sampling error</b>, the chance of drawing "
                            "an unusual sample. <b>Non-sampling errors</b> come from elsewhere: people who "
                            "are "
                            "not on the list (coverage), people who do not answer (non-response), questions "
                            "that are misunderstood, and mistakes in processing.</p>"
                        ),
                        (
                            "<p>A bigger sample reduces sampling error but leaves these untouched. "
                            "Statistics "
                            "offices reduce them by testing questions, following up non-respondents and "
                            "weighting.</p>"
                        ),
                    ),
                    several(
                        "Which actions reduce non-sampling error? Choose all that apply.",
                        [
                            "*Testing the questionnaire before the survey",
                            "*Following up people who did not reply",
                            "Drawing a bigger sample from the same incomplete list",
                        ],
                        (
                            "A bigger sample from an incomplete list repeats the same coverage error at "
                            "larger "
                            "scale."
                        ),
                    ),
                ],
            },
        ],
    },
    {
        "slug": "seasonal-adjustment",
        "title": "Seasonal adjustment",
        "tier": "advanced",
        "summary": (
            "Why monthly and quarterly figures rise and fall with the calendar, and how seasonally adjusted "
            "series show the underlying movement."
        ),
        "topics": ["methods", "economy", "jobs"],
        "audiences": ["journalists", "public-servants"],
        "minutes": 35,
        "prerequisites": ["reading-a-charts-axes"],
        "objectives": [
            "Recognise seasonal patterns in monthly and quarterly data",
            "Compare periods correctly with unadjusted and seasonally adjusted figures",
            "Explain why seasonally adjusted figures can be revised",
        ],
        "pre_check": [
            single(
                "Retail sales jump every December. A December rise in unadjusted sales shows that…",
                [
                    "*nothing unusual: shops always sell more in December",
                    "the economy is booming",
                    "prices have risen",
                ],
                "December sales rise every year with the holidays; that is a seasonal pattern, not news.",
            ),
            single(
                "Which comparison avoids seasonal effects without adjustment?",
                [
                    "This month with last month",
                    "*This month with the same month last year",
                    "This month with the yearly average",
                ],
                "Comparing with the same month a year earlier compares like seasons.",
            ),
            single(
                "A seasonally adjusted series shows…",
                ["the raw counts", "*the movement once the usual seasonal pattern is removed", "a forecast"],
                "Seasonal adjustment removes the regular calendar pattern to show the underlying movement.",
            ),
        ],
        "post_check": [
            single(
                (
                    "Unadjusted unemployment rises in July as students leave school. The seasonally adjusted "
                    "rate is flat. What happened?"
                ),
                [
                    "*The rise was the usual summer pattern: underlying unemployment did not change",
                    "Unemployment rose sharply",
                    "The adjustment is wrong",
                ],
                "The adjusted series removes the rise that happens every July.",
            ),
            several(
                "Which are seasonal or calendar effects? Choose all that apply.",
                [
                    "*More construction work in summer",
                    "*The number of working days in a month",
                    "A factory closing for good",
                ],
                "A factory closure is a real change, not something that repeats with the calendar.",
            ),
            single(
                "Why can last month’s seasonally adjusted figure change when this month’s is published?",
                [
                    "*Each new month of data refines the estimate of the seasonal pattern",
                    "Statisticians made a mistake",
                    "Adjusted figures are chosen at random",
                ],
                (
                    "Seasonal factors are estimated from the series itself, so new data update them; these "
                    "revisions are expected and announced."
                ),
            ),
        ],
        "teachers": teachers(
            "One 50-minute lesson",
            [
                (
                    "University and professional",
                    "Interpret seasonally adjusted and unadjusted series and their revisions.",
                ),
                ("Newsrooms", "Choose the right comparison when reporting a monthly figure."),
            ],
            (
                "<ul><li>What in your own life follows the seasons (spending, travel, work)?</li><li>Why "
                "would "
                "a newspaper get a monthly story wrong by comparing December with November?</li></ul>"
            ),
            (
                "<h3>Worksheet: spot the season</h3><ol><li>Plot twelve months of ice cream sales: 10, 11, "
                "15, "
                "22, 30, 40, 45, 44, 30, 20, 12, 11.</li><li>Mark the seasonal peak.</li><li>Next year each "
                "month is 10% higher. Is that a seasonal change or a real one? Explain.</li></ol>"
            ),
        ),
        "lessons": [
            {
                "slug": "patterns-that-repeat",
                "title": "Patterns that repeat every year",
                "summary": "Holidays, weather and the school year.",
                "minutes": 10,
                "body": [
                    text(
                        (
                            "<p>Many monthly and quarterly figures follow the calendar: shops sell more "
                            "before "
                            "the holidays, building slows in winter, unemployment rises when school-leavers "
                            "look for work. These regular movements are <b>seasonal effects</b>.</p>"
                        ),
                    ),
                    chart(
                        "Retail sales volume, unadjusted, index 2022 = 100",
                        "line",
                        "Month,2025,2026\nJan,92,94\nApr,98,100\nJul,101,103\nOct,100,102\nDec,124,127",
                        (
                            "Sales peak every December and dip in January, in both years; 2026 runs about 2 "
                            "points above 2025 throughout."
                        ),
                        "Retail sales inquiry (demo)",
                        x_label="Month",
                        y_label="Sales volume",
                        unit="index",
                    ),
                    single(
                        "Sales fall sharply from December to January. What does that tell you?",
                        ["*Little: they do so every year", "A recession has started", "Prices fell"],
                        (
                            "The January fall repeats every year; only adjusted figures or a comparison with "
                            "last January can show a real change."
                        ),
                    ),
                ],
            },
            {
                "slug": "adjusted-and-unadjusted",
                "title": "Adjusted and unadjusted figures",
                "summary": "Which comparison to make.",
                "minutes": 12,
                "body": [
                    text(
                        (
                            "<p>With <b>unadjusted</b> figures, compare a month with the same month a year "
                            "earlier. With <b>seasonally adjusted</b> figures, you can compare a month with "
                            "the month before, because the usual pattern has been removed.</p>"
                        ),
                    ),
                    glossary("seasonal-adjustment"),
                    example(
                        "Reading a release",
                        (
                            "Unadjusted jobs fell by 20,000 from December to January. Seasonally adjusted "
                            "jobs "
                            "rose by 5,000. What happened?"
                        ),
                        [
                            "Every January, about 25,000 seasonal jobs end after the holidays.",
                            "The adjusted series removes that usual fall.",
                            "After adjustment, employment rose by 5,000.",
                        ],
                        (
                            "Underlying employment grew; the unadjusted fall was smaller than the usual "
                            "January fall."
                        ),
                    ),
                    number(
                        (
                            "Seasonal jobs usually fall by 25,000 in January. This January unadjusted jobs "
                            "fell by 20,000. By about how many thousand did underlying jobs rise?"
                        ),
                        "5",
                        (
                            "The fall was 5,000 smaller than the usual seasonal fall, so underlying "
                            "employment "
                            "rose by about 5 thousand."
                        ),
                        unit="thousand",
                    ),
                ],
            },
            {
                "slug": "revisions",
                "title": "Why adjusted figures are revised",
                "summary": "New data sharpen the seasonal pattern.",
                "minutes": 10,
                "body": [
                    text(
                        (
                            "<p>Seasonal patterns are estimated from the data themselves. Each new month "
                            "improves the estimate, so recent seasonally adjusted figures are "
                            "<b>revised</b>. "
                            "Statistics offices publish revisions openly; a revised figure is not a "
                            "correction "
                            "of a mistake.</p>"
                        ),
                    ),
                    glossary("revision"),
                    single(
                        (
                            "A newly published figure revises last month’s adjusted growth from 0.3% to "
                            "0.2%. "
                            "How should you report it?"
                        ),
                        [
                            "*As a normal revision, giving both figures",
                            "As an error by the statistics office",
                            "Ignore it",
                        ],
                        "Revisions are part of how adjusted series work; say what changed and why.",
                    ),
                ],
            },
        ],
    },
    {
        "slug": "spotting-misleading-charts-and-claims",
        "title": "Spotting misleading charts and claims",
        "tier": "advanced",
        "summary": (
            "The tricks that make numbers mislead, from cherry-picked dates to missing denominators, and a "
            "checklist for any claim you meet."
        ),
        "topics": ["disinformation", "charts"],
        "audiences": ["journalists", "public-servants", "students", "teachers"],
        "minutes": 45,
        "prerequisites": ["reading-a-charts-axes", "correlation-and-causation"],
        "objectives": [
            "Recognise cherry-picked time periods and missing denominators",
            "Check a claim against its source and definitions",
            "Apply a checklist to a chart or statistic shared online",
        ],
        "pre_check": [
            single(
                "A post says “crime up 50%!” comparing this year with an unusually quiet year. This is…",
                ["*cherry-picking the starting point", "a fair comparison", "seasonal adjustment"],
                "Choosing an unusual starting year exaggerates change; look at the longer series.",
            ),
            single(
                "“City A had 200 burglaries, City B only 100.” What is missing?",
                ["*How many homes each city has", "The colour of the chart", "Nothing"],
                (
                    "Without the number of homes (the denominator), you cannot compare risk: City A may be "
                    "three times larger."
                ),
            ),
            several(
                "Which are good first checks on a statistic shared online? Choose all that apply.",
                [
                    "*Who published it, and where the data come from",
                    "*What exactly is being measured",
                    "How many times it was shared",
                ],
                "Popularity says nothing about accuracy; source and definition do.",
            ),
        ],
        "post_check": [
            number(
                (
                    "City A has 200 burglaries and 100,000 homes; City B has 100 burglaries and 25,000 "
                    "homes. "
                    "How many burglaries per 1,000 homes does City B have?"
                ),
                "4",
                (
                    "100 ÷ 25,000 × 1,000 = 4 per 1,000 homes, against 2 per 1,000 in City A: B’s rate is "
                    "twice A’s."
                ),
            ),
            order(
                "Put these checks of a viral chart in a sensible order.",
                [
                    "Find the original source",
                    "Check what is measured and how it is defined",
                    "Check the axes and the time period shown",
                    "Compare with the longer series or other sources",
                ],
                "Start from the source and definitions, then the presentation, then the wider context.",
            ),
            single(
                "A chart shows prices for only the three months after a tax change. What should you ask?",
                [
                    "*What happened before and after those months?",
                    "Which font was used?",
                    "Nothing: three months is enough",
                ],
                "A short window can hide the longer trend; ask for the series either side.",
            ),
            several(
                (
                    "A claim says “twice as many people now use food banks”. Which facts do you need? Choose "
                    "all that apply."
                ),
                [
                    "*The numbers before and after",
                    "*Whether the number of food banks changed",
                    "The name of the person who shared it",
                ],
                "A doubling from a small base, or more food banks opening, changes what the claim means.",
            ),
        ],
        "teachers": teachers(
            "Two 45-minute lessons",
            [
                (
                    "Upper secondary (ages 15–18)",
                    "Apply a checklist to a chart shared on social media and explain what is misleading.",
                ),
                (
                    "Adult learners and newsrooms",
                    "Verify a statistical claim against its official source before publishing.",
                ),
            ],
            (
                "<ul><li>Why do misleading charts spread faster than corrections?</li><li>What would you "
                "say, "
                "politely, to a friend who shared a misleading chart?</li></ul>"
            ),
            (
                "<h3>Worksheet: fact-check a chart</h3><ol><li>Pick a chart shared online this "
                "week.</li><li>Who made it? Where do its numbers come from?</li><li>What is measured, and is "
                "there a denominator?</li><li>Where does each axis start, and what period is "
                "shown?</li><li>Find the official figures. Does the claim still hold?</li></ol>"
            ),
        ),
        "lessons": [
            {
                "slug": "cherry-picked-periods",
                "title": "Cherry-picked periods",
                "summary": "How the choice of dates changes the story.",
                "minutes": 10,
                "body": [
                    text(
                        (
                            "<p>Any series that goes up and down can be made to show a rise or a fall by "
                            "choosing where to start and stop. Ask for the longer series, and compare with "
                            "the "
                            "same period in earlier years.</p>"
                        ),
                    ),
                    chart(
                        "Recorded burglaries, thousands, 2017 to 2026",
                        "line",
                        (
                            "Year,Burglaries\n2017,31\n2018,30\n2019,29\n2020,20\n2021,24\n2022,27\n2023,27\n2024,26\n2025,25\n2026,25"
                        ),
                        (
                            "Burglaries fell from 31 thousand in 2017 to 25 thousand in 2026, with an "
                            "unusual "
                            "dip to 20 thousand in 2020."
                        ),
                        "Recorded crime (demo)",
                        x_label="Year",
                        y_label="Burglaries",
                        unit="thousand",
                    ),
                    single(
                        "Someone says “burglaries up 25% since 2020”. What is the fuller picture?",
                        [
                            "*2020 was an unusual low; burglaries are lower than before it",
                            "Burglaries are at a record high",
                            "Burglaries have doubled",
                        ],
                        (
                            "Against 2017–2019, 2026 is lower; the 25% rise comes from starting at an "
                            "unusual "
                            "dip."
                        ),
                    ),
                ],
            },
            {
                "slug": "missing-denominators",
                "title": "Missing denominators",
                "summary": "Counts, rates and per-person figures.",
                "minutes": 10,
                "body": [
                    text(
                        (
                            "<p>A count (“200 burglaries”) cannot be compared between places of different "
                            "size. Divide by the population at risk to get a <b>rate</b> (burglaries per "
                            "1,000 "
                            "homes), or express a total <b>per capita</b>.</p>"
                        ),
                    ),
                    glossary("per-capita"),
                    example(
                        "Comparing two regions",
                        (
                            "Region North spends 300 million on health for 1.2 million people; Region South "
                            "spends 200 million for 0.5 million people. Which spends more per person?"
                        ),
                        ["North: 300 ÷ 1.2 = 250 per person.", "South: 200 ÷ 0.5 = 400 per person."],
                        "South spends more per person, although North spends more in total.",
                    ),
                    number(
                        (
                            "A town of 40,000 people records 120 road injuries. How many is that per 1,000 "
                            "people?"
                        ),
                        "3",
                        "120 ÷ 40,000 × 1,000 = 3 per 1,000 people.",
                    ),
                ],
            },
            {
                "slug": "checking-a-claim",
                "title": "Checking a claim",
                "summary": "Source, definition, presentation, context.",
                "minutes": 12,
                "body": [
                    text(
                        "<p>Before you share or report a statistic, check four things:</p>",
                        (
                            "<ol><li><b>Source</b>: who produced the figure, and can you find the "
                            "original?</li><li><b>Definition</b>: what exactly is counted, and has the "
                            "definition changed?</li><li><b>Presentation</b>: axes, time period, rates or "
                            "counts.</li><li><b>Context</b>: the longer series, other sources, the margin of "
                            "error.</li></ol>"
                        ),
                    ),
                    several(
                        (
                            "A chart of “unemployment” shows a jump in one month. Which could explain it "
                            "without more people being out of work? Choose all that apply."
                        ),
                        [
                            "*The definition of unemployment changed that month",
                            "*The figures are unadjusted and the month is always high",
                            "A real fall in jobs",
                        ],
                        (
                            "A change of definition or a seasonal pattern can produce a jump; always check "
                            "the "
                            "release’s notes."
                        ),
                    ),
                ],
            },
            {
                "slug": "correcting-the-record",
                "title": "Correcting the record",
                "summary": "What to do when you find a misleading claim.",
                "minutes": 8,
                "body": [
                    text(
                        (
                            "<p>When a claim is misleading, point to the official figures and explain the "
                            "gap "
                            "in plain words. Statistics offices publish corrections openly; a good "
                            "correction "
                            "says what changed, why, and where the right figure is.</p>"
                        ),
                    ),
                    single(
                        "What is the most useful reply to a misleading chart?",
                        [
                            "*Share the official figure with its source and explain the difference briefly",
                            "Reply that statistics are all lies",
                            "Ignore it",
                        ],
                        "A short, sourced explanation gives others what they need to judge for themselves.",
                    ),
                ],
            },
        ],
    },
]
