module example.com/scoring

go 1.21

require (
	github.com/aws/aws-cdk-go/awscdk/v2 v2.80.0
	github.com/aws/constructs-go/constructs/v10 v10.2.0
	github.com/aws/jsii-runtime-go v1.84.0
)
