using System.ComponentModel;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StreamRisk.Api.Access;
using StreamRisk.Api.Http;
using StreamRisk.Api.Responses;
using StreamRisk.Core.Access;
using StreamRisk.Core.Subscriptions;

namespace StreamRisk.Api.Endpoints;

/// <summary>
/// The calling team's feed: what its subscriptions matched, in order. <c>/feed</c> pages it; <c>/stream</c> is the same
/// entries as Server-Sent Events, live. Each event's id is its seq: a client that reconnects with <c>Last-Event-ID</c>
/// resumes right after it, with no gap and no repeat, because the feed is stored and numbered before it is streamed.
/// </summary>
internal static class FeedEndpoints
{
    /// <summary>A comment line this often keeps proxies and load balancers from closing a quiet stream.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static void Map(RouteGroupBuilder api)
    {
        var subscribe = new RequiredScope(ApiScopes.Subscribe);
        api.MapGet("/feed", Page).WithMetadata(subscribe)
            .WithName("ReadFeed").WithSummary("The calling team's feed after a seq, oldest first.")
            .Produces<SeqPageOf<FeedEntryView>>().ProducesProblem(400).Allow("after", "limit");
        api.MapGet("/stream", Stream).WithMetadata(subscribe)
            .WithName("StreamFeed")
            .WithSummary("The calling team's feed as Server-Sent Events (text/event-stream): 'id' is the seq, 'event' the kind (alert, score, "
                + "topic_match), 'data' the entry. Resumes after Last-Event-ID (or ?after=); without either, starts with what arrives next. "
                + "A comment line every 15 s keeps the connection open.")
            .Produces(200, contentType: "text/event-stream").ProducesProblem(400).Allow("after");
    }

    private static async Task<IResult> Page(HttpContext http, ApiAccess access, Paging.Paging paging,
        [Description("Entries after this seq (default 0: from the start).")] string? after,
        [Description("Page size (default 100).")] string? limit,
        CancellationToken cancellationToken)
    {
        var from = Seq("after", after) ?? 0;
        var size = paging.Limit(limit);
        var entries = await access.Subscriptions.ReadFeedAsync(http.Caller().TeamId, from, size + 1, cancellationToken);
        var items = entries.Take(size).Select(FeedEntryView.From).ToList();
        return Results.Json(new SeqPageOf<FeedEntryView>(items, entries.Count > size ? items[^1].Seq : null));
    }

    private static async Task Stream(HttpContext http, ApiAccess access, [Description("Resume after this seq (as Last-Event-ID).")] string? after)
    {
        var team = http.Caller().TeamId;
        var cancellationToken = http.RequestAborted;
        var resume = Seq("Last-Event-ID", http.Request.Headers["Last-Event-ID"].FirstOrDefault()) ?? Seq("after", after);
        var position = resume ?? await access.Subscriptions.GetLastSeqAsync(team, cancellationToken);
        var response = http.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        // Tells nginx-style proxies not to buffer the stream.
        response.Headers["X-Accel-Buffering"] = "no";
        await response.WriteAsync("retry: 2000\n\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
        var lastWrite = access.Time.GetUtcNow();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var waiting = access.Signal.WaitForTeamAsync(team, Heartbeat, access.Time, cancellationToken);
                var entries = await access.Subscriptions.ReadFeedAsync(team, position, 500, cancellationToken);
                foreach (var entry in entries)
                {
                    await response.WriteAsync(Frame(entry), cancellationToken);
                    position = entry.Seq;
                }
                if (entries.Count > 0)
                {
                    await response.Body.FlushAsync(cancellationToken);
                    lastWrite = access.Time.GetUtcNow();
                    if (entries.Count == 500)
                    {
                        continue; // more is waiting: read on before sleeping
                    }
                }
                await waiting;
                if (access.Time.GetUtcNow() - lastWrite >= Heartbeat)
                {
                    await response.WriteAsync(": heartbeat\n\n", cancellationToken);
                    await response.Body.FlushAsync(cancellationToken);
                    lastWrite = access.Time.GetUtcNow();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away: nothing to answer.
        }
    }

    /// <summary>One SSE event. The data is one line of JSON (JSON text never holds a raw newline).</summary>
    public static string Frame(FeedEntry entry)
    {
        var view = FeedEntryView.From(entry);
        var data = System.Text.Json.JsonSerializer.Serialize(view, SnakeCase);
        return new StringBuilder()
            .Append("id: ").Append(entry.Seq.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append("event: ").Append(view.Kind).Append('\n')
            .Append("data: ").Append(data).Append("\n\n")
            .ToString();
    }

    private static readonly System.Text.Json.JsonSerializerOptions SnakeCase = new()
    {
        PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower,
    };

    private static long? Seq(string name, string? text) =>
        text is null ? null
        : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seq) ? seq
        : throw new BadParameterException(name, $"'{QueryParameters.Shorten(text)}' is not a feed seq", "a whole number, the id of an earlier event");
}
