"""lambda_concurrency for AWS CDK v2 Python.

Lambda functions (the classes lambda-limits covers, and ``_lambda.CfnFunction``)
get ``reserved_concurrent_executions=10`` (param ``reserved_concurrency``) when
they have none. Any value already given is kept, whatever it is (0 is a
deliberate off switch).

Not covered: functions built with ``**kwargs`` (unknown); provisioned concurrency
on aliases is a different setting.
"""

from iacfix.codemods.common.cdk_properties import Explicit, Param, Prop, required_properties
from iacfix.codemods.common.cdk import CFN_FUNCTION, FUNCTIONS

RESERVED = [
    Prop("reserved_concurrent_executions", Explicit(Param("reserved_concurrency", int)), "reserved concurrency"),
]

detect = required_properties({f: RESERVED for f in (*FUNCTIONS, CFN_FUNCTION)}, kind="Lambda function")
