using System.Net;
using System.Text;

namespace StreamRisk.Api.Tests.Http;

/// <summary>What the API refuses: large bodies, over-long query strings, writes to what only reads; and it grants no cross-origin reads.</summary>
[Collection(SampleApiCollection.Name)]
public sealed class RequestLimits_AndClosedCors(SampleApiFixture sample)
{
    [Fact]
    public async Task A_request_body_over_the_limit_is_413()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/alerts") { Content = new StringContent(new string('x', 70_000), Encoding.UTF8) };

        using var response = await sample.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_over_long_query_string_is_414()
    {
        using var response = await sample.Client.GetAsync("/api/v1/alerts?issuer=" + new string('a', 3000));

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
    }

    [Fact]
    public async Task Writes_are_not_allowed()
    {
        using var response = await sample.Client.PostAsync("/api/v1/alerts", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task No_origin_is_granted_cross_origin_access()
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, "/api/v1/alerts");
        get.Headers.Add("Origin", "https://elsewhere.example");
        using var answer = await sample.Client.SendAsync(get);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.False(answer.Headers.Contains("Access-Control-Allow-Origin"));

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/alerts");
        preflight.Headers.Add("Origin", "https://elsewhere.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        using var refused = await sample.Client.SendAsync(preflight);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }
}
