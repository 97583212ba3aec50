"""The whole demo for `manage.py load_demo`: each app's own demo loader, in the order their
data depends on each other.

The directory comes first (members/demo.py: networks, organisations, demo logins), because
the library's authors, the consultations' contributors and the tracker's networks are its
organisations. Every loader fills only an empty part of the site, so running the whole demo
again changes nothing.
"""

from collections.abc import Callable
from dataclasses import dataclass

from awards.demo import load_demo_awards
from comms.demo import load_demo_audiences
from comms.updates.demo import load_demo_updates
from consultations.demo import load_demo_consultation
from equality.demo import load_demo_monitoring
from events.demo import load_demo_events
from groundswell.demo_history import date_demo_history
from influence.demo import load_demo_recommendations
from library.demo import load_demo_resources
from media.demo import load_demo_media
from opportunities.demo import load_demo_opportunities
from plans.demo import load_demo_plans
from programmes.demo import load_demo_programmes
from systemmodel.demo import load_demo_scenarios


@dataclass(frozen=True)
class FeatureDemo:
    """One feature app's demo: its loader (returns how many records it created, 0 when it
    skipped) and what to say in either case."""

    load: Callable[[], int]
    loaded: str  # formatted with {count}
    skipped: str


# After the directory, in this order: the tracker cites library resources, and the
# consultations quote the directory's organisations and feed recommendations to the tracker.
FEATURE_DEMOS = (
    FeatureDemo(
        load_demo_resources,
        "Loaded {count} demo library resources.",
        "The library already has resources: skipped the demo library.",
    ),
    FeatureDemo(
        load_demo_recommendations,
        "Loaded {count} demo recommendations.",
        "The tracker already has recommendations: skipped the demo tracker.",
    ),
    FeatureDemo(
        load_demo_consultation,
        "Loaded {count} demo consultations.",
        "Skipped the demo consultations: consultations exist already, or the demo "
        "organisations they quote do not.",
    ),
    FeatureDemo(
        load_demo_media,
        "Loaded {count} demo news articles.",
        "The media monitor already has articles: skipped its demo.",
    ),
    FeatureDemo(
        load_demo_events,
        "Loaded {count} demo events.",
        "Events exist already (or no networks): skipped the demo events.",
    ),
    FeatureDemo(
        load_demo_awards,
        "Loaded {count} demo award nominations and winners.",
        "Awards exist already (or no demo directory): skipped the demo awards.",
    ),
    FeatureDemo(
        load_demo_programmes,
        "Loaded {count} demo programme participants, applicants and young advocates.",
        "Programmes exist already (or no demo networks): skipped the demo programmes.",
    ),
    FeatureDemo(
        load_demo_scenarios,
        "Loaded {count} demo model scenarios.",
        "The demo model scenarios exist already: skipped them.",
    ),
    FeatureDemo(
        load_demo_opportunities,
        "Loaded {count} demo opportunities.",
        "The opportunities board has listings already (or no directory): skipped its demo.",
    ),
    FeatureDemo(
        load_demo_monitoring,
        "Loaded {count} demo equality monitoring answers and two published reports.",
        "Equality monitoring exists already: skipped its demo.",
    ),
    FeatureDemo(
        date_demo_history,
        "Dated {count} demo records' entry times to the days they describe.",
        "The demo records' entry times were already dated.",
    ),
    FeatureDemo(
        load_demo_plans,
        "Loaded {count} demo plan activities, reports and survey answers (both networks).",
        "Strategies exist already (or no demo networks): skipped the demo plans.",
    ),
    FeatureDemo(
        load_demo_updates,
        "Loaded {count} demo member updates (a year for each network's list).",
        "The demo member updates exist already (or no demo networks): skipped them.",
    ),
    FeatureDemo(
        load_demo_audiences,
        "Loaded {count} demo subscriptions, with a few bounces and unsubscribes.",
        "Mailing-list subscribers exist already (or no demo networks): skipped them.",
    ),
)
