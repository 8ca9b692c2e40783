using System.Net;
using System.Net.Http.Headers;

namespace StreamRisk.Api.Tests.Dashboard;

/// <summary>The dashboard is served at / and /dashboard/NAME from the assembly, each file with its type and the strict
/// policy, without a key (the page asks for one; the API under it checks it).</summary>
[Collection(SampleApiCollection.Name)]
public sealed class Dashboard_ServedWithTypesAndPolicy(SampleApiFixture sample)
{
    private static void AssertStrictPolicy(HttpResponseMessage response)
    {
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task The_page_is_html_at_the_root_and_needs_no_key()
    {
        using var client = sample.ClientWith(null);
        using var page = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        AssertStrictPolicy(page);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<script type=\"module\" src=\"/dashboard/main.mjs\"></script>", html, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"stylesheet\" href=\"/dashboard/dashboard.css\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_file_of_the_dashboard_is_served_with_its_content_type()
    {
        using var client = sample.ClientWith(null);
        var names = DashboardSources.Names();
        Assert.Contains("main.mjs", names);
        foreach (var name in names)
        {
            using var response = await client.GetAsync($"/dashboard/{name}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"/dashboard/{name}: {(int)response.StatusCode}");
            var expected = Path.GetExtension(name) switch { ".mjs" => "text/javascript", ".css" => "text/css", _ => "text/html" };
            Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
            AssertStrictPolicy(response);
            // What is served is the checkout's file, byte for byte: the assembly embeds every file of the folder.
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(DashboardSources.Folder, name)), await response.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task Names_outside_the_embedded_files_are_not_found()
    {
        using var client = sample.ClientWith(null);
        foreach (var path in new[] { "/dashboard/missing.mjs", "/dashboard/..%2Fdocs.html", "/dashboard/%2E%2E%2FQueryApi.cs", "/dashboard/" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task An_unchanged_file_is_revalidated_with_its_etag()
    {
        using var client = sample.ClientWith(null);
        using var first = await client.GetAsync("/dashboard/main.mjs");
        Assert.Equal("no-cache", first.Headers.CacheControl?.ToString());
        var etag = first.Headers.ETag ?? throw new InvalidOperationException("no ETag");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard/main.mjs");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag.Tag));
        using var again = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }
}
