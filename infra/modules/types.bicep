// Types shared by the modules.

@export()
@description('A developer or deployer who gets the same data roles as the app.')
type principal = {
  @description('Object id of the principal in Entra ID.')
  id: string
  type: principalType
}

@export()
type principalType = 'ServicePrincipal' | 'User' | 'Group'
