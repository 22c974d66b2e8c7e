"""What lambda-tracing requires of a function, once for every language: tracing mode Active.

The languages' detectors run this rule and then decide, by hand, what only they can see:
whether the function's role is in the project to receive the X-Ray grant (no half fix:
tracing without the grant fails the deploy).
"""

from iacfix.codemods.spec import Exactly, Nested, Rule

LABEL = "active X-Ray tracing"
OFF = "does not trace with X-Ray"

TRACING = Rule(
    ("lambda.Function",),
    {"tracing_config": Nested({"mode": Exactly("Active", label=LABEL, off=OFF)}, label=LABEL, off=OFF)},
    what="Lambda function",
)
