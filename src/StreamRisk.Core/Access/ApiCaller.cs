namespace StreamRisk.Core.Access;

/// <summary>Who is calling the API: the team a valid, unrevoked key belongs to, and what the key allows.</summary>
public sealed record ApiCaller(string TeamId, string KeyId, ApiScopes Scopes)
{
    public bool Has(ApiScopes scope) => (Scopes & scope) == scope;
}
