"""IAC011 api-tracing: REST API stages trace requests with X-Ray."""

from codemods.base import Codemod, language_detectors

CODEMOD = Codemod(
    id='IAC011',
    slug='api-tracing',
    title='REST API stages trace requests with X-Ray',
    rationale=(
        'Without X-Ray tracing on the stage, a slow or failing request cannot be followed from API '
        'Gateway into the functions and services behind it, and latency added by the gateway itself '
        'is invisible. iacfix turns tracing on for REST API stages (HTTP APIs do not support '
        'X-Ray).'
    ),
    params=(
    ),
    checkov=('CKV_AWS_73',),
    unsafe_note='tracing explicitly disabled is reported; enabling it is unsafe',
    detectors=language_detectors(__name__),
)
