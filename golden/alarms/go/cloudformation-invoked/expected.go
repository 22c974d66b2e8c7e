package stacks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatch"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatchactions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	"github.com/aws/aws-cdk-go/awscdk/v2/customresources"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

func NewSeedStack(scope constructs.Construct, id string) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, nil)
	alarmTopic := awssns.NewTopic(stack, jsii.String("AlarmTopic"), nil)

	// Answers CloudFormation through the provider framework: a failure fails the deploy
	onEvent := awslambda.NewFunction(stack, jsii.String("SeedHandler"), &awslambda.FunctionProps{
		Runtime: awslambda.Runtime_PROVIDED_AL2023(),
		Handler: jsii.String("bootstrap"),
		Code:    awslambda.Code_FromAsset(jsii.String("lambda/seed"), nil),
	})
	provider := customresources.NewProvider(stack, jsii.String("SeedProvider"), &customresources.ProviderProps{
		OnEventHandler: onEvent,
	})
	awscdk.NewCustomResource(stack, jsii.String("Seed"), &awscdk.CustomResourceProps{
		ServiceToken: provider.ServiceToken(),
	})

	// Its own service token: CloudFormation invokes it and waits for its answer
	indexer := awslambda.NewFunction(stack, jsii.String("IndexHandler"), &awslambda.FunctionProps{
		Runtime: awslambda.Runtime_PROVIDED_AL2023(),
		Handler: jsii.String("bootstrap"),
		Code:    awslambda.Code_FromAsset(jsii.String("lambda/index"), nil),
	})
	awscdk.NewCustomResource(stack, jsii.String("Index"), &awscdk.CustomResourceProps{
		ServiceToken: indexer.FunctionArn(),
	})

	// Invoked by the application: watched
	worker := awslambda.NewFunction(stack, jsii.String("Worker"), &awslambda.FunctionProps{
		Runtime: awslambda.Runtime_PROVIDED_AL2023(),
		Handler: jsii.String("bootstrap"),
		Code:    awslambda.Code_FromAsset(jsii.String("lambda/worker"), nil),
	})

	worker.MetricErrors(nil).CreateAlarm(stack, jsii.String("WorkerErrors"), &awscloudwatch.CreateAlarmOptions{
		AlarmDescription:  jsii.String("Lambda function Worker failed 5 or more times in 5 minutes"),
		Threshold:         jsii.Number(5),
		EvaluationPeriods: jsii.Number(1),
		TreatMissingData:  awscloudwatch.TreatMissingData_NOT_BREACHING,
	}).AddAlarmAction(awscloudwatchactions.NewSnsAction(alarmTopic))

	worker.MetricThrottles(nil).CreateAlarm(stack, jsii.String("WorkerThrottles"), &awscloudwatch.CreateAlarmOptions{
		AlarmDescription:  jsii.String("Lambda function Worker was throttled 1 or more times in 5 minutes"),
		Threshold:         jsii.Number(1),
		EvaluationPeriods: jsii.Number(1),
		TreatMissingData:  awscloudwatch.TreatMissingData_NOT_BREACHING,
	}).AddAlarmAction(awscloudwatchactions.NewSnsAction(alarmTopic))

	_, _ = alarmTopic, worker
	return stack
}
