using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using StreamRisk.Core.Subscriptions;
using StreamRisk.Infrastructure.Storage;
using StreamRisk.Tests.Shared;

namespace StreamRisk.Api.Tests.Dashboard;

/// <summary>
/// The dashboard's stream client — its own modules, run by node — against the API on loopback: an alert added to the
/// team's feed while it is connected arrives without a reload, and a key the API refuses stops it with the reason.
/// </summary>
[Collection(SampleApiCollection.Name)]
public sealed class DashboardLiveFeed_ShowsAlertsPushedWhileOpen(SampleApiFixture sample)
{
    private static readonly string Harness = RepositoryRoot.Of("tests", "StreamRisk.Api.Tests", "Dashboard", "js", "follow-feed.mjs");

    private async Task<(WebApplication App, string BaseUrl)> ServeOnLoopbackAsync()
    {
        var app = QueryApi.Build(new QueryApiOptions { Urls = "http://127.0.0.1:0" }, new SqliteRiskQueries(sample.DatabasePath), sample.Reference, sample.Access);
        await app.StartAsync();
        return (app, app.Urls.First());
    }

    private static Process StartHarness(string baseUrl, string key, int alerts)
    {
        var start = new ProcessStartInfo(NodeJs.Program!) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Harness, baseUrl, key, alerts.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }
        return Process.Start(start)!;
    }

    private static async Task<string> ReadLineAsync(Process node, CancellationToken cancellationToken) =>
        await node.StandardOutput.ReadLineAsync(cancellationToken)
        ?? throw new InvalidOperationException($"the harness ended: {await node.StandardError.ReadToEndAsync(cancellationToken)}");

    [NodeFact]
    public async Task An_alert_added_while_connected_arrives_live()
    {
        var (app, baseUrl) = await ServeOnLoopbackAsync();
        await using var _ = app;
        var subscription = new Subscription("sub_dash_" + Guid.NewGuid().ToString("N")[..8], "desk", "dashboard test", SubscriptionFilter.Everything,
            null, null, DateTimeOffset.UtcNow);
        await sample.Access.Subscriptions.AddSubscriptionAsync(subscription);
        using var node = StartHarness(baseUrl, sample.DeskToken, 1);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            Assert.Equal("status connecting", await ReadLineAsync(node, timeout.Token));
            Assert.Equal("status live", await ReadLineAsync(node, timeout.Token));

            var alertId = "alert-pushed-" + Guid.NewGuid().ToString("N")[..8];
            var body = $$$"""{"kind":"alert","data":{"alert_id":"{{{alertId}}}","issuer_id":"x","as_of":"2024-03-01","rule":"jump","severity":"warning","message":"m","value":1,"threshold":null,"evidence_doc_ids":[],"revision":0,"status":"active"}}""";
            await sample.Access.Subscriptions.AppendToFeedAsync(
                [new FeedItem("desk", subscription.SubscriptionId, SubscriptionKind.Alert, alertId + ":r0", DateTimeOffset.UtcNow, body)], DateTimeOffset.UtcNow);
            sample.Access.Signal.Notify();

            Assert.Equal($"alert {alertId}", await ReadLineAsync(node, timeout.Token));
            await node.WaitForExitAsync(timeout.Token);
            Assert.Equal(0, node.ExitCode);
        }
        finally
        {
            if (!node.HasExited)
            {
                node.Kill();
            }
            await sample.Access.Subscriptions.DeleteSubscriptionAsync("desk", subscription.SubscriptionId, DateTimeOffset.UtcNow);
        }
    }

    [NodeFact]
    public async Task A_refused_key_stops_the_stream_with_the_reason()
    {
        var (app, baseUrl) = await ServeOnLoopbackAsync();
        await using var _ = app;
        using var node = StartHarness(baseUrl, sample.RevokedToken, 1);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        Assert.Equal("status connecting", await ReadLineAsync(node, timeout.Token));
        Assert.Equal("status refused 401", await ReadLineAsync(node, timeout.Token));
        await node.WaitForExitAsync(timeout.Token);
        Assert.Equal(3, node.ExitCode);
    }
}
