from django.core.management.base import BaseCommand

from glossary.services.guide_cache import load_compiled_guide
from media.analysis.runs import Analyser, articles_to_reanalyse, reanalyse_all


class Command(BaseCommand):
    help = (
        "Analyse again every article not yet analysed with the newest language guide, and "
        "rebuild its monthly figures. Resumes where a stopped re-analysis left off."
    )

    def handle(self, *args, **options):
        analyser = Analyser(guide=load_compiled_guide())
        total = articles_to_reanalyse(analyser.guide_version_id).count()
        done = reanalyse_all(
            analyser, progress=lambda done: self.stdout.write(f"{done:,} of {total:,} analysed")
        )
        self.stdout.write(self.style.SUCCESS(f"{done:,} articles analysed."))
