"""``/api/determination``: does this export need a licence? Single and batch, each answer with its reasons and
citations, review policy and licence exceptions. Parties are screened with the service's shared index. ``regime``
chooses the EAR (default), the EU dual-use Regulation (``from`` = member state of export) or both side by side."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter
from pydantic import BaseModel, Field

from exportctl.api.deps import Context, CurrentPrincipal
from exportctl.determination.facts import make_transaction
from exportctl.determination.regime_service import determine_regimes
from exportctl.determination.service import determine_with_screening
from exportctl.errors import ExportctlError
from exportctl.http.context import ServiceContext
from exportctl.http.dates import AnyDay
from exportctl.regulations import load_regulations

router = APIRouter(prefix="/determination", tags=["determination"])
MAX_BATCH = 200


class PartyBody(BaseModel):
    role: Annotated[str, Field(min_length=1, max_length=40, description="end_user, ultimate_consignee, …")]
    name: Annotated[str, Field(min_length=1, max_length=500)]
    country: Annotated[str | None, Field(default=None, max_length=60)] = None


class DetermineBody(BaseModel):
    eccn: str = Field(
        min_length=1,
        max_length=40,
        description="control code: an ECCN (3A001.a.1, 5A992.c, EAR99) or an EU Annex I code",
    )
    regime: Literal["us-ear", "eu-dual-use", "all"] = Field(
        default="us-ear", description="us-ear (EAR), eu-dual-use (Regulation (EU) 2021/821) or all (side by side)"
    )
    from_country: str | None = Field(
        default=None, alias="from", max_length=60, description="EU member state of export (eu-dual-use, all)"
    )
    destination: str = Field(min_length=2, max_length=60, description="ISO code or country name")
    parties: list[PartyBody] = Field(default_factory=list, max_length=20)
    end_use: str | None = Field(default=None, max_length=2000)
    foreign_produced: bool = False
    on: AnyDay | None = Field(default=None, description="the export date (default today)")


class BatchBody(BaseModel):
    transactions: list[DetermineBody] = Field(min_length=1, max_length=MAX_BATCH)


class BatchRowOut(BaseModel):
    index: int
    determination: dict[str, Any] | None
    error: str | None
    field: str | None


def run_determination(ctx: ServiceContext, body: DetermineBody) -> dict[str, Any]:
    regulations = load_regulations()
    if body.regime != "us-ear":
        answer = determine_regimes(
            ctx.engine,
            regime=body.regime,
            control=body.eccn,
            destination=body.destination,
            origin=body.from_country,
            parties=[(p.role, p.name, p.country) for p in body.parties],
            end_use=body.end_use,
            foreign_produced=body.foreign_produced,
            on=body.on,
            regulations=regulations,
            indexes=ctx.list_indexes,
        )
        return answer.to_dict()
    transaction = make_transaction(
        eccn=body.eccn,
        destination=body.destination,
        regulations=regulations,
        parties=[(p.role, p.name, p.country) for p in body.parties],
        end_use=body.end_use,
        foreign_produced=body.foreign_produced,
        on=body.on,
    )
    determination = determine_with_screening(ctx.engine, transaction, regulations=regulations, indexes=ctx.list_indexes)
    result: dict[str, Any] = determination.to_dict()
    return result


@router.post("", response_model=dict[str, Any])
def determine(body: DetermineBody, principal: CurrentPrincipal, ctx: Context) -> dict[str, Any]:
    """Licence required or not, each reason with its EAR citation, the review policy and licence exceptions."""
    ctx.limiter.take(principal.user_id, "determination")
    return run_determination(ctx, body)


@router.post("/batch", response_model=list[BatchRowOut])
def determine_batch(body: BatchBody, principal: CurrentPrincipal, ctx: Context) -> list[BatchRowOut]:
    """Up to 200 transactions; a bad one gets its error (and field) and the others are still determined."""
    ctx.limiter.take(principal.user_id, "determination")
    rows = []
    for number, transaction in enumerate(body.transactions):
        try:
            rows.append(
                BatchRowOut(index=number, determination=run_determination(ctx, transaction), error=None, field=None)
            )
        except ExportctlError as exc:
            rows.append(
                BatchRowOut(index=number, determination=None, error=str(exc), field=getattr(exc, "field", None))
            )
    return rows
