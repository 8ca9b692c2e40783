using StreamRisk.Core.Access;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using StreamRisk.Core.Storage;
using StreamRisk.Infrastructure.Reference;
using StreamRisk.Infrastructure.Storage;
using StreamRisk.Tests.Shared;

namespace StreamRisk.Api.Tests.Endpoints;

/// <summary>/ready is 503 while the store cannot be read and 200 once it can; /health answers either way.</summary>
public sealed class Readiness_FollowsTheStore : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "streamrisk-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Ready_is_503_without_a_store_and_200_with_one()
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, "streamrisk.db");
        var reference = ReferenceDataLoader.Load(RepositoryRoot.Of("data", "reference"));
        await using var app = QueryApi.Build(new QueryApiOptions(), new SqliteRiskQueries(path), reference, SampleApiFixture.AccessTo(path),
            b => b.WebHost.UseTestServer());
        await app.StartAsync();
        var client = app.GetTestClient();

        using (var down = await client.GetAsync("/ready"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            Assert.Equal("application/problem+json", down.Content.Headers.ContentType?.MediaType);
            Assert.DoesNotContain(_folder, await down.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.False(File.Exists(path), "the API created the store it only reads");

        await using (var store = new SqliteRiskStore(path))
        {
            await store.MigrateAsync();
            await store.UpsertAsync(new StoreBatch { DeadLetters = [new("dl000001", "news.raw.v1", 0, 1, "ingest", "malformed_json", "bad", null, "e30=")] });
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/ready")).StatusCode);
        await using var teams = new SqliteTeamStore(path);
        await teams.AddTeamAsync(new Team("ops", "Ops", DateTimeOffset.UtcNow));
        var (token, key) = ApiKeyToken.Issue("ops", ApiScopes.Read, null, DateTimeOffset.UtcNow);
        await teams.AddApiKeyAsync(key);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        Assert.Contains("dl000001", await client.GetStringAsync("/api/v1/dead-letters"), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
