"""IAC007 lambda-concurrency: Lambda functions reserve their concurrency."""

from codemods.base import Codemod, Param, language_detectors

CODEMOD = Codemod(
    id='IAC007',
    slug='lambda-concurrency',
    title='Lambda functions reserve their concurrency',
    rationale=(
        "Without reserved concurrency, one function can take the whole account's concurrency pool "
        '(1,000 by default) during a spike or a retry storm, and every other function in the region '
        'is throttled with it. Reserving concurrency both guarantees the function capacity and caps '
        'it, which also bounds what it can do to a downstream database. iacfix sets the configured '
        'reservation (set it per environment in [tool.iacfix.lambda-concurrency]).'
    ),
    params=(
        Param('reserved_concurrency', 10, 'concurrent executions reserved for each function'),
    ),
    checkov=('CKV_AWS_115',),
    unsafe_note='',
    detectors=language_detectors(__name__),
)
