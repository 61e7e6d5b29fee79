// The Azure side of the ordering backend: a Flex Consumption function app that reaches storage, Cosmos DB and
// Application Insights through one user-assigned identity. No keys anywhere: shared-key access is off on storage,
// local auth is off on Cosmos DB, Application Insights and Log Analytics, and the app has no publishing password.
// Every resource logs to one Log Analytics workspace.
import { principalType as principalKind } from 'modules/types.bicep'

targetScope = 'resourceGroup'

@description('Short prefix for resource names (lowercase letters, digits, hyphens).')
@minLength(2)
@maxLength(12)
param namePrefix string = 'ordering'

@description('Region of every resource; the resource group\'s by default. It must offer Flex Consumption: list the regions that do with `az functionapp list-flexconsumption-locations --output table`.')
param location string = resourceGroup().location

@description('Cosmos DB SQL database the app uses (setting CosmosDbName).')
param cosmosDatabaseName string = 'ordering'

@description('serverless: pay per request, capped throughput and no SLA (the default, for trials and light load). autoscale: provisioned throughput with an SLA, shared by the database\'s containers. Chosen when the account is created.')
@allowed(['serverless', 'autoscale'])
param cosmosThroughputMode string = 'serverless'

@description('With cosmosThroughputMode autoscale: the most RU/s the database scales up to (it scales down to a tenth of it).')
@minValue(1000)
@maxValue(1000000)
param cosmosAutoscaleMaxThroughput int = 1000

@description('Cosmos DB point-in-time restore window (continuous backup): 7 days is free, 30 days is billed per GB.')
@allowed(['Continuous7Days', 'Continuous30Days'])
param cosmosBackupTier string = 'Continuous7Days'

@description('Put a CanNotDelete lock on the Cosmos DB account (the system of record). Deploy with false before deleting the resource group.')
param lockCosmosAccount bool = true

@description('Durable Functions task hub (TASKHUB_NAME): 3 to 45 letters and digits, starting with a letter (the Azure Storage backend\'s rule).')
@minLength(3)
@maxLength(45)
param taskHubName string = 'Ordering'

@description('How long a checkout waits for the payment callback before it is undone (Checkout__PaymentTimeout).')
param paymentTimeout string = '00:15:00'

@description('How long a write waits for its read models before answering (Api__ReadYourWritesTimeout).')
param readYourWritesTimeout string = '00:00:05'

@description('Attempts at one event before a subscriber parks it in its dead letters (Subscriptions__MaxAttempts).')
@minValue(1)
param subscriptionMaxAttempts int = 5

@description('First wait between a subscriber\'s attempts at one event, doubling up to the maximum (Subscriptions__RetryDelay).')
param subscriptionRetryDelay string = '00:00:01'

@description('Longest wait between a subscriber\'s attempts at one event (Subscriptions__MaxRetryDelay).')
param subscriptionMaxRetryDelay string = '00:00:30'

@description('Upper bound on Flex Consumption instances: 40 to 1000.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory of each Flex Consumption instance, in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Days Log Analytics keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Optional object id of a developer or deployer who gets the same data roles as the app (Cosmos DB data contributor on the database; blob, queue and table data roles on storage). Empty: nobody but the app.')
param principalId string = ''

@description('Kind of principalId.')
param principalType principalKind = 'User'

var prefix = toLower(namePrefix)
var suffix = uniqueString(resourceGroup().id, prefix)

// Durable's character rule, which length decorators cannot say: the deployment fails here rather than at the app's start.
var letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'
var taskHubNameIsValid = contains(letters, first(taskHubName)) && empty(filter(
  range(0, length(taskHubName)), i => !contains('${letters}0123456789', substring(taskHubName, i, 1))))
var checkedTaskHubName = taskHubNameIsValid ? taskHubName : fail('taskHubName must be letters and digits only, starting with a letter.')

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: 'id-${prefix}-${suffix}'
  location: location
}

// The optional person or pipeline with the same data roles as the app.
var developer = empty(principalId) ? null : { id: principalId, type: principalType }

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    workspaceName: 'log-${prefix}-${suffix}'
    appInsightsName: 'appi-${prefix}-${suffix}'
    retentionInDays: logRetentionInDays
    publisherIdentityId: identity.id
    publisherPrincipalId: identity.properties.principalId
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    // 3-24 lowercase letters and digits, globally unique.
    accountName: take('st${replace(prefix, '-', '')}${suffix}', 24)
    appIdentityId: identity.id
    appPrincipalId: identity.properties.principalId
    developer: developer
    workspaceId: monitoring.outputs.workspaceId
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  params: {
    location: location
    accountName: 'cosmos-${prefix}-${suffix}'
    databaseName: cosmosDatabaseName
    appIdentityId: identity.id
    appPrincipalId: identity.properties.principalId
    developer: developer
    throughputMode: cosmosThroughputMode == 'serverless' ? 'serverless' : 'autoscale'
    autoscaleMaxThroughput: cosmosAutoscaleMaxThroughput
    backupTier: cosmosBackupTier == 'Continuous30Days' ? 'Continuous30Days' : 'Continuous7Days'
    lockAccount: lockCosmosAccount
    workspaceId: monitoring.outputs.workspaceId
  }
}

// Referencing the other modules' outputs makes the app wait for them, role assignments included:
// the app's first start already has the data-plane access it needs.
module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    location: location
    planName: 'plan-${prefix}-${suffix}'
    appName: 'func-${prefix}-${suffix}'
    identityId: identity.id
    identityClientId: identity.properties.clientId
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    storageAccountName: storage.outputs.accountName
    appInsightsConnectionString: monitoring.outputs.connectionString
    cosmosEndpoint: cosmos.outputs.endpoint
    cosmosDatabaseName: cosmosDatabaseName
    taskHubName: checkedTaskHubName
    paymentTimeout: paymentTimeout
    readYourWritesTimeout: readYourWritesTimeout
    subscriptionMaxAttempts: subscriptionMaxAttempts
    subscriptionRetryDelay: subscriptionRetryDelay
    subscriptionMaxRetryDelay: subscriptionMaxRetryDelay
    workspaceId: monitoring.outputs.workspaceId
  }
}

output functionAppName string = functionApp.outputs.name
output functionAppDefaultHostName string = functionApp.outputs.defaultHostName
output cosmosEndpoint string = cosmos.outputs.endpoint
