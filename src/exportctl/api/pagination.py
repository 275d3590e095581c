"""Pagination shared by every list endpoint: ``limit`` (1–500, default 50) and ``offset`` (0–1,000,000)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Generic, TypeVar

from fastapi import Depends, Query
from pydantic import BaseModel

T = TypeVar("T")
MAX_LIMIT = 500


class PageParams(BaseModel):
    limit: int = 50
    offset: int = 0


async def page_params(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="items per page")] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000, description="items to skip")] = 0,
) -> PageParams:
    return PageParams(limit=limit, offset=offset)


Paging = Annotated[PageParams, Depends(page_params)]


class Page(BaseModel, Generic[T]):
    """One page of results and the total count before paging."""

    items: list[T]
    total: int
    limit: int
    offset: int


def paginate(items: Sequence[T], params: PageParams) -> Page[T]:
    """A page of an in-memory sequence (used where the library returns a complete, bounded list)."""
    return Page[T](
        items=list(items[params.offset : params.offset + params.limit]),
        total=len(items),
        limit=params.limit,
        offset=params.offset,
    )
