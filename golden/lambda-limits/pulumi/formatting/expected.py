import pulumi
import pulumi_aws as aws

class Reports(pulumi.ComponentResource):
    def __init__(self, name: str, role_arn: pulumi.Input[str], opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("assessments:Reports", name, None, opts)
        # Builds the PDF report; aligned hanging arguments.
        self.builder = aws.lambda_.Function(f"{name}-builder",
                                            runtime="python3.12",  # same as the API
                                            handler="builder.handler",
                                            role=role_arn,
                                            code=pulumi.FileArchive("./functions/builder"),
                                            timeout=3,
                                            memory_size=128,
                                            opts=pulumi.ResourceOptions(parent=self))
        self.mailer = aws.lambda_.Function(f"{name}-mailer", args=aws.lambda_.FunctionArgs(
            runtime="python3.12",
            handler="m.h",
            role=role_arn,
            code=pulumi.FileArchive("./functions/mailer"),
            timeout=3,
            memory_size=128,
        ))
        self.register_outputs({})


reports = Reports("reports", role_arn="arn:aws:iam::111122223333:role/reports")
