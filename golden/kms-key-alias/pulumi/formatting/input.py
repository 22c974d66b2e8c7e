import pulumi
import pulumi_aws as aws

env = pulumi.get_stack()

if True:
        # Eight-space block: the key for exported statements.
        statements_key = aws.kms.Key('StatementsKey', description='Monthly statements',  # PDF exports
                                     enable_key_rotation=True)   # yearly rotation
        pulumi.export('statements_key', statements_key.id)
