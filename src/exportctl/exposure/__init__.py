"""Vendor exposure for network operators (issue 22): an organisation's equipment and contracts, a ban scenario
(which sites, functions and contracts a ban on a vendor from a date touches, and at what cost), a removal plan under
a budget per quarter, and the watch (register alerts on inventory vendors, list changes since the last review).

Modules, from the bottom: :mod:`.model` (equipment, contracts), :mod:`.quarters`, :mod:`.importing` (CSV/XLSX with
per-row problems), :mod:`.vendors` (screening-style vendor names), :mod:`.register` (inventory vendors as
parties of the counterparty register, screened there), :mod:`.contracts`
(earliest end under a contract's terms), :mod:`.plan` (risk order, budget), :mod:`.scenario`, :mod:`.export` (CSV,
JSON, chart), :mod:`.repository` (the store, per organisation), :mod:`.watch`, :mod:`.service`; :mod:`.check` is the
file-only inventory check of ``exportctl exposure INVENTORY.csv``.
"""
