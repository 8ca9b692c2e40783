using System.Net;
using System.Text.RegularExpressions;

namespace StreamRisk.Api.Tests.Endpoints;

/// <summary>/docs is a page of this server's own: its script comes from here and reads the OpenAPI document, nothing from elsewhere.</summary>
[Collection(SampleApiCollection.Name)]
public sealed class ReferencePage_ServedWithoutCdn(SampleApiFixture sample)
{
    [Fact]
    public async Task The_page_and_its_script_load_only_from_this_server()
    {
        using var page = await sample.Client.GetAsync("/docs");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<script src=\"/docs/docs.js\"></script>", html, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        using var script = await sample.Client.GetAsync("/docs/docs.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        var js = await script.Content.ReadAsStringAsync();
        Assert.Contains("fetch(\"/openapi/v1.json\")", js, StringComparison.Ordinal);
        Assert.DoesNotContain("innerHTML", js, StringComparison.Ordinal);

        // Nothing is loaded from another origin: no src/href to an absolute URL.
        Assert.Empty(Regex.Matches(html + js, @"(src|href)\s*=\s*[""']?(https?:)?//", RegexOptions.IgnoreCase));
    }
}
