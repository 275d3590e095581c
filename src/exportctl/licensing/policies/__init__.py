"""Review policies: which licence review policy governs an application on a date, and what it means.

A *review policy* is a time-versioned rule of the licensing authority: for these parties (by list entry or name
family) and these items (by ECCN, category, product group or technology flag), between ``effective_from`` and
``effective_to``, applications are reviewed under an outcome — presumption of approval, case by case,
presumption of denial, policy of denial, or no new licences. Each policy carries its citation and how far that
citation was verified; nothing here is composed without a source row (see :mod:`.seed`).

How the engine decides (:func:`.engine.recommend`, pure: facts, policies and a date in; a recommendation out):
for each item, of the policies in force that match its parties and the item, the one with the higher priority
wins, then the more specific, then the later, then the more restrictive. The application's outcome is the most
restrictive of its items'. A deficient application is returned without action whatever the policy; a denying
outcome recommends denial; case by case needs a justification. Every reason is kept with its citation.

Modules, from the pure core outwards:

* :mod:`.model` — the value objects (policies, facts, recommendations); no I/O.
* :mod:`.engine` — the decision above; :mod:`.impact` — what a change would do (pure previews).
* :mod:`.items` — item categories (CCL "0"–"9", "AT", "EAR99") from the bundled CCL.
* :mod:`.timeline`, :mod:`.seed`, :mod:`.history` — the bundled Huawei/SMIC timeline and the policies and
  licence actions seeded from it.
* :mod:`.input` — a policy as a user writes it (JSON file), validated.
* :mod:`.facts` — the engine's facts built from the workflow's applications; :mod:`.rows` — policy <-> table rows.
* :mod:`.store` — policies in the database (add, end, load, recommend, preview); :mod:`.actions` — applying a
  change to licences through the workflow's suspend/revoke, each an audit event.

The licence workflow itself (applications, review, decisions, licences) is the rest of :mod:`exportctl.licensing`;
this package uses it, never the other way round.
"""
