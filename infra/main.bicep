// The Azure side of the ordering backend: a Flex Consumption function app that reaches storage,
// Cosmos DB and Application Insights through one user-assigned identity. No keys anywhere:
// shared-key access is off on storage, local auth is off on Cosmos DB and Application Insights.
targetScope = 'resourceGroup'

@description('Short prefix for resource names (lowercase letters, digits, hyphens).')
@minLength(2)
@maxLength(12)
param namePrefix string = 'ordering'

@description('Region of every resource; the resource group\'s by default.')
param location string = resourceGroup().location

@description('Cosmos DB SQL database the app uses (setting CosmosDbName).')
param cosmosDatabaseName string = 'ordering'

@description('Durable Functions task hub (TASKHUB_NAME): letters and digits only, starting with a letter.')
@minLength(3)
@maxLength(50)
param taskHubName string = 'Ordering'

@description('How long a checkout waits for the payment callback before it is undone (Checkout__PaymentTimeout).')
param paymentTimeout string = '00:15:00'

@description('Upper bound on Flex Consumption instances (functionAppConfig.scaleAndConcurrency.maximumInstanceCount).')
@maxValue(1000)
param maximumInstanceCount int = 100

var prefix = toLower(namePrefix)
var suffix = uniqueString(resourceGroup().id, prefix)

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${prefix}-${suffix}'
  location: location
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    workspaceName: 'log-${prefix}-${suffix}'
    appInsightsName: 'appi-${prefix}-${suffix}'
    principalId: identity.properties.principalId
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    // 3-24 lowercase letters and digits, globally unique.
    accountName: take('st${replace(prefix, '-', '')}${suffix}', 24)
    principalId: identity.properties.principalId
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  params: {
    location: location
    accountName: 'cosmos-${prefix}-${suffix}'
    databaseName: cosmosDatabaseName
    principalId: identity.properties.principalId
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
    maximumInstanceCount: maximumInstanceCount
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    appSettings: {
      AzureWebJobsStorage__accountName: storage.outputs.accountName
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identity.properties.clientId
      APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
      // Application Insights has local auth off, so telemetry must be sent with the identity's token.
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.properties.clientId};Authorization=AAD'
      CosmosDb__accountEndpoint: cosmos.outputs.endpoint
      CosmosDb__credential: 'managedidentity'
      CosmosDb__clientId: identity.properties.clientId
      CosmosDbName: cosmosDatabaseName
      TASKHUB_NAME: taskHubName
      Checkout__PaymentTimeout: paymentTimeout
    }
  }
}

output functionAppName string = functionApp.outputs.name
output functionAppDefaultHostName string = functionApp.outputs.defaultHostName
output cosmosEndpoint string = cosmos.outputs.endpoint
