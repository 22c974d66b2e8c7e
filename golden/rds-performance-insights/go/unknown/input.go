package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsrds"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewTenantDatabaseStack(scope constructs.Construct, id string, vpc awsec2.IVpc, performanceInsights bool) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	instanceClass, ok := stack.Node().TryGetContext(jsii.String("instanceClass")).(string)
	if !ok {
		instanceClass = "t3.micro"
	}

	// the class comes from the context
	awsrds.NewDatabaseInstance(stack, jsii.String("TenantDb"), &awsrds.DatabaseInstanceProps{
		Engine:                    awsrds.DatabaseInstanceEngine_MYSQL(),
		InstanceType:              awsec2.NewInstanceType(jsii.String(instanceClass)),
		Vpc:                       vpc,
		EnablePerformanceInsights: jsii.Bool(true),
	})

	// the flag comes from the settings
	awsrds.NewDatabaseInstance(stack, jsii.String("AuditDb"), &awsrds.DatabaseInstanceProps{
		Engine:                    awsrds.DatabaseInstanceEngine_MYSQL(),
		InstanceType:              awsec2.InstanceType_Of(awsec2.InstanceClass_T3, awsec2.InstanceSize_MICRO),
		Vpc:                       vpc,
		EnablePerformanceInsights: jsii.Bool(performanceInsights),
	})

	return stack
}
