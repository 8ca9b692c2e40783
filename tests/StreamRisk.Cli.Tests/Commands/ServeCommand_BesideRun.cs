using System.Diagnostics;
using System.Net;
using System.Text.Json;
using StreamRisk.Tests.Shared;

namespace StreamRisk.Cli.Tests.Commands;

/// <summary>
/// <c>serve</c> reads a store that <c>run</c> is writing: it takes no writer lock (so the run is not refused) and answers
/// with what each committed batch added.
/// </summary>
public sealed class ServeCommand_BesideRun : IDisposable
{
    private readonly string _folder = CliProcess.NewTempDirectory();
    private Process? _serve;

    [Fact]
    public async Task A_run_writes_the_store_while_it_is_served_and_the_api_shows_the_new_rows()
    {
        var db = Path.Combine(_folder, "streamrisk.db");
        var (first, _, firstErr) = CliProcess.Run("run", "--input", RepositoryRoot.Of("data", "samples", "01-reuters.jsonl"), "--db", db, "--quiet");
        Assert.True(first == 0, firstErr);

        Assert.Equal(0, CliProcess.Run("teams", "add", "desk", "--db", db).ExitCode);
        var (issued, token, issueErr) = CliProcess.Run("teams", "keys", "issue", "desk", "--scopes", "read,subscribe", "--db", db);
        Assert.True(issued == 0, issueErr);

        var url = StartServe(db);
        using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/documents")).StatusCode);
        client.DefaultRequestHeaders.Authorization = new("Bearer", token.Trim());
        var before = await CountAsync(client, "/api/v1/documents?limit=1000");
        using (var subscribed = await client.PostAsync("/api/v1/subscriptions",
            new StringContent("""{"name": "every alert", "filter": {"kinds": ["alert"]}}""", System.Text.Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.Created, subscribed.StatusCode);
        }

        var (second, _, secondErr) = CliProcess.Run("run", "--input", RepositoryRoot.Of("data", "samples"), "--db", db, "--quiet");

        Assert.True(second == 0, $"run beside serve exited {second}: {secondErr}");
        var after = await CountAsync(client, "/api/v1/documents?limit=1000");
        Assert.True(after > before, $"documents before {before}, after {after}");
        // The run fanned its alerts out to the subscription made through the API.
        var feed = await client.GetStringAsync("/api/v1/feed?limit=1000");
        Assert.Contains("\"kind\":\"alert\"", feed, StringComparison.Ordinal);
        Assert.False(_serve!.HasExited, "serve stopped while the run wrote its store");
    }

    private string StartServe(string db)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { "exec", Path.Combine(AppContext.BaseDirectory, "streamrisk.dll"), "serve", "--db", db, "--urls", "http://127.0.0.1:0" })
        {
            start.ArgumentList.Add(a);
        }
        _serve = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var line = _serve.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1)).GetAwaiter().GetResult()
            ?? throw new InvalidOperationException("serve ended before it listened (its error is on stderr above)");
        return line.Split(' ').First(w => w.StartsWith("http://", StringComparison.Ordinal));
    }

    private static async Task<int> CountAsync(HttpClient client, string url) =>
        JsonDocument.Parse(await client.GetStringAsync(url)).RootElement.GetProperty("items").GetArrayLength();

    public void Dispose()
    {
        if (_serve is { HasExited: false })
        {
            _serve.Kill();
            _serve.WaitForExit();
        }
        _serve?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
