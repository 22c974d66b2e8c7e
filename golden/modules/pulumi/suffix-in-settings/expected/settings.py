import pulumi

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or pulumi.get_stack()
