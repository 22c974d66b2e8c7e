"""lambda_limits for AWS CDK v2 Python.

Lambda functions — ``_lambda.Function``, ``SingletonFunction``,
``DockerImageFunction``, ``aws_lambda_nodejs.NodejsFunction`` and the alpha
``PythonFunction`` / ``GoFunction`` — get ``timeout=Duration.seconds(30)`` (in the
largest whole unit: 60 → ``Duration.minutes(1)``) and ``memory_size=512`` when
they leave either to Lambda's default (params ``timeout_seconds``,
``memory_mb``). ``_lambda.CfnFunction`` gets ``timeout=30`` (seconds) and
``memory_size=512``. Any value already given is kept, whatever it is.

Not covered: functions built with ``**kwargs`` (unknown), ``Alias``/``Version``
(they have no limits of their own).
"""

from iacfix.codemods.common.cdk import CFN_FUNCTION, FUNCTIONS  # noqa: F401
from iacfix.codemods.common.cdk_properties import Call, Explicit, Param, Prop, required_properties




def duration(seconds):
    """30 → Duration.seconds(30), 300 → Duration.minutes(5), 3600 → Duration.hours(1)."""
    seconds = int(seconds)
    for unit, n in (("hours", 3600), ("minutes", 60)):
        if seconds % n == 0:
            return Call(f"aws_cdk.Duration.{unit}", seconds // n)
    return Call("aws_cdk.Duration.seconds", seconds)


L2 = [
    Prop("timeout", Explicit(Param("timeout_seconds", duration)), "timeout"),
    Prop("memory_size", Explicit(Param("memory_mb", int)), "memory size"),
]
L1 = [
    Prop("timeout", Explicit(Param("timeout_seconds", int)), "timeout"),
    Prop("memory_size", Explicit(Param("memory_mb", int)), "memory size"),
]

detect = required_properties({**{f: L2 for f in FUNCTIONS}, CFN_FUNCTION: L1}, kind="Lambda function")
