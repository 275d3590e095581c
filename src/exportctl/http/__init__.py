"""What the HTTP API and the pages share: the per-app service state (:mod:`.context`), who is asking
(:mod:`.security`: session cookie or bearer token), background jobs and batch screening (:mod:`.jobs`,
:mod:`.batch`) and the errors raised at the HTTP edge (:mod:`.errors`). Neither ``api`` nor ``web`` imports the
other; both import this.
"""
