"""The model in the JSON API: GET /api/v1/model/parameters and POST /api/v1/model/run.

Public: the model holds no personal data and its parameters are published figures. Runs are
rate-limited per client, and months and draws are capped so one call stays under a second.
"""

from django.core.exceptions import ValidationError
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from core.lib.ratelimit import hit
from systemmodel.engine.levers import LEVERS
from systemmodel.engine.parameters import PARAMETERS
from systemmodel.services.running import (
    API_DRAWS,
    DEFAULT_SEED,
    MAX_DRAWS,
    MAX_MONTHS,
    PAGE_MONTHS,
    InvalidRun,
    run_summary,
)

router = Router(tags=["whole-system model"])

RUN_LIMIT = 120
RUN_WINDOW_SECONDS = 60 * 60


def parameter_json(parameter) -> dict:
    source = parameter.source
    return {
        "name": parameter.name,
        "label": parameter.label,
        "value": parameter.value,
        "range": [parameter.low, parameter.high],
        "unit": parameter.unit,
        "source": {
            "title": source.title,
            "publisher": source.publisher,
            "table": source.table,
            "published": source.published,
            "link": source.url,
            "found_via": source.found_via,
        }
        if source.found
        else None,
        "source_found": source.found,
        "basis": parameter.basis,
        "basis_text": parameter.basis_text,
        "note": parameter.note,
    }


def lever_json(lever) -> dict:
    return {
        "name": lever.name,
        "label": lever.label,
        "min": lever.minimum,
        "max": lever.maximum,
        "default": lever.default,
        "unit": lever.unit,
        "allowed_values": list(lever.choices) or None,
        "assumption": lever.assumption,
    }


class ModelSourceOut(Schema):
    title: str
    publisher: str
    table: str
    published: str = Field(description="A UK date, as the source gives it.")
    link: str
    found_via: str


class ModelParameterOut(Schema):
    name: str
    label: str
    value: float
    range: list[float] = Field(description="[low, high]: the range the draws come from.")
    unit: str
    source: ModelSourceOut | None = Field(
        description="null when no published figure was found: the value is an assumption."
    )
    source_found: bool
    basis: str = Field(
        description='"published", "derived" (from published figures) or "assumption".'
    )
    basis_text: str = Field(description="The basis in plain words.")
    note: str


class ModelLeverOut(Schema):
    name: str
    label: str
    min: float
    max: float
    default: float
    unit: str
    allowed_values: list[float] | None
    assumption: str


class ModelParametersOut(Schema):
    parameters: list[ModelParameterOut]
    levers: list[ModelLeverOut]


@router.get(
    "/parameters",
    response=ModelParametersOut,
    url_name="model_parameters",
    summary="The model's parameters and levers",
)
def parameters(request):
    """Every default parameter with its value, range, unit and source (null where no published
    figure was found: then `note` says how the value was chosen), and every lever."""
    return {
        "parameters": [parameter_json(p) for p in PARAMETERS],
        "levers": [lever_json(lever) for lever in LEVERS],
    }


class RunIn(Schema):
    levers: dict[str, float] = Field(default_factory=dict, description="Lever name -> value.")
    months: int = Field(PAGE_MONTHS, description=f"1 to {MAX_MONTHS}.")
    draws: int = Field(API_DRAWS, description=f"Monte Carlo draws, 1 to {MAX_DRAWS}.")
    seed: int = Field(DEFAULT_SEED, ge=0, le=2**32 - 1, description="Same seed, same answer.")


@router.post("/run", url_name="model_run", summary="Run the model for a scenario")
def run(request, payload: RunIn):
    """Percentiles across draws, month by month, for every stock and flow and the totals
    (prison_population, remand_population, probation_caseload, receptions,
    proven_reoffences, victims, cost in £ million a month...)."""
    if not hit("model-run", request, RUN_LIMIT, RUN_WINDOW_SECONDS):
        raise HttpError(429, "Too many model runs from here; try again in an hour.")
    try:
        summary = run_summary(
            payload.levers,
            months=payload.months,
            draws=payload.draws,
            seed=payload.seed,
            every_series=True,
        )
    except InvalidRun as problem:
        raise ValidationError(problem.errors) from problem
    return {
        "months": list(range(1, summary.months + 1)),
        "levers": summary.levers,
        "seed": summary.seed,
        "draws": summary.draws,
        "series": summary.summaries,
    }
