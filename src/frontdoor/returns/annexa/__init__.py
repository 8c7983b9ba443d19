"""Ofsted's Annex A child-level lists (ILACS), built from the records as an .xlsx workbook.

The lists, their headers and codes are in `lists`; who is on each list in `queries`; each row's cells
in `rows`; the file in `workbook`. Reference: ../shared/reference/annex_a.md sections 1 and 2.
"""

from frontdoor.returns.annexa.workbook import AnnexASummary, write_annex_a

__all__ = ["AnnexASummary", "write_annex_a"]
