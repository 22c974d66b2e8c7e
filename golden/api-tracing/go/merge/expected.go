package stacks

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigateway"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewOrdersApiStack(scope constructs.Construct, id string, environmentSuffix string) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)

	awsapigateway.NewRestApi(stack, jsii.String("OrdersApi"), &awsapigateway.RestApiProps{
		RestApiName: jsii.String(fmt.Sprintf("orders-%s", environmentSuffix)),
		DeployOptions: &awsapigateway.StageOptions{
			StageName:            jsii.String(environmentSuffix),
			LoggingLevel:         awsapigateway.MethodLoggingLevel_INFO,
			TracingEnabled:       jsii.Bool(true),
			ThrottlingRateLimit:  jsii.Number(50),
			ThrottlingBurstLimit: jsii.Number(100),
		},
	})

	return stack
}
