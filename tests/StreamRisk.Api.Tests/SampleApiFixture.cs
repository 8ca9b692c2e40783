using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using StreamRisk.Core.Reference;
using StreamRisk.Infrastructure.Reference;
using StreamRisk.Infrastructure.Storage;
using StreamRisk.Pipeline.Running;
using StreamRisk.Tests.Shared;

namespace StreamRisk.Api.Tests;

/// <summary>
/// Runs the pipeline over the bundled sample corpus once, into a fresh SQLite store, and serves the query API over it
/// in a TestServer. <see cref="Store"/> reads the same file directly, for what the API's answers must equal.
/// </summary>
public sealed class SampleApiFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "streamrisk-tests", Guid.NewGuid().ToString("N"));
    private WebApplication _app = null!;

    public string DatabasePath => Path.Combine(_folder, "streamrisk.db");
    public HttpClient Client { get; private set; } = null!;
    public SqliteRiskStore Store { get; private set; } = null!;
    public ReferenceData Reference { get; } = ReferenceDataLoader.Load(RepositoryRoot.Of("data", "reference"));

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        await PipelineRun.RunAsync(new RunOptions { Inputs = [RepositoryRoot.Of("data", "samples")], DatabasePath = DatabasePath }, null, CancellationToken.None);
        Store = new SqliteRiskStore(DatabasePath, mustExist: true);
        _app = QueryApi.Build(new QueryApiOptions(), new SqliteRiskQueries(DatabasePath), Reference, b => b.WebHost.UseTestServer());
        await _app.StartAsync();
        Client = _app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await Store.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    public async Task<JsonElement> GetJsonAsync(string url)
    {
        using var response = await Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Every item of a list, page after page of <paramref name="limit"/>, and how many pages it took.</summary>
    public async Task<(List<JsonElement> Items, int Pages)> GetAllPagesAsync(string url, int limit)
    {
        var items = new List<JsonElement>();
        var separator = url.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await GetJsonAsync($"{url}{separator}limit={limit}" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            pages++;
            var chunk = page.GetProperty("items").EnumerateArray().ToList();
            Assert.InRange(chunk.Count, 0, limit);
            items.AddRange(chunk);
            cursor = page.GetProperty("next_cursor").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next_cursor").GetString();
            Assert.True(pages < 10_000, "paging does not end");
        }
        while (cursor is not null);
        return (items, pages);
    }

    /// <summary>An issuer the sample run raised an alert for: it has a daily index and risk scores too.</summary>
    public async Task<string> AlertedIssuerAsync() => (await Store.GetAlertsAsync()).First().IssuerId;
}

[CollectionDefinition(Name)]
public sealed class SampleApiCollection : ICollectionFixture<SampleApiFixture>
{
    public const string Name = "query API over the sample run";
}
