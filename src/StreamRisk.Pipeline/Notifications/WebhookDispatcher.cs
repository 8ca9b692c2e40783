using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using StreamRisk.Core.Delivery;
using StreamRisk.Core.Subscriptions;

namespace StreamRisk.Pipeline.Notifications;

/// <summary>
/// Sends due webhook deliveries: a signed POST per delivery (<see cref="WebhookSignature"/>), a timeout per attempt, at
/// most <see cref="WebhookOptions.Concurrency"/> at once; each attempt is recorded in the delivery log with its status or
/// error and, on failure, when to try again (<see cref="RetryBackoff"/>) or that the delivery is dead.
/// </summary>
public sealed class WebhookDispatcher(ISubscriptionStore store, HttpClient http, WebhookOptions options, TimeProvider time, ILogger logger)
{
    public const string EventIdHeader = "StreamRisk-Event-Id";
    public const string DeliveryIdHeader = "StreamRisk-Delivery-Id";
    public const string AttemptHeader = "StreamRisk-Attempt";

    private readonly Random _jitter = new();

    public WebhookCounters Counters { get; } = new();

    /// <returns>How many deliveries were attempted.</returns>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var due = await store.GetDueDeliveriesAsync(time.GetUtcNow(), options.BatchSize, cancellationToken).ConfigureAwait(false);
        var attempts = new System.Collections.Concurrent.ConcurrentQueue<(DueDelivery Due, DeliveryAttempt Attempt)>();
        try
        {
            await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken },
                async (delivery, ct) =>
                {
                    var (status, error) = await SendAsync(delivery, ct).ConfigureAwait(false);
                    attempts.Enqueue((delivery, DeliveryOutcome.Of(delivery.Delivery, time.GetUtcNow(), status, error, options.Backoff, NextDraw)));
                }).ConfigureAwait(false);
        }
        finally
        {
            // One commit for the batch: a commit per POST (a disk sync each on SQLite) held 100 receivers to ~130
            // deliveries a second (bench/StreamRisk.Bench.Fanout). What was sent before a stop is still recorded.
            await store.RecordAttemptsAsync(attempts.Select(a => a.Attempt).ToList(), CancellationToken.None).ConfigureAwait(false);
        }
        foreach (var (delivery, attempt) in attempts)
        {
            Counters.Count(attempt);
            if (!attempt.Succeeded && attempt.NextAttemptAt is null)
            {
                logger.LogWarning("webhook delivery {DeliveryId} of team {TeamId} is dead after {Attempts} attempts: {Error}",
                    delivery.Delivery.DeliveryId, delivery.Delivery.TeamId, delivery.Delivery.Attempts + 1, attempt.Error);
            }
        }
        return due.Count;
    }

    /// <summary>Dispatches until cancelled, looking for due deliveries every <see cref="WebhookOptions.PollInterval"/>, and at
    /// once when <paramref name="wake"/> (the feed's signal, when the fan-out runs in this process) says entries arrived.</summary>
    public async Task RunAsync(CancellationToken cancellationToken, FeedSignal? wake = null)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            // Taken before looking, so that entries appended while this batch is sent wake the next wait at once.
            var waiting = wake is null ? null : wake.WaitAsync(options.PollInterval, time, cancellationToken);
            if (await DispatchDueAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                await (waiting ?? Task.Delay(options.PollInterval, time, cancellationToken)).ConfigureAwait(false);
            }
        }
    }

    private async Task<(int? Status, string? Error)> SendAsync(DueDelivery due, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(due.Body);
        using var request = new HttpRequestMessage(HttpMethod.Post, due.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(due.Secret, time.GetUtcNow(), body));
        request.Headers.Add(EventIdHeader, due.Delivery.EventId);
        request.Headers.Add(DeliveryIdHeader, due.Delivery.DeliveryId.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(AttemptHeader, (due.Delivery.Attempts + 1).ToString(CultureInfo.InvariantCulture));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            return ((int)response.StatusCode, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"no answer within {options.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException ex)
        {
            return (null, ex.HttpRequestError == HttpRequestError.Unknown ? ex.Message : $"{ex.HttpRequestError}: {ex.Message}");
        }
    }

    private double NextDraw()
    {
        lock (_jitter)
        {
            return _jitter.NextDouble();
        }
    }
}

/// <param name="Timeout">Per attempt, connection to last header.</param>
/// <param name="Concurrency">Deliveries in flight at once, over all receivers.</param>
public sealed record WebhookOptions(TimeSpan Timeout, int Concurrency, int BatchSize, TimeSpan PollInterval, RetryBackoff Backoff)
{
    public static WebhookOptions Default { get; } = new(TimeSpan.FromSeconds(10), 16, 200, TimeSpan.FromSeconds(1), RetryBackoff.Default);
}
