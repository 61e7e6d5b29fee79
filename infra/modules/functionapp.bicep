// Flex Consumption plan and the .NET 10 isolated-worker function app, running as the user-assigned identity, with
// every app setting the app reads (tests/Infrastructure.Tests checks them against the code) and no way in by password:
// basic publishing credentials (SCM and FTP) are off and FTPS is disabled.
param location string
param planName string
param appName string

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity: the app\'s identity-based connections name it.')
param identityClientId string

@description('Upper bound on instances; Flex Consumption accepts 40 to 1000.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory of each instance, in MB (Flex Consumption sizes).')
@allowed([512, 2048, 4096])
param instanceMemoryMB int

@description('Blob container URL Flex Consumption deploys the app package to and starts it from.')
param deploymentContainerUrl string

@description('Storage account of the Functions host and Durable Functions (AzureWebJobsStorage).')
param storageAccountName string

param appInsightsConnectionString string
param cosmosEndpoint string
param cosmosDatabaseName string
param taskHubName string
param paymentTimeout string
param readYourWritesTimeout string
param subscriptionMaxAttempts int
param subscriptionRetryDelay string
param subscriptionMaxRetryDelay string

@description('Log Analytics workspace the diagnostic settings send to.')
param workspaceId string

// Who reads each setting is checked by tests/Infrastructure.Tests (AppSettingsTests): the app's code, host.json, or the platform.
var appSettings = {
  // The Functions host's storage (and Durable Functions' Azure Storage backend) through the identity: no account key.
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
  // Application Insights has local auth off, so the host and the worker send telemetry with the identity's token.
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  // The CosmosDb connection of the change-feed triggers and of the app's own CosmosClient, through the identity.
  CosmosDb__accountEndpoint: cosmosEndpoint
  CosmosDb__credential: 'managedidentity'
  CosmosDb__clientId: identityClientId
  CosmosDbName: cosmosDatabaseName
  TASKHUB_NAME: taskHubName
  Checkout__PaymentTimeout: paymentTimeout
  Api__ReadYourWritesTimeout: readYourWritesTimeout
  // How patiently the checkout trigger tries one event before parking it in the subscription's dead letters.
  Subscriptions__MaxAttempts: string(subscriptionMaxAttempts)
  Subscriptions__RetryDelay: subscriptionRetryDelay
  Subscriptions__MaxRetryDelay: subscriptionMaxRetryDelay
  // The containers are this template's (cosmos.bicep): the app never creates or changes them.
  Store__CreateContainers: 'false'
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true // Linux
  }
}

resource app 'Microsoft.Web/sites@2025-03-01' = {
  name: appName
  location: location
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      // Flex Consumption takes the runtime from here; FUNCTIONS_WORKER_RUNTIME is not set as an app setting.
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [for setting in items(appSettings): {
        name: setting.key
        value: setting.value
      }]
    }
  }
}

// No publishing with a user name and password: deployments authenticate with Entra ID (azure/login + OIDC).
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: app
  name: 'ftp'
  properties: { allow: false }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: app
  name: 'scm'
  properties: { allow: false }
}

// The linter offers 2016-09-01, an older shape of another resource (no categories, no Log Analytics destination type):
// 2021-05-01-preview is the newest version of diagnostic settings as Azure Monitor documents them.
#disable-next-line use-recent-api-versions
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: app
  properties: {
    workspaceId: workspaceId
    logs: [
      { category: 'FunctionAppLogs', enabled: true }
    ]
    metrics: [
      { category: 'AllMetrics', enabled: true }
    ]
  }
}

output name string = app.name
output defaultHostName string = app.properties.defaultHostName
