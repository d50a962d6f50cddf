"""The eligibility worksheet: content as data, a reportlab renderer, and the PDF signature.

No Qt and no database here: the caller passes what the worksheet shows and gets bytes back.
"""
