using System.Net.Http.Headers;
using System.Text;
using StreamRisk.Core.Subscriptions;

namespace StreamRisk.Api.Tests.Subscriptions;

/// <summary>The live feed over Server-Sent Events: what arrives is pushed at once, and a client that reconnects with
/// Last-Event-ID gets exactly what it had not seen.</summary>
[Collection(SampleApiCollection.Name)]
public sealed class Stream_ResumesWithoutGapOrRepeat(SampleApiFixture sample)
{
    private async Task<string> SubscribeAsync()
    {
        var subscription = new Subscription("sub_stream_" + Guid.NewGuid().ToString("N")[..8], "desk", "stream", SubscriptionFilter.Everything, null, null, DateTimeOffset.UtcNow);
        await sample.Access.Subscriptions.AddSubscriptionAsync(subscription);
        return subscription.SubscriptionId;
    }

    private async Task AppendAsync(string subscriptionId, params string[] eventIds)
    {
        await sample.Access.Subscriptions.AppendToFeedAsync(
            eventIds.Select(id => new FeedItem("desk", subscriptionId, SubscriptionKind.Alert, id, DateTimeOffset.UtcNow, $$$"""{"kind":"alert","data":{"id":"{{{id}}}"}}""")).ToList(),
            DateTimeOffset.UtcNow);
        sample.Access.Signal.Notify();
    }

    /// <summary>Reads SSE events (id, event, data) until <paramref name="count"/> have arrived.</summary>
    private static async Task<List<(long Id, string Event, string Data)>> ReadEventsAsync(StreamReader reader, int count)
    {
        var events = new List<(long, string, string)>();
        long id = 0;
        string kind = "", data = "";
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (events.Count < count)
        {
            var line = await reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException("the stream ended");
            if (line.StartsWith("id: ", StringComparison.Ordinal)) id = long.Parse(line[4..]);
            else if (line.StartsWith("event: ", StringComparison.Ordinal)) kind = line[7..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal)) data = line[6..];
            else if (line.Length == 0 && data.Length > 0)
            {
                events.Add((id, kind, data));
                data = "";
            }
        }
        return events;
    }

    private async Task<(HttpResponseMessage Response, StreamReader Reader)> OpenAsync(long? lastEventId)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/stream");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is { } last)
        {
            request.Headers.Add("Last-Event-ID", last.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        var response = await sample.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return (response, new StreamReader(await response.Content.ReadAsStreamAsync(), Encoding.UTF8));
    }

    [Fact]
    public async Task Events_arrive_live_and_a_reconnect_resumes_right_after_the_last_one_seen()
    {
        var subscription = await SubscribeAsync();
        await AppendAsync(subscription, "before-connect");

        var (first, reader) = await OpenAsync(null);
        await AppendAsync(subscription, "live-1", "live-2");
        var seen = await ReadEventsAsync(reader, 2);
        Assert.Equal(["live-1", "live-2"], seen.Select(e => e.Data.Contains("live-1", StringComparison.Ordinal) ? "live-1" : "live-2"));
        Assert.All(seen, e => Assert.Equal("alert", e.Event));
        Assert.True(seen[0].Id < seen[1].Id);
        first.Dispose();

        // While disconnected, more arrives; the reconnect names the last id it saw.
        await AppendAsync(subscription, "missed-1", "missed-2");
        var (second, resumed) = await OpenAsync(seen[^1].Id);
        await AppendAsync(subscription, "after-reconnect");
        var next = await ReadEventsAsync(resumed, 3);
        second.Dispose();

        Assert.Equal(["missed-1", "missed-2", "after-reconnect"],
            next.Select(e => new[] { "missed-1", "missed-2", "after-reconnect" }.Single(id => e.Data.Contains($"\"event_id\":\"{id}\"", StringComparison.Ordinal))));
        Assert.True(next[0].Id > seen[^1].Id);
        Assert.Equal(next.Select(e => e.Id).Distinct().Count(), next.Count);
    }

    [Fact]
    public async Task A_bad_Last_Event_ID_is_400()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/stream");
        request.Headers.Add("Last-Event-ID", "yesterday");

        using var response = await sample.Client.SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
    }
}
