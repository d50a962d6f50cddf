"""The eligibility domain: protocols, facts, rules, scores and evaluation.

Pure pydantic and stdlib: no Qt, no storage, no files, no clock.
"""
