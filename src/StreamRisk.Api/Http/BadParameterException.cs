namespace StreamRisk.Api.Http;

/// <summary>A request parameter the API cannot use: which one, and what it accepts. Becomes a 400 problem.</summary>
public sealed class BadParameterException(string parameter, string detail, string allowed) : Exception(detail)
{
    public string Parameter { get; } = parameter;

    /// <summary>What the parameter accepts, for people and for clients that show it (e.g. <c>1 to 1000</c>).</summary>
    public string Allowed { get; } = allowed;
}
