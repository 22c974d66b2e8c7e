import pulumi
import pulumi_aws

# Fully qualified module, hanging indent, comments inside the call.
models = pulumi_aws.efs.FileSystem(
        'models',  # trained grading models
        creation_token='models', # idempotency
        # lifecycle: keep hot
        encrypted=True,
        tags={'Team': 'ml'})
cache = pulumi_aws.efs.FileSystem('cache', encrypted=True)
