namespace StreamRisk.Api;

/// <summary>How the query API listens and what it accepts.</summary>
public sealed record QueryApiOptions
{
    /// <summary>Loopback only by default: exposing the API is a deliberate choice (<c>--urls http://0.0.0.0:8080</c>).</summary>
    public const string DefaultUrls = "http://127.0.0.1:8080";

    /// <summary>Semicolon-separated URLs to listen on.</summary>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>Largest page a caller may ask for; the default page is <see cref="DefaultLimit"/>.</summary>
    public int MaxLimit { get; init; } = 1000;

    public int DefaultLimit { get; init; } = 100;

    /// <summary>Request bodies above this are refused (413): the only body the API takes is a subscription.</summary>
    public long MaxRequestBodyBytes { get; init; } = 64 * 1024;

    /// <summary>Requests a minute per API key (per client address without one); over it, 429.</summary>
    public int RequestsPerMinute { get; init; } = 600;

    /// <summary>Longest query string accepted (414 above it).</summary>
    public int MaxQueryStringLength { get; init; } = 2048;

    /// <summary>Key of the cursors' integrity check (HMAC-SHA256). Cursors are opaque positions, not secrets: the key
    /// only lets the API tell a cursor it gave out from an altered one. Replicas behind one load balancer share it.</summary>
    public byte[]? CursorKey { get; init; }
}
