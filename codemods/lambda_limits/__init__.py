"""IAC008 lambda-limits: Lambda functions state their timeout and memory size."""

from codemods.base import Codemod, Param, language_detectors

CODEMOD = Codemod(
    id='IAC008',
    slug='lambda-limits',
    title='Lambda functions state their timeout and memory size',
    rationale=(
        "Lambda's defaults (3 seconds, 128 MB) are almost never what a function needs: real "
        'functions time out under load, or get a timeout raised to the 15-minute maximum that hides '
        'hung calls and multiplies retry cost. Memory also sets the CPU share. Stating both makes '
        "the function's budget a reviewed decision. iacfix adds the configured values where a "
        'function leaves either to the default.'
    ),
    params=(
        Param('timeout_seconds', 30, 'function timeout in seconds'),
        Param('memory_mb', 512, 'function memory in MB'),
    ),
    checkov=(),
    unsafe_note='',
    detectors=language_detectors(__name__),
)
