package dev.tollgate.bootstrap.nativeimage;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What a native executable must keep for reflection that Quarkus does not see on its own: Quarkus REST registers the
 * declared parameter and return types of resource methods, but most endpoints answer a {@code Response} whose entity
 * is one of these records, and some are read or written by an {@code ObjectMapper} of their own (the Moltin body,
 * the admin JSON). Jackson needs their constructors and accessors at run time. By name, since some are
 * package-private. {@code NativeImageRegistrationsTest} fails when a record of the REST adapter is missing here.
 */
@RegisterForReflection(classNames = {
        "dev.tollgate.adapters.rest.admin.AdminResponses$ErrorBody",
        "dev.tollgate.adapters.rest.admin.ClientResource$ClientRequest",
        "dev.tollgate.adapters.rest.admin.ClientResource$ClientView",
        "dev.tollgate.adapters.rest.admin.ClientResource$ClientWithSecretView",
        "dev.tollgate.adapters.rest.admin.ClientResource$RotationRequest",
        "dev.tollgate.adapters.rest.admin.DeprecationResource$DeprecationsRequest",
        "dev.tollgate.adapters.rest.admin.DeprecationResource$DeprecationsView",
        "dev.tollgate.adapters.rest.admin.DeprecationResource$SurfaceRequest",
        "dev.tollgate.adapters.rest.admin.DeprecationResource$SurfaceView",
        "dev.tollgate.adapters.rest.admin.DeprecationResource$UsageView",
        "dev.tollgate.adapters.rest.admin.DeprecationResource$WindowJson",
        "dev.tollgate.adapters.rest.admin.KeyResource$KeyList",
        "dev.tollgate.adapters.rest.admin.KeyResource$KeyView",
        "dev.tollgate.adapters.rest.admin.PageView",
        "dev.tollgate.adapters.rest.admin.TenantResource$TenantRequest",
        "dev.tollgate.adapters.rest.admin.TenantResource$TenantView",
        "dev.tollgate.adapters.rest.admin.UserResource$UserRequest",
        "dev.tollgate.adapters.rest.admin.UserResource$UserView",
        "dev.tollgate.adapters.rest.authorize.AuthorizationPages$Hidden",
        "dev.tollgate.adapters.rest.authorize.LoginCsrf$Pair",
        "dev.tollgate.adapters.rest.common.FormBody$Pair",
        "dev.tollgate.adapters.rest.common.IntrospectionResponse",
        "dev.tollgate.adapters.rest.common.OAuthErrorResponses$Body",
        "dev.tollgate.adapters.rest.common.TokenEndpoint$HttpTokenRequest",
        "dev.tollgate.adapters.rest.common.TokenRequestReader$ReadRequest",
        "dev.tollgate.adapters.rest.legacy.V0Responses$ErrorBody",
        "dev.tollgate.adapters.rest.legacy.V0Responses$TokenBody",
        "dev.tollgate.adapters.rest.moltin.CustomerTokenResource$CustomerLogin",
        "dev.tollgate.adapters.rest.moltin.CustomerTokenResource$CustomerTokenData",
        "dev.tollgate.adapters.rest.moltin.CustomerTokenResource$CustomerTokenDocument",
        "dev.tollgate.adapters.rest.moltin.JsonApiErrors$Document",
        "dev.tollgate.adapters.rest.moltin.JsonApiErrors$ErrorObject",
        "dev.tollgate.adapters.rest.moltin.MoltinTokenResource$MoltinTokenResponse",
        "dev.tollgate.adapters.rest.oauth.OAuthTokenResource$OAuthTokenResponse",
        "dev.tollgate.adapters.rest.realm.RealmResource$RealmTokenResponse"
})
public final class NativeImageRegistrations {

    private NativeImageRegistrations() {
    }
}
