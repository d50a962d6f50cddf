"""Published clinical scores, one formula per module, as pure functions.

Every function refuses inputs outside its published domain with a `DomainError`
instead of computing a number that means nothing.
"""
