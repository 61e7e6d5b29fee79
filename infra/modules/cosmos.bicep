// Serverless Cosmos DB for NoSQL with the database and containers the app expects, reachable only
// through Entra ID (local auth off). The layouts match EventSourcing.Cosmos.Setup.CosmosSetup.
param location string
param accountName string
param databaseName string

@description('Identity of the function app (gets the built-in Cosmos DB Data Contributor role).')
param principalId string

var dataContributor = '00000000-0000-0000-0000-000000000002'

// Each entry is a container's `resource` body (typed, so the compiler checks the property names).
var containers resourceInput<'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-05-15'>.properties.resource[] = [
  {
    // Commits and tips, one logical partition per stream. Only what appends and reads query is indexed.
    id: 'events'
    partitionKey: { paths: ['/streamId'], kind: 'Hash' }
    indexingPolicy: {
      indexingMode: 'consistent'
      automatic: true
      includedPaths: [
        { path: '/kind/?' }
        { path: '/first/?' }
        { path: '/last/?' }
        { path: '/timestamp/?' }
        { path: '/events/[]/id/?' }
      ]
      excludedPaths: [
        { path: '/*' }
      ]
    }
  }
  {
    // Change-feed leases (the Functions trigger does not create them: the identity has data-plane rights only).
    id: 'leases'
    partitionKey: { paths: ['/id'], kind: 'Hash' }
  }
  {
    // Read models are queried on any property except the per-stream version map.
    id: 'readmodels'
    partitionKey: { paths: ['/id'], kind: 'Hash' }
    indexingPolicy: {
      indexingMode: 'consistent'
      automatic: true
      includedPaths: [
        { path: '/*' }
      ]
      excludedPaths: [
        { path: '/versions/*' }
      ]
    }
  }
  {
    // Parked projection events.
    id: 'deadletters'
    partitionKey: { paths: ['/streamId'], kind: 'Hash' }
  }
  {
    // Idempotency records, read by id only. TTL is on (-1: no default expiry) so a record can carry its own ttl.
    id: 'requests'
    partitionKey: { paths: ['/id'], kind: 'Hash' }
    defaultTtl: -1
    indexingPolicy: {
      indexingMode: 'consistent'
      automatic: true
      includedPaths: []
      excludedPaths: [
        { path: '/*' }
      ]
    }
  }
]

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: accountName
  location: location
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    consistencyPolicy: { defaultConsistencyLevel: 'Session' }
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    capabilities: [
      { name: 'EnableServerless' }
    ]
    disableLocalAuth: true
    minimalTlsVersion: 'Tls12'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-05-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: { id: databaseName }
  }
}

// Serverless: no throughput options on the database or the containers.
resource sqlContainers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-05-15' = [for container in containers: {
  parent: database
  name: container.id
  properties: {
    resource: container
  }
}]

// A Cosmos data-plane assignment (not Microsoft.Authorization/roleAssignments), scoped to the whole account.
resource dataContributorAssignment 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-05-15' = {
  parent: account
  name: guid(account.id, principalId, dataContributor)
  properties: {
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/${dataContributor}'
    principalId: principalId
    scope: account.id
  }
}

output endpoint string = account.properties.documentEndpoint
