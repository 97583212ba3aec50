"""The programmes app's writes and engines, one module per job:

applications.py  the public application form's work, offers, acceptances, the waiting list
selection.py     the selection panel: seats, conflicts, scores and ranking (the awards rules)
delivery.py      sessions (each an invitation-only event), attendance read from the events
                 app, employer partners' offers
setup.py         saving the set-up pages' forms: programmes, criteria, cohorts, modules...
reach.py         which networks' programmes, cohorts, mentors and groups staff may touch
mentoring.py     suggesting mentors, matching within a mentor's load, asking for a change
followups.py     outcome follow-ups: scheduling, personal links by email, answers, withdrawal
outcomes.py      outcome reports as aggregates with small-number suppression
youth.py         young advocates: consent states, sharing choices, payments, outputs, meetings
safeguarding.py  the safeguarding log: who may record, who may read, and every read audited
"""
